/**
 * Architecture rules (run in CI with `npm run lint:boundaries`):
 * - domain/ is plain TypeScript: no Nest, TypeORM or outer layers;
 * - application/ knows ports, not TypeORM or the HTTP layer;
 * - a context reaches another only through its public index (`@congocart/<ctx>`);
 * - no cycles.
 */
const CONTEXTS = 'identity|catalog|inventory|cart|ordering|payments|pricing';

module.exports = {
  forbidden: [
    {
      name: 'domain-is-pure',
      severity: 'error',
      comment: 'domain/ imports nothing from Nest, TypeORM, infrastructure/ or api/',
      from: { path: '^libs/[^/]+/src/domain/' },
      to: { path: ['^node_modules/(@nestjs|typeorm|@nestjs-cls|pg)/', '^libs/[^/]+/src/(infrastructure|api|application)/'] },
    },
    {
      name: 'application-knows-ports-not-adapters',
      severity: 'error',
      comment: 'application/ must not import TypeORM, infrastructure/ or api/',
      from: { path: '^libs/[^/]+/src/application/' },
      to: { path: ['^node_modules/typeorm/', '^libs/[^/]+/src/(infrastructure|api)/'] },
    },
    {
      name: 'contexts-only-through-public-index',
      severity: 'error',
      comment: 'A context may import another context only through its index.ts (@congocart/<ctx>)',
      from: { path: `^libs/(${CONTEXTS})/src/` },
      to: {
        path: `^libs/(${CONTEXTS})/src/.+`,
        pathNot: ['^libs/$1/src/', `^libs/(${CONTEXTS})/src/index\\.ts$`],
      },
    },
    {
      name: 'kernel-is-not-commerce',
      severity: 'error',
      comment: 'libs/shared must not depend on any bounded context',
      from: { path: '^libs/shared/' },
      to: { path: `^libs/(${CONTEXTS})/` },
    },
    {
      name: 'no-circular',
      severity: 'error',
      from: {},
      to: { circular: true },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    tsConfig: { fileName: 'tsconfig.json' },
    tsPreCompilationDeps: true,
    combinedDependencies: false,
    exclude: { path: '(^dist/|\\.spec\\.ts$)' },
    enhancedResolveOptions: { exportsFields: ['exports'], conditionNames: ['import', 'require', 'node', 'default'], mainFields: ['main', 'types'] },
  },
};
