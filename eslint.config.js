// Lint, including the layering of ARCHITECTURE.md: which zone may import what.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import airlockShell from './electron/core/shell-policy/lint-rules.js';
import { keepModelVolumes } from './electron/core/sandbox/lint-volume-rules.js';

const nodeBuiltins = [
  'node:*',
  'fs',
  'fs/*',
  'path',
  'os',
  'child_process',
  'net',
  'http',
  'https',
  'crypto',
  'url',
  'util',
  'stream',
  'events',
  'worker_threads',
  'process',
  'buffer',
];
const noNode = { group: nodeBuiltins, message: 'This zone runs without Node (ARCHITECTURE.md layering).' };
const noElectron = {
  group: ['electron', 'electron/*'],
  message: 'Only electron/main and electron/preload may import Electron.',
};

export default tseslint.config(
  {
    ignores: ['dist/', 'release/', 'node_modules/', 'e2e/artifacts/', 'test-results/', 'playwright-report/'],
  },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: {
        project: [
          './shared/tsconfig.json',
          './electron/tsconfig.json',
          './renderer/tsconfig.json',
          './e2e/tsconfig.json',
          './bench/tsconfig.json',
        ],
        tsconfigRootDir: import.meta.dirname,
      },
    },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['**/*.js', '**/*.mjs', '**/*.cjs'],
    ...tseslint.configs.disableTypeChecked,
    languageOptions: { ...tseslint.configs.disableTypeChecked.languageOptions, globals: globals.node },
  },
  {
    files: ['shared/**/*.ts'],
    ignores: ['shared/**/*.test.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            noNode,
            noElectron,
            { group: ['react', 'react-dom', 'react-dom/*'], message: 'shared/ is pure: no DOM.' },
            {
              group: ['../electron/*', '../renderer/*', '../../*'],
              message: 'shared/ imports nothing outside shared/.',
            },
          ],
        },
      ],
      'no-restricted-globals': ['error', 'window', 'document', 'process', 'Buffer', 'require'],
    },
  },
  {
    files: ['electron/core/**/*.ts', 'electron/serve/**/*.ts', 'electron/cli/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            noElectron,
            {
              group: ['**/main/*', '**/preload/*', '**/renderer/*'],
              message: 'The core never reaches into the shell or the window.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['renderer/src/**/*.ts', 'renderer/src/**/*.tsx'],
    plugins: { 'react-hooks': reactHooks },
    languageOptions: { globals: globals.browser },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            noNode,
            noElectron,
            { group: ['**/electron/*'], message: 'The renderer talks to the core only through api.ts.' },
          ],
        },
      ],
      'no-restricted-globals': ['error', 'process', 'Buffer', 'require'],
    },
  },
  {
    files: ['electron/**/*.ts'],
    ignores: ['electron/main/ipc.ts'],
    rules: {
      'no-restricted-syntax': [
        'error',
        {
          selector: "MemberExpression[object.name='ipcMain']",
          message: 'Only electron/main/ipc.ts binds ipcMain.',
        },
      ],
    },
  },
  // Static gates for the Electron shell (SECURITY.md EL-01, EL-06); rules in electron/core/shell-policy/lint-rules.js.
  {
    files: ['**/*.ts', '**/*.tsx', '**/*.js', '**/*.mjs', '**/*.cjs'],
    plugins: { airlock: airlockShell },
    rules: {
      'airlock/secure-web-preferences': 'error',
      'airlock/open-external-adapter-only': 'error',
    },
  },
  {
    files: ['electron/main/open-external.ts'],
    rules: { 'airlock/open-external-adapter-only': 'off' },
  },
  // TX-03: no product code removes or prunes a volume; tests clean up only the volumes they made.
  {
    files: ['electron/**/*.ts'],
    ignores: ['**/*.test.ts', 'electron/core/sandbox/testing/**'],
    plugins: { volumes: { rules: { 'keep-model-volumes': keepModelVolumes } } },
    rules: { 'volumes/keep-model-volumes': 'error' },
  },
);
