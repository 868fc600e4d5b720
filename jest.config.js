/** @type {import('jest').Config} */
const base = {
  transform: { "^.+\\.tsx?$": ["ts-jest", { tsconfig: "tsconfig.json", diagnostics: { warnOnly: false } }] },
  moduleNameMapper: {
    "^office-addin-manifest$": "<rootDir>/node_modules/office-addin-manifest/lib/officeApp.js",
  },
};
module.exports = {
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
