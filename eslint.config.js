import js from "@eslint/js";
import tseslint from "typescript-eslint";

export default tseslint.config(
  {
    ignores: ["build/**", "public/build/**", ".cache/**", "node_modules/**", "drizzle/**", "test-results/**", "playwright-report/**", "data/**"],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: {
      ecmaVersion: 2022,
      sourceType: "module",
      globals: {
        process: "readonly",
        console: "readonly",
        Buffer: "readonly",
        URL: "readonly",
        URLSearchParams: "readonly",
        Request: "readonly",
        Response: "readonly",
        Headers: "readonly",
        FormData: "readonly",
        File: "readonly",
        Blob: "readonly",
        fetch: "readonly",
        setTimeout: "readonly",
        clearTimeout: "readonly",
        document: "readonly",
        window: "readonly",
        __dirname: "readonly",
      },
    },
    rules: {
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
      // zod mini as a namespace (docs/decisions/024-zod-mini.md): classic zod cannot be tree-shaken,
      // and a named import or a value read through `z.core` keeps every locale in the browser bundle.
      "no-restricted-syntax": [
        "error",
        {
          selector: "ImportDeclaration[source.value='zod']",
          message: 'Use zod mini (import * as z from "zod/mini"): classic zod\'s methods cannot be tree-shaken, and mixing both sends both to the browser.',
        },
        {
          selector: "ImportDeclaration[source.value='zod/mini'] > ImportSpecifier",
          message: 'Import zod as a namespace (import * as z from "zod/mini"): a named import keeps every zod locale in the browser bundle.',
        },
        {
          selector: "MemberExpression[object.name='z'][property.name=/^(core|locales)$/]",
          message: "A value read through z.core or z.locales keeps all of zod in the browser bundle; read the schema's _zod.def instead (types through z.core are fine).",
        },
      ],
      "@typescript-eslint/consistent-type-imports": ["error", { fixStyle: "inline-type-imports" }],
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            { group: ["../*", "../../*"], message: "Use the ~/ or #db/ import aliases." },
          ],
        },
      ],
    },
  },
  {
    // Pure domain code: no I/O, no Remix, no database.
    files: ["app/domain/**/*.ts"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            { group: ["#db/*", "~/utils/*", "~/services/*", "~/queries/*", "@remix-run/*", "node:*", "drizzle-orm*", "better-sqlite3"], message: "app/domain is pure: no I/O, Remix or database imports." },
          ],
        },
      ],
    },
  },
  {
    // The browser gets one language's messages as a script of its own (docs/decisions/018): code
    // that runs in the browser may import the messages' types, never the messages themselves.
    files: ["app/**/*.ts", "app/**/*.tsx"],
    ignores: ["app/**/*.server.ts", "app/**/*.test.ts", "app/utils/messages*.ts"],
    rules: {
      "@typescript-eslint/no-restricted-imports": [
        "error",
        {
          patterns: [
            {
              group: ["~/utils/messages", "~/utils/messages.*", "./messages", "./messages.*"],
              allowTypeImports: true,
              message: "Browser code reads messages through useT()/translator(); the server provides them from ~/utils/dictionary.server.",
            },
          ],
        },
      ],
    },
  },
  {
    // Scripts, fixtures and tests may import their neighbours (factories, fixtures) by relative path.
    files: ["db/**/*.ts", "tests/**/*.ts"],
    rules: { "no-restricted-imports": "off" },
  },
);
