// Lint rules, including the folder boundaries of ../shared/spec/architecture.md:
// dependencies point downward only, and each layer may import only what it is allowed to.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

const tfjs = {
  group: ['@tensorflow/*'],
  message: 'TensorFlow.js belongs in src/engine and src/worker only.',
};
const react = {
  group: ['react', 'react-dom', 'react-dom/*', 'react/*'],
  message: 'React belongs in src/ui.',
};
const zustand = { group: ['zustand', 'zustand/*'], message: 'The store belongs in src/state and src/ui.' };
const d3 = { group: ['d3', 'd3-*'], message: 'd3 belongs in src/charts and src/ui.' };
const layers = (...names) =>
  names.map((name) => ({
    group: [`../${name}`, `../${name}/*`, `../../${name}`, `../../${name}/*`],
    message: `This folder may not import from src/${name} (see the architecture file).`,
  }));

function boundary(files, patterns) {
  return { files, rules: { 'no-restricted-imports': ['error', { patterns }] } };
}

export default tseslint.config(
  {
    ignores: [
      'dist',
      'node_modules',
      '.cache',
      'test-results',
      'playwright-report',
      '.gpubench',
      'src/**/*.as.ts',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.strict,
  {
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/ban-ts-comment': 'error',
      '@typescript-eslint/no-non-null-assertion': 'off',
      '@typescript-eslint/consistent-type-imports': 'error',
      'no-restricted-properties': [
        'error',
        { object: 'Math', property: 'random', message: 'Use a seeded stream from src/core/random.ts.' },
      ],
    },
  },
  {
    files: ['src/ui/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: reactHooks.configs.recommended.rules,
  },
  boundary(
    ['src/core/**'],
    [
      tfjs,
      react,
      zustand,
      d3,
      ...layers('engine', 'worker', 'scenario', 'state', 'render', 'charts', 'ui', 'cli'),
    ],
  ),
  boundary(
    ['src/scenario/**'],
    [tfjs, react, zustand, d3, ...layers('engine', 'worker', 'state', 'render', 'charts', 'ui', 'cli')],
  ),
  boundary(
    ['src/engine/**'],
    [react, zustand, d3, ...layers('worker', 'state', 'render', 'charts', 'ui', 'cli')],
  ),
  boundary(['src/worker/**'], [react, zustand, d3, ...layers('state', 'render', 'charts', 'ui', 'cli')]),
  boundary(
    ['src/render/**'],
    [tfjs, react, zustand, d3, ...layers('engine', 'state', 'charts', 'ui', 'cli')],
  ),
  boundary(
    ['src/charts/**'],
    [tfjs, react, zustand, ...layers('engine', 'worker', 'state', 'render', 'ui', 'cli')],
  ),
  boundary(['src/state/**'], [tfjs, d3, ...layers('engine', 'render', 'charts', 'ui', 'cli')]),
  // The page's orchestration: no React (src/ui), no tfjs (it talks to workers through src/worker).
  // (Its unit tests run against the real engine, so they may set up a tfjs backend.)
  {
    ...boundary(['src/app/**'], [tfjs, react, zustand, d3, ...layers('engine', 'ui', 'cli')]),
    ignores: ['src/app/**/*.test.ts'],
  },
  // React only: the workers are reached through src/app, never directly.
  boundary(['src/ui/**'], [tfjs, ...layers('engine', 'worker', 'cli')]),
  boundary(['src/cli/**'], [react, zustand, d3, ...layers('state', 'render', 'charts', 'ui')]),
  {
    files: ['**/*.test.ts', 'e2e/**', 'bench/**'],
    rules: { 'no-restricted-properties': 'off' },
  },
);
