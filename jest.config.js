/** @type {import('jest').Config} */
const base = {
  transform: { "^.+\\.tsx?$": ["ts-jest", { tsconfig: "tsconfig.json", diagnostics: { warnOnly: false } }] },
  moduleNameMapper: {
    "^office-addin-manifest$": "<rootDir>/node_modules/office-addin-manifest/lib/officeApp.js",
  },
};
module.exports = {
  // CI shares two cores between jest workers, PostgreSQL and the build; a real-file test that takes 3 s on a quiet
  // machine took 5.6 s there and failed on jest's 5 s default. A hang still fails, after 30 s.
  testTimeout: 30_000,
  projects: [
    {
      ...base,
      displayName: "node",
      testEnvironment: "node",
      testMatch: ["<rootDir>/test/**/*.test.ts"],
      testPathIgnorePatterns: ["/node_modules/", "<rootDir>/test/e2e/"],
    },
    {
      ...base,
      displayName: "dom",
      testEnvironment: "jsdom",
      testMatch: ["<rootDir>/test/**/*.test.tsx"],
      setupFilesAfterEnv: ["<rootDir>/test/setup-dom.ts"],
    },
  ],
};
