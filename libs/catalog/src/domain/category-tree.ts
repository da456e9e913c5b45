export interface Category {
  id: string;
  name: string;
  slug: string;
  parentId: string | null;
}

export type CategoryNode = Category & { children: CategoryNode[] };

/** Nests a flat list into its roots; siblings keep the order of the input (sorted by the caller). */
export function buildCategoryTree(categories: Category[]): CategoryNode[] {
  const nodes = new Map<string, CategoryNode>(categories.map((category) => [category.id, { ...category, children: [] }]));
  const roots: CategoryNode[] = [];
  for (const node of nodes.values()) {
    const parent = node.parentId ? nodes.get(node.parentId) : undefined;
    if (parent) parent.children.push(node);
    else roots.push(node);
  }
  return roots;
}
