import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

// The app's schemas use zod/mini: classic zod's methods reach every check zod has, and its core
// module then downloads them all, before any location shows anything.
const classicZod = ['zod', 'zod/v4', 'zod/v4/classic'].map((name) => ({ name, message: "Use zod/mini: import { z } from 'zod/mini'." }));

export default tseslint.config(
  { ignores: ['dist/**', 'release/**', 'node_modules/**', 'tmp/**', '.sandbox/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-console': ['error', { allow: ['warn', 'error'] }],
    },
  },
  {
    // Every HTTP call of the app goes through the transport.
    files: ['src/**/*.{ts,tsx}'],
    ignores: ['src/api/transport/**'],
    rules: {
      'no-restricted-imports': ['error', { paths: [{ name: 'axios', message: 'Use the Transport (src/api/transport).' }, ...classicZod] }],
      'no-restricted-globals': ['error', { name: 'fetch', message: 'Use the Transport (src/api/transport).' }],
    },
  },
  {
    // What the Node service reuses (core, api, store, app) never reaches for a browser: the layers
    // themselves are checked by dependency-cruiser (.dependency-cruiser.cjs, `npm run lint:deps`).
    files: ['src/{core,api,store,app}/**/*.ts'],
    ignores: ['src/api/transport/**'],
    rules: {
      'no-restricted-imports': ['error', { paths: classicZod, patterns: ['react', 'react-*', 'styled-components', '@zendeskgarden/*', 'axios'] }],
      'no-restricted-globals': ['error', 'fetch', 'window', 'document', 'localStorage', 'sessionStorage', 'indexedDB', 'navigator', 'Worker', 'location'],
    },
  },
  {
    // Every CSV Herald writes goes through the one writer, which makes formula starts inert.
    files: ['src/**/*.{ts,tsx}'],
    ignores: ['src/core/csv/**'],
    rules: {
      'no-restricted-properties': ['error', { object: 'Papa', property: 'unparse', message: 'Write CSV with csvFile (src/core/csv/csvFile.ts).' }],
    },
  },
  {
    files: ['**/*.cjs'],
    languageOptions: { sourceType: 'commonjs', globals: globals.node },
  },
  {
    files: ['sandbox/start.ts', 'scripts/**/*.ts', 'bench/**/*.ts'],
    rules: { 'no-console': 'off' },
  },
);
