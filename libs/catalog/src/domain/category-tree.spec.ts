import { buildCategoryTree } from './category-tree';

describe('buildCategoryTree', () => {
  it('nests children under their parents at any depth, keeping sibling order', () => {
    const tree = buildCategoryTree([
      { id: 'a', name: 'A', slug: 'a', parentId: null },
      { id: 'b', name: 'B', slug: 'b', parentId: 'a' },
      { id: 'c', name: 'C', slug: 'c', parentId: 'b' },
      { id: 'd', name: 'D', slug: 'd', parentId: 'a' },
      { id: 'e', name: 'E', slug: 'e', parentId: null },
    ]);
    expect(tree.map((node) => node.id)).toEqual(['a', 'e']);
    expect(tree[0].children.map((node) => node.id)).toEqual(['b', 'd']);
    expect(tree[0].children[0].children.map((node) => node.id)).toEqual(['c']);
    expect(tree[1].children).toEqual([]);
  });
});
