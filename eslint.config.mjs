// ESLint flat config: typescript-eslint, React (+ hooks), Office add-in batching rules for the code
// that talks to Word, Prettier compatibility, and import boundaries that keep the core pure.
// Formatting itself is checked by `prettier --check .` (see the "lint" script).
import { builtinModules } from "node:module";
import js from "@eslint/js";
import tseslint from "typescript-eslint";
import react from "eslint-plugin-react";
import reactHooks from "eslint-plugin-react-hooks";
import officeAddins from "eslint-plugin-office-addins";
import prettier from "eslint-config-prettier";

const nodeBuiltins = [...builtinModules, ...builtinModules.map((m) => `node:${m}`)];

/** The Office add-in plugin's recommended rules (only its own rules; the rest is configured here). */
const officeRecommendedRules = Object.fromEntries(
  officeAddins.configs.recommended
    .flatMap((c) => Object.entries(c.rules ?? {}))
    .filter(([name]) => name.startsWith("office-addins/")),
);

const nodeGlobals = Object.fromEntries(
  [
    "process",
    "console",
    "Buffer",
    "URL",
    "URLSearchParams",
    "TextEncoder",
    "TextDecoder",
    "setTimeout",
    "clearTimeout",
    "setInterval",
    "clearInterval",
    "setImmediate",
    "queueMicrotask",
    "structuredClone",
    "performance",
    "AbortController",
    "fetch",
    "global",
  ].map((g) => [g, "readonly"]),
);
const commonJsGlobals = {
  require: "readonly",
  module: "writable",
  exports: "writable",
  __dirname: "readonly",
};

/** No product code imports the tests (samples are product assets in assets/samples). */
const testsImport = {
  group: ["**/tests", "**/tests/**"],
  message:
    "Product code may not import tests/: a file the product needs belongs in src/ or assets/.",
};

/** Imports the pure core (domain, templates, ooxml) may not make. */
const pureCoreRestrictions = {
  paths: nodeBuiltins.map((name) => ({
    name,
    message: "The core is pure: no Node built-ins. Do I/O in an adapter or the CLI.",
  })),
  patterns: [
    {
      group: ["react", "react/*", "react-dom", "react-dom/*", "@fluentui/*"],
      message: "The core is pure: no React or UI.",
    },
    {
      group: ["office-js", "@microsoft/office-js", "@types/office-js"],
      message: "The core is pure: Office.js belongs in src/adapters/office.",
    },
    {
      group: ["fflate", "fflate/*"],
      message: "The core is pure: zip handling belongs in src/adapters/docx.",
    },
    testsImport,
    {
      group: [
        "**/adapters",
        "**/adapters/**",
        "**/app",
        "**/app/**",
        "**/taskpane",
        "**/taskpane/**",
        "**/cli",
        "**/cli/**",
        "**/preview/**",
        "**/commands/**",
      ],
      message:
        "The core (domain, templates, ooxml) may not depend on adapters, app, UI or CLI code.",
    },
  ],
};

const noExportDefault = [{ selector: "ExportDefaultDeclaration", message: "Use named exports." }];

// No state at module level in the pure core (docs/adr/0010): what is worked out for a document
// lives in its DocumentContext. A module-level `let`/`var`, a collection or object made with
// `new`, and a mutable array are refused; a lookup table built once from constants is fine when
// its type says it is read-only (`ReadonlyMap`, `ReadonlySet`, `readonly T[]`, `as const`,
// `Object.freeze`). RegExp objects are allowed (used with `test`/`exec` after resetting
// `lastIndex`, or without the g/y flags).
const topLevel = ":matches(Program, Program > ExportNamedDeclaration) > VariableDeclaration";
const readOnlyTyped =
  "[id.typeAnnotation.typeAnnotation.typeName.name=/^Readonly(Map|Set|Array)?$/]," +
  "[id.typeAnnotation.typeAnnotation.operator='readonly']";
const moduleStateMessage =
  "No module-level mutable state in the pure core: keep it in the document's DocumentContext (src/domain/document-context.ts), or give a constant table a read-only type.";
const noModuleState = [
  { selector: `${topLevel}[kind='let']`, message: moduleStateMessage },
  { selector: `${topLevel}[kind='var']`, message: moduleStateMessage },
  {
    selector: `${topLevel} > VariableDeclarator:not(${readOnlyTyped}) > NewExpression:not([callee.name='RegExp'])`,
    message: moduleStateMessage,
  },
  {
    selector: `${topLevel} > VariableDeclarator:not(${readOnlyTyped}) > ArrayExpression`,
    message: moduleStateMessage,
  },
  {
    selector: `${topLevel} > VariableDeclarator > NewExpression[callee.name=/^Weak(Map|Set|Ref)$/]`,
    message: moduleStateMessage,
  },
];

export default tseslint.config(
  {
    ignores: [
      "node_modules/**",
      "dist/**",
      "coverage/**",
      "test-results/**",
      "tests/fixtures/**",
      "**/*.d.ts",
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      "@typescript-eslint/no-unused-vars": [
        "error",
        { argsIgnorePattern: "^_", varsIgnorePattern: "^_", caughtErrors: "none" },
      ],
      "no-restricted-syntax": ["error", ...noExportDefault],
      // OOXML work strips characters XML forbids, which needs control characters in patterns.
      "no-control-regex": "off",
    },
  },
  // React: components and the pane.
  {
    files: ["src/**/*.tsx", "tests/**/*.tsx"],
    ...react.configs.flat.recommended,
    settings: { react: { version: "19.0" } },
  },
  { files: ["src/**/*.tsx", "tests/**/*.tsx"], ...react.configs.flat["jsx-runtime"] },
  {
    files: ["src/**/*.{ts,tsx}", "tests/**/*.{ts,tsx}"],
    plugins: { "react-hooks": reactHooks },
    rules: {
      "react-hooks/rules-of-hooks": "error",
      "react-hooks/exhaustive-deps": "warn",
    },
  },
  // The code that talks to Word: load before read, sync before read, no sync in loops.
  {
    files: ["src/adapters/office/**/*.ts"],
    plugins: { "office-addins": officeAddins },
    rules: officeRecommendedRules,
  },
  // Product code never imports the tests.
  {
    files: ["src/**/*.{ts,tsx}"],
    rules: { "no-restricted-imports": ["error", { patterns: [testsImport] }] },
  },
  // Use cases take the document port: the pane, the preview and the CLI choose the adapter.
  {
    files: ["src/app/**/*.ts"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            testsImport,
            {
              group: ["**/adapters", "**/adapters/**"],
              message:
                "Use cases reach a document through the port (src/ports/document.port.ts): take a DocumentPort, and let the pane, the preview or the CLI choose the adapter.",
            },
            {
              group: ["**/taskpane/**", "**/preview/**", "**/cli/**", "react", "react-dom"],
              message: "Use cases do not depend on the pane, the preview or the command line.",
            },
          ],
        },
      ],
    },
  },
  // The pure core.
  {
    files: ["src/domain/**/*.ts", "src/templates/**/*.ts", "src/ooxml/**/*.ts"],
    rules: {
      "no-restricted-imports": ["error", pureCoreRestrictions],
      "no-restricted-syntax": ["error", ...noExportDefault, ...noModuleState],
    },
  },
  // Ports: interfaces over the domain only.
  {
    files: ["src/ports/**/*.ts"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            {
              group: ["**/adapters/**", "**/taskpane/**", "**/cli/**", "react", "fflate"],
              message: "Ports depend on the domain only.",
            },
            testsImport,
          ],
        },
      ],
    },
  },
  // Scripts, configs and the browser-test runner run in Node.
  {
    files: ["**/*.{js,mjs,cjs}"],
    languageOptions: { globals: nodeGlobals, sourceType: "module" },
    rules: { "no-restricted-syntax": "off" },
  },
  {
    files: ["**/*.{js,cjs}"],
    ignores: ["**/*.mjs"],
    languageOptions: { globals: { ...nodeGlobals, ...commonJsGlobals }, sourceType: "commonjs" },
    rules: { "@typescript-eslint/no-require-imports": "off" },
  },
  // Browser tests: callbacks passed to page.evaluate() run in the page.
  {
    files: ["tests/e2e/**/*.mjs"],
    languageOptions: {
      globals: {
        ...nodeGlobals,
        ...Object.fromEntries(
          [
            "window",
            "document",
            "navigator",
            "location",
            "getComputedStyle",
            "HTMLElement",
            "Element",
            "Event",
            "KeyboardEvent",
            "MouseEvent",
            "DataTransfer",
            "File",
            "Blob",
            "FileReader",
            "requestAnimationFrame",
          ].map((g) => [g, "readonly"]),
        ),
      },
    },
  },
  // Config files: tools expect default exports.
  {
    files: ["eslint.config.mjs", "*.config.{js,cjs,mjs}"],
    rules: { "no-restricted-syntax": "off" },
  },
  // Tests may use jest's hoisted mocks and require().
  {
    files: ["tests/**/*.{ts,tsx}"],
    rules: { "@typescript-eslint/no-require-imports": "off" },
  },
  prettier,
);
