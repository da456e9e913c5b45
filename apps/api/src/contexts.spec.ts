import { readdirSync, readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import type { DynamicModule, Type } from '@nestjs/common';
import { contextModules } from './context-modules';

const root = join(__dirname, '../../..');
/** The one list: every folder of libs/ but the kernel is a bounded context. */
const contexts = readdirSync(join(root, 'libs'), { withFileTypes: true })
  .filter((entry) => entry.isDirectory() && entry.name !== 'shared')
  .map((entry) => entry.name);

/**
 * Adding a context is one edit: tsconfig, Jest and dependency-cruiser derive the list from libs/;
 * what cannot be derived (the composition root, the README) fails here when it disagrees.
 */
describe('the contexts of libs/', () => {
  it('are the ones this test expects to find', () => {
    expect(contexts).toEqual(expect.arrayContaining(['identity', 'catalog', 'inventory', 'cart', 'ordering', 'payments', 'pricing']));
  });

  it.each(contexts)('%s has one public surface, src/index.ts, reachable as @congocart/<name>', (context) => {
    expect(existsSync(join(root, 'libs', context, 'src/index.ts'))).toBe(true);
    expect(() => require(`@congocart/${context}`)).not.toThrow();
  });

  it('resolve through one tsconfig wildcard, with no per-context entry to forget', () => {
    const tsconfig = JSON.parse(readFileSync(join(root, 'tsconfig.json'), 'utf8'));
    expect(tsconfig.compilerOptions.paths).toEqual({
      '@congocart/shared/kernel': ['./libs/shared/src/kernel'],
      // The pricing function's pure entry, for other contexts' domain code (the index reaches Nest).
      '@congocart/pricing/pure': ['./libs/pricing/src/pure'],
      '@congocart/*': ['./libs/*/src'],
    });
  });

  it.each(contexts)('%s: its Nest module, if it has one, is wired into the composition root', (context) => {
    const wired = contextModules().map((entry) => (entry as DynamicModule).module ?? (entry as Type<unknown>));
    const exported = Object.values(require(`@congocart/${context}`) as Record<string, unknown>).filter(
      (value) => typeof value === 'function' && value.name === `${context[0].toUpperCase()}${context.slice(1)}Module`,
    );
    if (!existsSync(join(root, 'libs', context, `src/${context}.module.ts`))) return expect(exported).toEqual([]);
    expect(exported).toHaveLength(1);
    expect(wired).toContain(exported[0]);
  });

  it.each(contexts)('%s is described in the README architecture section', (context) => {
    const readme = readFileSync(join(root, 'README.md'), 'utf8');
    expect(readme).toContain(`libs/${context}/src/`);
  });
});
