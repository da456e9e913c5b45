// ESM-only packages (NestJS 12 and friends) are transformed to CommonJS by @swc/jest.
const esmOnly = [
  '@nestjs',
  'content-disposition',
  '@fastify/static',
  'file-type',
  'strtok3',
  'token-types',
  '@tokenizer',
  '@borewit',
  'uint8array-extras',
  'nestjs-cls',
  '@nestjs-cls',
  'nestjs-pino',
];
const swc = [
  '@swc/jest',
  {
    jsc: {
      parser: { syntax: 'typescript', decorators: true },
      transform: { legacyDecorator: true, decoratorMetadata: true, useDefineForClassFields: false },
      target: 'es2022',
      keepClassNames: true,
    },
    module: { type: 'commonjs' },
  },
];

module.exports = {
  rootDir: __dirname,
  testEnvironment: 'node',
  moduleFileExtensions: ['ts', 'js', 'mjs', 'json'],
  testMatch: ['<rootDir>/libs/**/*.spec.ts', '<rootDir>/apps/**/*.spec.ts', '<rootDir>/test/**/*.e2e-spec.ts'],
  transform: { '^.+\\.(t|j|mj)s$': swc },
  transformIgnorePatterns: [`/node_modules/(?!(${esmOnly.join('|')})/)`],
  moduleNameMapper: {
    // Every folder of libs/ is a context (or the kernel); see apps/api/src/contexts.spec.ts.
    '^@congocart/shared/kernel$': '<rootDir>/libs/shared/src/kernel',
    '^@congocart/pricing/pure$': '<rootDir>/libs/pricing/src/pure',
    '^@congocart/([a-z-]+)$': '<rootDir>/libs/$1/src',
  },
  globalSetup: '<rootDir>/test/support/global-setup.ts',
  globalTeardown: '<rootDir>/test/support/global-teardown.ts',
  setupFilesAfterEnv: ['<rootDir>/test/support/contract-usage.ts'],
  testTimeout: 30000,
  // Child processes and pools are closed by each file's afterAll; should a stray handle remain, the
  // run still ends (and CI with it) instead of waiting forever after the results are in.
  forceExit: true,
  // Files are isolated (a database each), so run them in parallel even on 2 cores: Jest's default
  // (cores − 1) would run them one by one there, and the suite spends much of its time waiting on I/O.
  maxWorkers: Math.max(2, require('node:os').availableParallelism() - 1),
};
