/** The finding taxonomy as the forms offer it: active categories, plus the value a record already has. */
import { useGet } from "../../components/useGet.ts";
import type { TaxonomyTree } from "./types.ts";

export interface Option {
  value: string;
  label: string;
}

export function useTaxonomy(enabled = true) {
  const { data, loading, reload } = useGet<TaxonomyTree>(enabled ? "/api/finding-categories" : null);
  const categories = data?.categories ?? [];
  /** First-level options; a deactivated one only when it is the current value. */
  const categoryOptions = (current?: string | null): Option[] =>
    categories
      .filter((c) => c.active || c.code === current)
      .map((c) => ({ value: c.code, label: c.active ? c.name : `${c.name}（已停用）` }));
  const subcategoryOptions = (category?: string | null, current?: string | null): Option[] =>
    (categories.find((c) => c.code === category)?.children ?? [])
      .filter((s) => s.active || s.code === current)
      .map((s) => ({ value: s.code, label: s.active ? s.name : `${s.name}（已停用）` }));
  return { tree: data, loading, reload, categoryOptions, subcategoryOptions };
}
