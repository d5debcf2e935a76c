/** Organisations arrive as a flat list with materialised paths (/<root>/…/<id>/); screens need trees. */

export interface FlatOrg {
  id: string;
  name: string;
  path: string;
  parentId?: string | null;
}

export type OrgNode<T extends FlatOrg> = T & { children?: OrgNode<T>[] };

export const parentIdOf = (o: FlatOrg): string | null => {
  if (o.parentId !== undefined) return o.parentId;
  const parts = o.path.split("/").filter(Boolean);
  return parts.length >= 2 ? (parts[parts.length - 2] ?? null) : null;
};

/** Tree in path order; an org whose parent is not in the list becomes a root. Leaves have no `children`. */
export function buildOrgTree<T extends FlatOrg>(items: readonly T[]): OrgNode<T>[] {
  const nodes = new Map<string, OrgNode<T>>(items.map((o) => [o.id, { ...o }]));
  const roots: OrgNode<T>[] = [];
  const sorted = [...items].sort((a, b) => a.path.split("/").length - b.path.split("/").length);
  for (const o of sorted) {
    const node = nodes.get(o.id)!;
    const parent = parentIdOf(o);
    const p = parent ? nodes.get(parent) : undefined;
    if (p) (p.children ??= []).push(node);
    else roots.push(node);
  }
  return roots;
}

/** Keeps the matches and their ancestors (for a search box over a tree). */
export function filterOrgTree<T extends FlatOrg>(roots: OrgNode<T>[], match: (o: T) => boolean): OrgNode<T>[] {
  const out: OrgNode<T>[] = [];
  for (const n of roots) {
    const kids = n.children ? filterOrgTree(n.children, match) : [];
    if (match(n) || kids.length) out.push({ ...n, children: kids.length ? kids : undefined });
  }
  return out;
}

export interface TreeSelectNode {
  title: string;
  value: string;
  key: string;
  disabled?: boolean;
  children?: TreeSelectNode[];
}

/** antd TreeSelect data; `disabledUnder` greys out an org and its subtree (an org cannot move under itself). */
export function orgTreeSelectData<T extends FlatOrg>(items: readonly T[], disabledUnder?: T | null): TreeSelectNode[] {
  const conv = (n: OrgNode<T>): TreeSelectNode => ({
    title: n.name,
    value: n.id,
    key: n.id,
    disabled: disabledUnder ? n.path.startsWith(disabledUnder.path) : undefined,
    children: n.children?.map(conv),
  });
  return buildOrgTree(items).map(conv);
}
