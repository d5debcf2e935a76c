/**
 * The dashboard's filter lives in the address (?termId=&roundId=&from=&to=&orgId=&view=), so that a view can be
 * shared and reloaded as it is. Every chart takes the same filter.
 */
import type { StatFilter } from "../../../domain/stats.ts";

export const FILTER_KEYS = ["termId", "roundId", "from", "to", "orgId"] as const satisfies ReadonlyArray<keyof StatFilter>;

export type DashboardView = "leading" | "office";
export const VIEW_LABELS: Record<DashboardView, string> = { leading: "领导小组", office: "巡察办" };

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Reads the filter from the address; a malformed part (edited by hand) is left out rather than sent. */
export function filterFromParams(params: URLSearchParams): StatFilter {
  const f: StatFilter = {};
  for (const k of ["termId", "roundId", "orgId"] as const) {
    const v = params.get(k);
    if (v && UUID.test(v)) f[k] = v;
  }
  for (const k of ["from", "to"] as const) {
    const v = params.get(k);
    if (v && ISO_DATE.test(v)) f[k] = v;
  }
  return f;
}

export const viewFromParams = (params: URLSearchParams): DashboardView =>
  params.get("view") === "office" ? "office" : "leading";

/** The address's query for a filter and view; empty parts are left out. */
export function paramsOf(filter: StatFilter, view: DashboardView): URLSearchParams {
  const p = new URLSearchParams();
  for (const k of FILTER_KEYS) {
    const v = filter[k];
    if (v) p.set(k, v);
  }
  if (view !== "leading") p.set("view", view);
  return p;
}

/** The filter as query parameters for the statistics API. */
export const filterQuery = (f: StatFilter): Record<string, string | undefined> => ({
  termId: f.termId,
  roundId: f.roundId,
  from: f.from,
  to: f.to,
  orgId: f.orgId,
});

export const isEmptyFilter = (f: StatFilter): boolean => FILTER_KEYS.every((k) => !f[k]);
