/** Recording what an organisation did within its rectification period: the contact of the organisation or the office. */
import { and, eq, isNull } from "drizzle-orm";
import { conflict, notFound, ruleViolation } from "../../../domain/errors.ts";
import { uuidv7 } from "../../../domain/ids.ts";
import { EMPTY_PERIOD, periodInputProblems, type PeriodInput } from "../../../domain/period.ts";
import { diff } from "../../audit/append.ts";
import { created, runCommand, type Origin } from "../../command.ts";
import { todayIn, type AppContext } from "../../context.ts";
import { rectificationPeriods } from "../../db/schema.ts";
import { allow } from "../rounds/policy.ts";
import { actorIn, STALE } from "../rounds/round-commands.ts";
import { editPeriodRefusal } from "./policy.ts";
import { periodTarget, recordOf } from "./queries.ts";

export function savePeriod(ctx: AppContext, origin: Origin, assignmentId: string, input: PeriodInput): Promise<void> {
  return runCommand(ctx, origin, async (s) => {
    const actor = actorIn(s);
    const target = await periodTarget(s.tx, assignmentId);
    if (!target) throw notFound("巡察任务");
    allow(editPeriodRefusal(actor, { orgId: target.orgId, orgPath: target.orgPath }));
    if (!target.feedbackDate) throw ruleViolation("该巡察任务尚未反馈，还没有集中整改期");
    const { version, ...fields } = input;
    const problems = periodInputProblems(fields, target.feedbackDate, todayIn(s.ctx));
    if (problems.length) throw ruleViolation(problems.join("；"), { problems });

    const old = target.period;
    if ((old?.version ?? 0) !== version) throw conflict(STALE);
    const changes = diff(old ? recordOf(old) : EMPTY_PERIOD, fields);
    if (Object.keys(changes).length === 0) throw ruleViolation("没有需要保存的修改");
    let id: string;
    if (old) {
      id = old.id;
      const done = await s.tx
        .update(rectificationPeriods)
        .set({ ...fields, updatedAt: s.now, version: old.version + 1 })
        .where(
          and(
            eq(rectificationPeriods.id, id),
            eq(rectificationPeriods.version, old.version),
            isNull(rectificationPeriods.deletedAt),
          ),
        )
        .returning({ id: rectificationPeriods.id });
      if (done.length === 0) throw conflict(STALE);
    } else {
      id = uuidv7();
      // A second first record at the same moment fails on the unique index and is answered 409.
      await s.tx.insert(rectificationPeriods).values({ id, ...created(s), assignmentId, ...fields });
    }
    await s.audit({ action: "period.update", recordType: "rectification_period", recordIds: [id, assignmentId], changes });
  });
}
