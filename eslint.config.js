import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['node_modules', 'dist', '.chungtay', 'migrations', 'data', 'test-results'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { process: 'readonly', console: 'readonly', URL: 'readonly', fetch: 'readonly' } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
      'no-restricted-syntax': [
        'error',
        {
          selector: "MemberExpression[object.name='process'][property.name='env']",
          message: 'Read settings through src/server/platform/config.ts only.',
        },
      ],
    },
  },
  {
    // The config module, tests, benchmarks and the CI harness may read the environment.
    files: ['src/server/platform/config.ts', 'test/**', 'bench/**', '**/*.test.ts', 'vitest.config.ts', 'bin/**'],
    rules: { 'no-restricted-syntax': 'off' },
  },
);
