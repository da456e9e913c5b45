/**
 * Architecture rules (run in CI with `npm run lint:boundaries`):
 * - domain/ is plain TypeScript: no Nest, TypeORM or outer layers, and nothing of the kernel but
 *   its pure entry (`@congocart/shared/kernel`), checked through every transitive import;
 * - application/ knows ports, not TypeORM or the HTTP layer;
 * - a context reaches another only through its public index (`@congocart/<ctx>`);
 * - no cycles.
 */
const fs = require('node:fs');
const path = require('node:path');

// Every folder of libs/ but the kernel is a bounded context: adding one needs no edit here.
const CONTEXTS = fs
  .readdirSync(path.join(__dirname, 'libs'), { withFileTypes: true })
  .filter((entry) => entry.isDirectory() && entry.name !== 'shared')
  .map((entry) => entry.name)
  .join('|');

// The kernel's pure part: what `libs/shared/src/kernel/index.ts` re-exports.
const PURE_KERNEL = '^libs/shared/src/(kernel/|errors/domain-error\\.ts$|money/money-amount\\.ts$|paging/page-types\\.ts$)';

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
      name: 'domain-reaches-only-pure-code',
      severity: 'error',
      comment:
        'domain/ may reach (directly or through any chain of imports) no npm package and nothing of the kernel but @congocart/shared/kernel',
      from: { path: '^libs/[^/]+/src/domain/' },
      to: { path: ['^node_modules/', '^libs/shared/'], pathNot: PURE_KERNEL, reachable: true },
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
        // pure.ts: a context's Nest-free entry (the pricing function), for other contexts' domain code.
        pathNot: ['^libs/$1/src/', `^libs/(${CONTEXTS})/src/(index|pure)\\.ts$`],
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
    // *.fixture.ts: deliberate violations, cruised on their own by apps/api/src/boundaries.spec.ts.
    exclude: { path: '(^dist/|\\.spec\\.ts$|\\.fixture\\.ts$)' },
    enhancedResolveOptions: { exportsFields: ['exports'], conditionNames: ['import', 'require', 'node', 'default'], mainFields: ['main', 'types'] },
  },
};
