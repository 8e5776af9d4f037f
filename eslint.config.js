// ESLint: the recommended rules of ESLint and typescript-eslint, over the sources, tests, scripts
// and benchmarks. Names and types are tsc's job (`npm run typecheck`), so `no-undef` is off here.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['dist/', 'node_modules/', 'fixtures/', 'coverage/'] },
  js.configs.recommended,
  tseslint.configs.recommended,
  {
    files: ['**/*.{ts,mts,js,mjs}'],
    languageOptions: { ecmaVersion: 2023, sourceType: 'module' },
    linterOptions: { reportUnusedDisableDirectives: 'error' },
    rules: {
      'no-undef': 'off',
      // A text-cleaning library matches control characters on purpose (invisibles, NUL separators).
      'no-control-regex': 'off',
      // `_name` marks a binding kept for its place (a skipped tuple slot, a rest-spread omission).
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' },
      ],
    },
  },
);
