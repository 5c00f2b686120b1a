import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const NODE_BUILTINS = [
  'fs',
  'path',
  'os',
  'child_process',
  'crypto',
  'url',
  'util',
  'stream',
  'http',
  'https',
  'net',
  'worker_threads',
  'events',
  'buffer',
  'process',
  'zlib',
  'module',
  'assert',
];

/** Bare specifiers only: a relative `./crypto/x` is our own code, `crypto` or `node:fs/promises` is Node. */
const noNode = {
  regex: `^(node:)?(${NODE_BUILTINS.join('|')})(/.*)?$`,
  message: 'Node-only modules are not allowed here (see ARCHITECTURE.md).',
};
const noElectron = {
  group: ['electron', 'electron/*'],
  message: 'Electron is only for electron/main and electron/preload.',
};
const noReact = {
  group: ['react', 'react-dom', 'react/*', 'react-dom/*', 'zustand', '@tanstack/*'],
  message: 'UI libraries belong in renderer/.',
};
const noElectronFolder = {
  group: ['**/electron/**', '**/electron'],
  message: 'renderer/ never imports electron/* (talk through the contract in shared/).',
};
const noRenderer = {
  group: ['**/renderer/**', '**/renderer'],
  message: 'Only the renderer and composition roots import renderer/.',
};
const noOutsideShared = {
  group: ['**/electron/**', '**/renderer/**', '**/build/**', '**/test/**'],
  message: 'shared/ imports nothing of the other folders.',
};

const restrict = (...patterns) => ({ 'no-restricted-imports': ['error', { patterns }] });

export default tseslint.config(
  { ignores: ['node_modules', 'out', 'dist-app', 'test-results', 'playwright-report', '**/*.cjs'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
      '@typescript-eslint/consistent-type-imports': 'error',
    },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      ...restrict(noElectronFolder, noNode, noElectron),
    },
  },
  { files: ['shared/**/*.ts'], rules: restrict(noOutsideShared, noNode, noElectron, noReact) },
  {
    files: ['electron/store/**/*.ts'],
    rules: restrict(noRenderer, noNode, noElectron, noReact, {
      group: ['**/main/**', '**/preload/**'],
      message: 'The store talks to main only through HostApi.',
    }),
  },
  {
    files: ['electron/main/**/*.ts'],
    rules: restrict(noRenderer, noReact, {
      group: ['**/store/**', '**/preload/**'],
      message: 'main talks to the store only through the contract.',
    }),
  },
  {
    files: ['electron/preload/**/*.ts'],
    rules: restrict(noRenderer, noReact, noNode, {
      group: ['**/store/**', '**/main/**'],
      message: 'The preload only bridges.',
    }),
  },
  // Test files may reach into what they test.
  { files: ['**/*.test.{ts,tsx}', 'test/**'], rules: { 'no-restricted-imports': 'off' } },
);
