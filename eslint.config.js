// Lint for Kura. The layering rules of ../shared/design/architecture.md are the kura/layering rule
// (scripts/eslint-layering.js): an import that crosses a zone line is an error, not a review comment.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import kura from './scripts/eslint-layering.js';

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'bin/**', 'test-results/**', '.kura-data/**'] },
  js.configs.recommended,
  ...tseslint.configs.strict,
  {
    languageOptions: { parserOptions: { ecmaVersion: 2022, sourceType: 'module' } },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-non-null-assertion': 'off',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-console': 'off',
    },
  },
  {
    files: ['scripts/**/*.{js,mjs,cjs}', 'eslint.config.js', 'bin/**'],
    languageOptions: { globals: { process: 'readonly', console: 'readonly', require: 'readonly', __dirname: 'readonly', URL: 'readonly', setTimeout: 'readonly' } },
  },
  {
    // The test's stand-in for the electron module: plain CommonJS, loaded by a Node child process.
    files: ['test/**/*.cjs'],
    languageOptions: {
      sourceType: 'commonjs',
      globals: Object.fromEntries(['process', 'console', 'require', 'module', 'Buffer', 'URL', 'Request', 'setImmediate', 'structuredClone'].map((g) => [g, 'readonly'])),
    },
    // A CommonJS module that must load without a build step: require() is its import.
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  { plugins: { kura }, rules: { 'kura/layering': 'error' } },
);
