import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

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
      'no-restricted-imports': ['error', { paths: [{ name: 'axios', message: 'Use the Transport (src/api/transport).' }] }],
      'no-restricted-globals': ['error', { name: 'fetch', message: 'Use the Transport (src/api/transport).' }],
    },
  },
  {
    // The domain stays free of UI, ZAF and I/O.
    files: ['src/core/**/*.ts'],
    // Declared after the src/** block: flat config lets the later block win for the same rule.
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: ['react', 'react-*', 'styled-components', '@zendeskgarden/*', 'axios', '**/zaf/**', '**/api/**', '**/ui/**', '**/store/**'] },
      ],
      'no-restricted-globals': ['error', 'fetch', 'window', 'document', 'localStorage', 'indexedDB'],
    },
  },
  {
    files: ['sandbox/start.ts', 'scripts/**/*.ts', 'bench/**/*.ts'],
    rules: { 'no-console': 'off' },
  },
);
