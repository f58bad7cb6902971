import js from '@eslint/js';
import { defineConfig, globalIgnores } from 'eslint/config';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

// Writing HTML from strings is how untrusted text (URL params, CSV files) becomes markup.
const noHtmlInjection = [
  {
    selector: "JSXAttribute[name.name='dangerouslySetInnerHTML']",
    message: 'Do not render HTML from strings; build elements with React instead.',
  },
  {
    selector: "AssignmentExpression[left.property.name=/^(innerHTML|outerHTML)$/]",
    message: 'Do not assign innerHTML/outerHTML; use textContent or React elements.',
  },
  {
    selector: "CallExpression[callee.property.name='insertAdjacentHTML']",
    message: 'Do not insert HTML from strings; use textContent or React elements.',
  },
];

const nodeFiles = [
  '*.{js,mjs,cjs,ts}', // eslint/vite/playwright configs
  'scripts/**/*.{js,mjs,ts}',
  'e2e/**/*.ts',
  'bench/**/*.ts',
  'src/cli/**/*.ts',
  'src/**/*.test.ts',
];

export default defineConfig([
  globalIgnores(['dist/', 'node_modules/', 'test-results/', 'playwright-report/', 'blob-report/', 'coverage/']),

  js.configs.recommended,
  tseslint.configs.recommended,

  {
    linterOptions: { reportUnusedDisableDirectives: 'error' },
    rules: {
      'no-eval': 'error',
      'no-implied-eval': 'error',
      'no-new-func': 'error',
      'no-restricted-syntax': ['error', ...noHtmlInjection],
      '@typescript-eslint/no-explicit-any': 'error', // disable per line with a reason if needed
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrorsIgnorePattern: '^_' },
      ],
    },
  },

  // The app: runs in the page and in the module worker.
  {
    files: ['src/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser, ...globals.worker } },
    rules: {
      'no-restricted-properties': [
        'error',
        {
          object: 'Math',
          property: 'random',
          message: 'Runs must be reproducible: use the seeded streams in src/engine/random.ts.',
        },
      ],
    },
  },
  {
    files: ['src/**/*.{ts,tsx}'],
    ignores: ['src/cli/**', 'src/**/*.test.ts'],
    ...reactHooks.configs.flat['recommended-latest'],
  },

  // Node: scripts, configs, Playwright specs, the CLI, unit tests.
  {
    files: nodeFiles,
    languageOptions: { globals: { ...globals.node } },
  },
]);
