import { defineConfig, globalIgnores } from "eslint/config";
import nextVitals from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";

export default defineConfig([
  ...nextVitals,
  ...nextTs,
  {
    // A leading underscore marks a parameter a signature requires but the body ignores.
    rules: { "@typescript-eslint/no-unused-vars": ["warn", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }] },
  },
  {
    // App Router only (there is no pages/ directory). Long tables use plain <a>
    // on purpose: each next/link is a client component rendered per row.
    rules: { "@next/next/no-html-link-for-pages": "off" },
  },
  {
    // Playwright fixtures call a parameter named `use`, which is not React's hook.
    files: ["e2e/**/*.ts"],
    rules: { "react-hooks/rules-of-hooks": "off" },
  },
  globalIgnores([".next/**", "node_modules/**", "next-env.d.ts", "data/**", "test-results/**", "playwright-report/**", "db/migrations/**"]),
]);
