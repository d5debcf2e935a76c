/**
 * Checking an import file as a whole before anything is written: every row, every column, and the
 * tree the rows make together with the registry. Pure: the caller supplies the registry and writes the plan.
 */
import {
  ORG_KIND_LABELS,
  ORG_KINDS,
  orgKindOfLabel,
  RISK_CLASS_LABELS,
  riskClassOfLabel,
  type OrgKind,
  type RiskClass,
} from "../../../domain/org.ts";
import { IMPORT_COLUMNS, type ImportColumn, type SheetRow } from "./excel.ts";

export interface ImportError {
  /** Excel row number, as the user sees it. */
  row: number;
  /** The column's Chinese header. */
  column: string;
  message: string;
}

export interface ExistingOrg {
  id: string;
  name: string;
  code: string | null;
  parentId: string | null;
  path: string;
}

/** One organisation to insert; parents come before their children. */
export interface PlannedOrg {
  row: number;
  id: string;
  name: string;
  code: string | null;
  kind: OrgKind;
  parentId: string | null;
  path: string;
  supervisingLeader: string | null;
  partySecretary: string | null;
  riskClass: RiskClass | null;
}

export type ImportPlan = { ok: true; orgs: PlannedOrg[] } | { ok: false; errors: ImportError[] };

type ParentRef = { db: ExistingOrg } | { row: number } | null;

const LIMITS: Partial<Record<ImportColumn, number>> = { name: 100, code: 40, supervisingLeader: 40, partySecretary: 40 };
const COLUMN_ORDER = Object.keys(IMPORT_COLUMNS) as ImportColumn[];

function push<K, V>(m: Map<K, V[]>, k: K, v: V) {
  const list = m.get(k);
  if (list) list.push(v);
  else m.set(k, [v]);
}

export function planImport(rows: SheetRow[], existing: ExistingOrg[], newId: () => string): ImportPlan {
  const errors: ImportError[] = [];
  const fail = (row: number, column: ImportColumn, message: string) =>
    errors.push({ row, column: IMPORT_COLUMNS[column], message });

  const dbByCode = new Map<string, ExistingOrg>();
  const dbByName = new Map<string, ExistingOrg[]>();
  for (const o of existing) {
    if (o.code) dbByCode.set(o.code, o);
    push(dbByName, o.name, o);
  }
  const fileByCode = new Map<string, SheetRow[]>();
  const fileByName = new Map<string, SheetRow[]>();
  for (const r of rows) {
    if (r.code) push(fileByCode, r.code, r);
    if (r.name) push(fileByName, r.name, r);
  }

  // Each row on its own.
  const kinds = new Map<number, OrgKind>();
  const risks = new Map<number, RiskClass | null>();
  for (const r of rows) {
    if (!r.name) fail(r.row, "name", "单位名称不能为空");
    for (const [col, max] of Object.entries(LIMITS) as Array<[ImportColumn, number]>) {
      if (r[col].length > max) fail(r.row, col, `不能超过 ${max} 个字（现有 ${r[col].length} 个）`);
    }
    const kind = r.kind ? orgKindOfLabel(r.kind) : undefined;
    if (!r.kind) fail(r.row, "kind", "单位类型不能为空");
    else if (!kind) fail(r.row, "kind", `单位类型“${r.kind}”无效，应为：${ORG_KINDS.map((k) => ORG_KIND_LABELS[k]).join("、")}`);
    else kinds.set(r.row, kind);
    const risk = r.riskClass ? riskClassOfLabel(r.riskClass) : undefined;
    if (r.riskClass && !risk) {
      fail(r.row, "riskClass", `村（社区）类别“${r.riskClass}”无效，应为：${Object.values(RISK_CLASS_LABELS).join("、")}`);
    } else if (r.riskClass && kind && kind !== "village") {
      fail(r.row, "riskClass", `只有“${ORG_KIND_LABELS.village}”可以填写类别，本行单位类型为“${ORG_KIND_LABELS[kind]}”`);
    }
    if (kind === "village") risks.set(r.row, risk ?? "normal");
    if (r.code) {
      const first = fileByCode.get(r.code)![0]!;
      if (first !== r) fail(r.row, "code", `单位代码“${r.code}”与第 ${first.row} 行重复`);
      const taken = dbByCode.get(r.code);
      if (taken) fail(r.row, "code", `单位代码“${r.code}”已被系统中的“${taken.name}”使用`);
    }
  }

  // Parents: by code first, then by name, in the registry or anywhere in the file.
  const parents = new Map<number, ParentRef>();
  for (const r of rows) {
    if (!r.parent) {
      parents.set(r.row, null);
      continue;
    }
    const byCode: ParentRef[] = [
      ...(dbByCode.has(r.parent) ? [{ db: dbByCode.get(r.parent)! }] : []),
      ...(fileByCode.get(r.parent) ?? []).slice(0, 1).map((p) => ({ row: p.row })),
    ];
    const byName: ParentRef[] = [
      ...(dbByName.get(r.parent) ?? []).map((o) => ({ db: o })),
      ...(fileByName.get(r.parent) ?? []).map((p) => ({ row: p.row })),
    ];
    const found = byCode.length ? byCode : byName;
    if (!found.length) {
      fail(r.row, "parent", `找不到上级单位“${r.parent}”：系统和本文件中都没有这个名称或代码的单位`);
    } else if (found.length > 1) {
      const where = found.map((f) => (f && "row" in f ? `本文件第 ${f.row} 行` : "系统中")).join("、");
      fail(r.row, "parent", `有 ${found.length} 个单位的名称或代码为“${r.parent}”（${where}），请改填上级单位的单位代码`);
    } else if (found[0] && "row" in found[0] && found[0].row === r.row) {
      fail(r.row, "parent", "上级单位不能是本单位自己");
    } else {
      parents.set(r.row, found[0]!);
    }
  }

  // Cycles among the file's rows: every row on a loop is reported.
  const state = new Map<number, "visiting" | "done">();
  const onCycle = new Set<number>();
  for (const r of rows) {
    const chain: number[] = [];
    let at: number | undefined = r.row;
    while (at !== undefined && !state.has(at)) {
      state.set(at, "visiting");
      chain.push(at);
      const p = parents.get(at);
      at = p && "row" in p ? p.row : undefined;
    }
    if (at !== undefined && state.get(at) === "visiting") {
      const loop = chain.slice(chain.indexOf(at));
      for (const n of loop) onCycle.add(n);
      for (const n of loop) {
        fail(n, "parent", `上级单位形成循环：第 ${[...loop, loop[0]].join(" → ")} 行`);
      }
    }
    for (const n of chain) state.set(n, "done");
  }

  // Same name under the same parent: within the file, and against the registry.
  const siblings = new Map<string, number>();
  const dbSiblings = new Set(existing.map((o) => `${o.parentId ?? "root"}|${o.name}`));
  for (const r of rows) {
    if (!r.name || !parents.has(r.row) || onCycle.has(r.row)) continue;
    const p = parents.get(r.row)!;
    const parentKey = p === null ? "root" : "db" in p ? p.db.id : `row:${p.row}`;
    const key = `${parentKey}|${r.name}`;
    const first = siblings.get(key);
    if (first !== undefined) fail(r.row, "name", `同一上级单位下已有同名单位“${r.name}”（第 ${first} 行）`);
    else siblings.set(key, r.row);
    if (dbSiblings.has(key)) fail(r.row, "name", `同一上级单位下系统中已有名为“${r.name}”的单位`);
  }

  if (errors.length) {
    const col = (e: ImportError) => COLUMN_ORDER.findIndex((k) => IMPORT_COLUMNS[k] === e.column);
    errors.sort((a, b) => a.row - b.row || col(a) - col(b));
    return { ok: false, errors };
  }

  // Clean: give ids, then order by depth so that every parent is inserted before its children.
  const ids = new Map(rows.map((r) => [r.row, newId()]));
  const paths = new Map<number, string>();
  const pathOf = (row: number): string => {
    const known = paths.get(row);
    if (known) return known;
    const p = parents.get(row);
    const prefix = p === null || p === undefined ? "/" : "db" in p ? p.db.path : pathOf(p.row);
    const path = `${prefix}${ids.get(row)!}/`;
    paths.set(row, path);
    return path;
  };
  const depth = (path: string) => path.split("/").length;
  const planned = rows.map((r): PlannedOrg => {
    const p = parents.get(r.row);
    return {
      row: r.row,
      id: ids.get(r.row)!,
      name: r.name,
      code: r.code || null,
      kind: kinds.get(r.row)!,
      parentId: p === null || p === undefined ? null : "db" in p ? p.db.id : ids.get(p.row)!,
      path: pathOf(r.row),
      supervisingLeader: r.supervisingLeader || null,
      partySecretary: r.partySecretary || null,
      riskClass: risks.get(r.row) ?? null,
    };
  });
  planned.sort((a, b) => depth(a.path) - depth(b.path) || a.row - b.row);
  return { ok: true, orgs: planned };
}
