/* eslint-disable */
"use strict";
// Builds the add-in's web part into dist/web:
//   taskpane.html + taskpane.[hash].js   the task pane (React + Fluent UI), also the browser preview outside Excel;
//                                        the HTML carries the pane's first screen pre-rendered (src/taskpane/shell/:
//                                        render-shell.tsx runs here through tsx) and shell.[hash].js shows it
//   help.html                            the help page the manifest's SupportUrl and LearnMoreUrl point at (vi + en)
//   office/                              a local copy of office.js (see "office.js" below)
//   assets/, manifest.xml                copied; the production build rewrites https://localhost:3000/ in the manifest
//                                        to CHITIEU_PUBLIC_URL when it is set.
// ExcelJS (the .xlsx writer of the preview's "Download .xlsx") is loaded with import(), so it is an async chunk and
// never part of the start-up bundle (budget: 250 KB gzip, measured by bench/taskpane/run.ts).
//
// office.js: in Excel the pane loads Microsoft's CDN copy (as Microsoft documents it). Outside Excel (the browser
// preview, the CI machine without internet) it loads the copy under office/, which also serves
// o15apptofilemappingtable.js so Office.onReady resolves with host null. The choice is made at run time by
// src/taskpane/office-loader.ts, which mirrors office.js's own host detection; only a development build falls back to
// the local copy inside Excel when the CDN cannot be reached (so the Excel host files are copied too); a production
// build tells the user office.js could not be loaded.
const path = require("node:path");
const fs = require("node:fs");
const webpack = require("webpack");
const HtmlWebpackPlugin = require("html-webpack-plugin");
const CopyWebpackPlugin = require("copy-webpack-plugin");
const tsx = require("tsx/cjs/api");

const DEV_URL = "https://localhost:3000/";
const officeDist = path.dirname(require.resolve("@microsoft/office-js/dist/office.js"));

/** The office.js files served locally: the loader, its host table, strings for our two languages, Excel hosts. */
function officeFiles() {
  const wanted = ["office.js", "o15apptofilemappingtable.js", "en-us/office_strings.js", "vi-vn/office_strings.js"];
  for (const f of fs.readdirSync(officeDist)) {
    if (/^excel-(win32|mac|web|ios|android|winrt)-16\.\d\d(-core)?\.js$/.test(f)) wanted.push(f);
  }
  return wanted.map((f) => ({ from: path.join(officeDist, f), to: path.join("office", f) }));
}

function publicUrl() {
  const url = process.env.CHITIEU_PUBLIC_URL;
  if (!url) return null;
  return url.endsWith("/") ? url : `${url}/`;
}

module.exports = (env, argv) => {
  const production = argv.mode !== "development";
  const rewriteTo = production ? publicUrl() : null;
  return {
    mode: production ? "production" : "development",
    devtool: production ? "source-map" : "eval-cheap-module-source-map",
    target: ["web", "es2020"],
    entry: {
      taskpane: "./src/taskpane/index.tsx",
      shell: "./src/taskpane/shell/shell-boot.ts",
    },
    output: {
      path: path.resolve(__dirname, "dist/web"),
      filename: production ? "[name].[contenthash:8].js" : "[name].js",
      chunkFilename: production ? "[name].[contenthash:8].js" : "[name].js",
      publicPath: "",
      clean: true,
    },
    resolve: {
      extensions: [".ts", ".tsx", ".js", ".mjs"],
      // ExcelJS's package.json "browser" field points at its self-contained browser build; nothing else needs Node.
      fallback: { fs: false, path: false, os: false, crypto: false, stream: false, zlib: false },
    },
    module: {
      rules: [
        // src/domain is pure (no module does anything on import): what a barrel re-exports and nobody uses is dropped
        { test: /[\\/]src[\\/]domain[\\/]/, sideEffects: false },
        {
          test: /\.tsx?$/,
          exclude: /node_modules/,
          use: {
            loader: "ts-loader",
            options: {
              // types are checked by `tsc --noEmit`; ES modules here so webpack can tree-shake Fluent UI
              transpileOnly: true,
              onlyCompileBundledFiles: true,
              compilerOptions: { module: "esnext", sourceMap: true },
            },
          },
        },
      ],
    },
    plugins: [
      // `node:fs`-style imports (if a shared module ever has one) resolve to the fallbacks above instead of failing
      new webpack.NormalModuleReplacementPlugin(/^node:/, (resource) => {
        resource.request = resource.request.replace(/^node:/, "");
      }),
      new HtmlWebpackPlugin({
        filename: "taskpane.html",
        template: "./src/taskpane/taskpane.html",
        chunks: ["taskpane"],
        scriptLoading: "defer",
        // the first screen, rendered from the pane's own components; its boot script is placed by the template
        // itself, right after the templates it shows (a blocking script: it runs before the first paint)
        templateParameters: (compilation) => {
          const { renderShell } = tsx.require("./src/taskpane/shell/render-shell.tsx", __filename);
          const boot = compilation.entrypoints.get("shell").getFiles().find((f) => f.endsWith(".js"));
          return { shell: { ...renderShell(), boot } };
        },
      }),
      new CopyWebpackPlugin({
        patterns: [
          { from: "assets", to: "assets", noErrorOnMissing: true, globOptions: { ignore: ["**/help.html"] } },
          { from: "assets/help.html", to: "help.html" },
          {
            from: "manifest.xml",
            to: "manifest.xml",
            transform: (content) => (rewriteTo ? content.toString().split(DEV_URL).join(rewriteTo) : content),
          },
          ...officeFiles(),
        ],
      }),
    ],
    performance: {
      // the start-up budget is about entry chunks; the ExcelJS chunk is loaded only on "Download .xlsx"
      hints: production ? "warning" : false,
      assetFilter: (name) => /^(taskpane|shell)\.[0-9a-f]+\.js$/.test(name),
      maxEntrypointSize: 1024 * 1024,
      maxAssetSize: 1024 * 1024,
    },
    optimization: {
      splitChunks: { chunks: "async" },
    },
  };
};
