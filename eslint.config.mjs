// One lint configuration for src/, test/, bench/ and scripts/. `npm run lint` runs it through office-addin-lint,
// and `npm test` runs the same.
//  - typescript-eslint's recommended set, everywhere;
//  - react-hooks (rules-of-hooks, exhaustive-deps) for the task pane's hooks and components;
//  - the Office add-in rules (no-context-sync-in-loop, load-object-before-read, …) from eslint-plugin-office-addins.
import officeAddins from "eslint-plugin-office-addins";
import reactHooks from "eslint-plugin-react-hooks";
import tseslint from "typescript-eslint";

export default tseslint.config(
  { ignores: ["dist/**", "node_modules/**", "coverage/**", "bench/out/**", "test-results/**", "**/*.js", "**/*.cjs", "**/*.mjs"] },
  // The Office plugin brings its own copy of @typescript-eslint: use the one typescript-eslint's set uses.
  ...officeAddins.configs.recommended.map((c) =>
    c.plugins ? { ...c, plugins: { ...c.plugins, "@typescript-eslint": tseslint.plugin } } : c,
  ),
  ...tseslint.configs.recommended,
  {
    files: ["**/*.ts", "**/*.tsx"],
    plugins: { "office-addins": officeAddins, "react-hooks": reactHooks },
    languageOptions: {
      parser: tseslint.parser,
      parserOptions: { ecmaFeatures: { jsx: true }, sourceType: "module" },
      globals: { Excel: "readonly", Office: "readonly", OfficeExtension: "readonly" },
    },
    rules: {
      "no-undef": "off", // TypeScript checks names itself
      "office-addins/no-context-sync-in-loop": "error",
      "office-addins/load-object-before-read": "error",
      "office-addins/call-sync-before-read": "error",
      "office-addins/call-sync-after-load": "error",
      "office-addins/no-navigational-load": "error",
      "office-addins/no-office-initialize": "error",
      "office-addins/test-for-null-using-isNullObject": "error",
      "office-addins/no-empty-load": "error",
      "react-hooks/rules-of-hooks": "error",
      "react-hooks/exhaustive-deps": "error",
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_", caughtErrors: "none" }],
    },
  },
  {
    // Kysely's own advice: a migration takes Kysely<any>, because it must not depend on today's schema types.
    files: ["src/server/db/migrations/*.ts"],
    rules: { "@typescript-eslint/no-explicit-any": "off" },
  },
  {
    // Lazy loading: a command, a thread, the supervisor's reminders or a benchmark step loads its module when it is
    // first needed, by a path known only then; import() would make each caller async for no gain in CommonJS output.
    files: [
      "src/cli/**/*.ts",
      "src/server/db/**/*.ts",
      "src/server/services/export-thread.ts",
      "src/server/main.ts",
      "bench/**/*.ts",
    ],
    rules: { "@typescript-eslint/no-require-imports": "off" },
  },
);
