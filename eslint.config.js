import js from '@eslint/js';
import svelte from 'eslint-plugin-svelte';
import globals from 'globals';
import ts from 'typescript-eslint';

export default ts.config(
  {
    ignores: [
      '**/node_modules/',
      '**/.svelte-kit/',
      'web/build/',
      'tests/.artifacts/',
      'data/',
      '**/*.config.js',
    ],
  },
  js.configs.recommended,
  ...ts.configs.recommended,
  ...svelte.configs['flat/recommended'],
  {
    languageOptions: {
      globals: { ...globals.browser, ...globals.node },
      parserOptions: {
        projectService: {
          allowDefaultProject: ['*.ts', 'scripts/*.ts', 'scripts/*.mjs', 'web/build-shims/*.cjs'],
        },
        tsconfigRootDir: import.meta.dirname,
        extraFileExtensions: ['.svelte'],
      },
    },
    rules: {
      // A dropped promise in a sync loop loses data quietly.
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': 'error',
      '@typescript-eslint/await-thenable': 'error',
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' },
      ],
      '@typescript-eslint/consistent-type-imports': 'error',
      'no-console': 'off',
    },
  },
  {
    files: ['**/*.svelte', '**/*.svelte.ts'],
    languageOptions: {
      parserOptions: { parser: ts.parser },
    },
    rules: {
      // Kit 3 SPA: internal links are plain hrefs; paths are resolved by the router.
      'svelte/no-navigation-without-resolve': 'off',
    },
  },
  {
    // shared/ is the pure domain (STYLE rule 2): data in, data out. Clocks, randomness and I/O
    // are passed in by the caller, so a rule answers the same on a device, on the server and in a
    // test (which then needs no mocks).
    files: ['shared/src/**/*.ts'],
    ignores: ['shared/src/**/*.test.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['node:*', 'fs', 'path', 'pg', 'rxdb', 'rxdb/*', 'dexie', 'hono', 'hono/*'],
              message: 'shared/ does no I/O: take what you need as an argument.',
            },
          ],
        },
      ],
      'no-restricted-properties': [
        'error',
        { object: 'Date', property: 'now', message: 'Take a clock (or the time) as an argument.' },
        { object: 'performance', property: 'now', message: 'Take a clock as an argument.' },
        { object: 'Math', property: 'random', message: 'Take random bytes as an argument.' },
        { object: 'crypto', message: 'Take random bytes or a hash function as an argument.' },
      ],
      'no-restricted-globals': [
        'error',
        ...['fetch', 'XMLHttpRequest', 'WebSocket', 'EventSource', 'indexedDB', 'localStorage',
          'sessionStorage', 'setTimeout', 'setInterval', 'process', 'window', 'document',
          'navigator'].map((name) => ({ name, message: 'shared/ does no I/O and keeps no time.' })), // prettier-ignore
      ],
      'no-restricted-syntax': [
        'error',
        {
          selector: "NewExpression[callee.name='Date'][arguments.length=0]",
          message: 'new Date() reads the clock: take the time as an argument.',
        },
      ],
    },
  },
  {
    // Text staff or another device typed is only ever shown as text (#5 point 7): Svelte escapes
    // `{…}`; these are the ways around that, so none may appear in the app.
    files: ['web/src/**/*.svelte', 'web/src/**/*.ts'],
    rules: {
      'svelte/no-at-html-tags': 'error',
      'no-restricted-properties': [
        'error',
        ...['innerHTML', 'outerHTML', 'insertAdjacentHTML'].map((property) => ({
          property,
          message: 'Markup from data runs as markup: render text through Svelte instead.',
        })),
      ],
    },
  },
  {
    // The web takes one type from the server, AppType, for its typed client (ADR 18), and never
    // its code: a value import would put server modules (and node:*) in the bundle.
    files: ['web/src/**/*.svelte', 'web/src/**/*.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['@clinicdesk/sync-server', '@clinicdesk/sync-server/*'],
              allowTypeImports: true,
              message: 'The web imports only types from the server (import type; ADR 18).',
            },
          ],
        },
      ],
    },
  },
  {
    // Pages render (STYLE rule 3): what they show comes from their domain's runes reader
    // (`web/src/lib/<domain>/*.svelte.ts`) over the document layer (`lib/db/documents.svelte.ts`),
    // and what they change goes through an action or `editDocument` — never the database itself.
    files: ['web/src/routes/**/*.svelte', 'web/src/routes/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['rxdb', 'rxdb/*', 'dexie', '#lib/db/database.ts'],
              message:
                'A page does not open the database: read through a domain reader (lib/<domain>/*.svelte.ts) over lib/db/documents.svelte.ts.',
            },
          ],
        },
      ],
      'no-restricted-syntax': [
        'error',
        ...['collections', 'db'].map((name) => ({
          selector: `MemberExpression[property.name='${name}']`,
          message: `A page does not reach into the database (.${name}): read through a domain reader (lib/<domain>/*.svelte.ts) over lib/db/documents.svelte.ts, write through an action or editDocument.`,
        })),
      ],
    },
  },
);
