import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'coverage/**', '.data/**', '*.js', '*.mjs'] },
  // Type-aware: floating promises, misused promises, unsafe `any` flows, needless assertions.
  ...tseslint.configs.recommendedTypeChecked,
  { languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } } },
  // Plain JavaScript (build and test hooks, tool configs) is outside the TypeScript project.
  { files: ['**/*.js', '**/*.cjs'], ...tseslint.configs.disableTypeChecked },
  {
    files: ['**/*.ts', '**/*.js', '**/*.cjs'],
    rules: {
      '@typescript-eslint/no-explicit-any': 'off',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-require-imports': 'off',
      // A port's adapter without I/O (in-memory stores, the sandbox) keeps the port's async signature.
      '@typescript-eslint/require-await': 'off',
      // Raw SQL rows come back from TypeORM's query() as `any`; an assertion at the call is how they
      // get their type here, which this rule would have removed (and the unsafe-* rules then flag).
      '@typescript-eslint/no-unnecessary-type-assertion': 'off',
      'no-console': ['error', { allow: ['warn', 'error', 'log'] }],
      eqeqeq: ['error', 'always'],
    },
  },
  {
    // These read untyped JSON by design: HTTP responses and fixtures in tests (checked against openapi.json at
    // run time instead), benchmark and script output, and the OpenAPI document the post-processors walk.
    files: [
      'test/**',
      '**/*.spec.ts',
      'bench/**',
      'scripts/**',
      'apps/api/src/bootstrap/openapi-*.ts',
      'apps/api/src/bootstrap/swagger*.ts',
    ],
    rules: {
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
      '@typescript-eslint/restrict-template-expressions': 'off',
    },
  },
  {
    // The bare baseline servers answer from async handlers that catch their own errors.
    files: ['bench/**'],
    rules: { '@typescript-eslint/no-misused-promises': ['error', { checksVoidReturn: { arguments: false } }] },
  },
);
