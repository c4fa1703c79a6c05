// The linter for the window's TypeScript: typescript-eslint's strict, type-aware rules, so
// floating promises (an unawaited save), unsafe `any` from IPC and needless assertions are
// caught before review.
import js from "@eslint/js";
import globals from "globals";
import tseslint from "typescript-eslint";

export default tseslint.config(
  // Generated from the Rust types (src-tauri/src/contract.rs): checked for staleness, not style.
  { ignores: ["dist/", "node_modules/", "eslint.config.js", "src/generated/"] },
  js.configs.recommended,
  tseslint.configs.strictTypeChecked,
  tseslint.configs.stylisticTypeChecked,
  {
    languageOptions: {
      globals: globals.browser,
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      // `void promise` marks a deliberate fire-and-forget (a save started from a key press).
      "@typescript-eslint/no-floating-promises": ["error", { ignoreVoid: true }],
      // Listeners may be async when they catch their own errors (the photo desk's drags do).
      "@typescript-eslint/no-misused-promises": ["error", { checksVoidReturn: { arguments: false } }],
      // `return notice(...)` as an early exit reads well in event handlers.
      "@typescript-eslint/no-confusing-void-expression": "off",
      // `invoke<void>` names a command that answers nothing.
      "@typescript-eslint/no-invalid-void-type": "off",
      // DOM lookups through `$` throw when an element is missing; `!` marks what the code has
      // checked just before (an open article, a chosen photo).
      "@typescript-eslint/no-non-null-assertion": "off",
      // Without noUncheckedIndexedAccess (not on yet: the photo desk indexes arrays freely),
      // this rule calls every `list[0] ?? fallback` unnecessary.
      "@typescript-eslint/no-unnecessary-condition": "off",
      // Numbers in messages ("version 3") are fine; objects are not.
      "@typescript-eslint/restrict-template-expressions": ["error", { allowNumber: true }],
      // Destructuring away the fields a save must not send: `_`-prefixed names are unused on purpose.
      "@typescript-eslint/no-unused-vars": ["error", { varsIgnorePattern: "^_", argsIgnorePattern: "^_" }],
      eqeqeq: ["error", "always", { null: "ignore" }],
    },
  },
  {
    // The mocked shell rejects with plain `{kind, message}` objects, as Tauri's IPC does.
    files: ["test/**/*.ts"],
    rules: {
      "@typescript-eslint/only-throw-error": "off",
      "@typescript-eslint/prefer-promise-reject-errors": "off",
    },
  },
);
