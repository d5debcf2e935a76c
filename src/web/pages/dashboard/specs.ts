/** How each figure is drawn on the dashboard (stable functions, so a chart is rebuilt only when its data changes). */
import type { StatResult } from "../../../domain/stats.ts";
import { barsSpec, gaugesSpec, linesSpec, pieSpec, type ChartSpec } from "./chartSpecs.ts";

type Spec = (r: StatResult) => ChartSpec;

export const SPECS = {
  coverage: (r) => gaugesSpec(r),
  rectificationByRound: (r) =>
    barsSpec(r, { counts: ["done", "significant", "ongoing"], stack: true, rates: ["doneRate", "doneOrSignificantRate"] }),
  rectificationByOrg: (r) => barsSpec(r, { counts: ["done", "significant", "ongoing"], stack: true, horizontal: true }),
  directives: (r) => barsSpec(r, { counts: ["done", "notDone"], stack: true, horizontal: true }),
  leads: (r) => barsSpec(r, { counts: ["leads", "transferred", "filed", "namingPerson"], rates: ["filingRate"] }),
  trend: (r) => linesSpec(r, ["findings", "rowsClosed", "leads", "lettersSent"]),
  findingsByCategory: (r) => pieSpec(r, "findings"),
  findingsByOrg: (r) => barsSpec(r, { counts: ["findings", "coreMandate", "common", "topLeader"], horizontal: true }),
  letters: (r) => barsSpec(r, { counts: ["sent", "answered", "overdue"], rates: ["answerRate"] }),
  hearings: (r) => barsSpec(r, { counts: ["assignments", "hearings", "late", "overdue"], rates: ["onTimeRate"] }),
  trainings: (r) => barsSpec(r, { counts: ["trainings"], secondary: ["participants"] }),
  pool: (r) => barsSpec(r, { counts: ["people", "leaderPool", "removed"] }),
  rules: (r) => barsSpec(r, { counts: ["newRules", "revisedRules"], stack: true, horizontal: true }),
} satisfies Record<string, Spec>;
