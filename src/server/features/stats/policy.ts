/**
 * Who may see which statistics. Pure functions of the actor: each `…Refusal` returns the Chinese reason for a
 * refusal, or null when allowed.
 *
 * - The statistics are for those who see the figures (viewStats): the wide readers (office, leading group,
 *   commission, organisation dept., secretary) and supervising leaders.
 * - Each figure counts only the records its reader may see, by the rule of the records' own feature: ledger rows,
 *   findings and assignments as the ledger figures scope them (a supervising leader: the subtree of the grant),
 *   letters as the letters feature does, rules made as accountability does.
 * - Leads are confidential: their figure (and the leads of the trend) only for those who may see leads, and then
 *   only the leads they may see.
 * - Figures of records that belong to no organisation (directives, trainings, the talent pool) are for the wide
 *   readers only.
 */
import { capabilitiesOf, type Actor } from "../../../domain/roles.ts";
import type { StatFigure } from "../../../domain/stats.ts";
import { seesAllDirectives } from "../directives/policy.ts";
import { viewLeadsRefusal } from "../leads/policy.ts";
import { isAdminActor, seesAllRounds } from "../rounds/policy.ts";

export const STATS_REFUSAL = "无权查看统计分析";
const WIDE_ONLY_REFUSAL = "该统计仅限巡察办、书记、领导小组、纪委监委和组织部查看";

export function viewStatsRefusal(a: Actor): string | null {
  return !isAdminActor(a) && capabilitiesOf(a).viewStats ? null : STATS_REFUSAL;
}

/** Whether the actor may see leads at all (the leads figure, and the leads in the trend). */
export const seesLeads = (a: Actor): boolean => viewLeadsRefusal(a) === null;

export function figureRefusal(a: Actor, figure: StatFigure): string | null {
  const general = viewStatsRefusal(a);
  if (general) return general;
  switch (figure) {
    case "leads_by_class":
      return viewLeadsRefusal(a);
    case "directives":
      return seesAllDirectives(a) ? null : WIDE_ONLY_REFUSAL;
    case "trainings":
    case "pool":
      return seesAllRounds(a) ? null : WIDE_ONLY_REFUSAL;
    default:
      return null;
  }
}
