/** Trainings of pool people (office): a training with who attended, and attendees added later. */
import { and, eq, inArray, isNull } from "drizzle-orm";
import { ruleViolation } from "../../../domain/errors.ts";
import { uuidv7 } from "../../../domain/ids.ts";
import type { TrainingInput } from "../../../domain/pool.ts";
import { created, runCommand, type CommandScope, type Origin } from "../../command.ts";
import type { AppContext } from "../../context.ts";
import { poolPeople, trainingAttendees, trainings } from "../../db/schema.ts";
import { allow } from "../rounds/policy.ts";
import { actorIn } from "../rounds/round-commands.ts";
import { managePoolRefusal } from "./policy.ts";
import { getTrainingRecord } from "./queries.ts";

/** The people named exist in the pool and are not removed; duplicates are dropped. */
async function attendable(s: CommandScope, personIds: readonly string[]): Promise<string[]> {
  const ids = [...new Set(personIds)];
  if (ids.length === 0) return [];
  const found = await s.tx
    .select({ id: poolPeople.id, name: poolPeople.name, status: poolPeople.status })
    .from(poolPeople)
    .where(and(inArray(poolPeople.id, ids), isNull(poolPeople.deletedAt)));
  if (found.length !== ids.length) throw ruleViolation("所选参训人员中有人不在人才库中");
  const removed = found.filter((p) => p.status === "removed").map((p) => p.name);
  if (removed.length) throw ruleViolation(`${removed.join("、")} 已从人才库清退，不能登记参训`);
  return ids;
}

async function insertAttendees(s: CommandScope, trainingId: string, personIds: readonly string[]): Promise<void> {
  if (personIds.length === 0) return;
  await s.tx
    .insert(trainingAttendees)
    .values(personIds.map((personId) => ({ id: uuidv7(), ...created(s), trainingId, personId })));
}

export function createTraining(ctx: AppContext, origin: Origin, input: TrainingInput): Promise<string> {
  return runCommand(ctx, origin, async (s) => {
    allow(managePoolRefusal(actorIn(s)));
    const personIds = await attendable(s, input.personIds);
    const id = uuidv7();
    const values = { title: input.title, heldOn: input.heldOn, days: input.days ?? null, organiser: input.organiser ?? null };
    await s.tx.insert(trainings).values({ id, ...created(s), ...values });
    await insertAttendees(s, id, personIds);
    await s.audit({
      action: "training.create",
      recordType: "training",
      recordIds: [id, ...personIds],
      changes: { ...values, personIds },
    });
    return id;
  });
}

export function addAttendees(ctx: AppContext, origin: Origin, trainingId: string, personIds: readonly string[]) {
  return runCommand(ctx, origin, async (s) => {
    allow(managePoolRefusal(actorIn(s)));
    const training = await getTrainingRecord(s.tx, trainingId);
    const ids = await attendable(s, personIds);
    const present = await s.tx
      .select({ personId: trainingAttendees.personId })
      .from(trainingAttendees)
      .where(
        and(
          eq(trainingAttendees.trainingId, trainingId),
          inArray(trainingAttendees.personId, ids),
          isNull(trainingAttendees.deletedAt),
        ),
      );
    const already = new Set(present.map((p) => p.personId));
    const fresh = ids.filter((id) => !already.has(id));
    if (fresh.length === 0) throw ruleViolation(`所选人员均已登记参加“${training.title}”`);
    await insertAttendees(s, trainingId, fresh);
    await s.audit({
      action: "training.add_attendees",
      recordType: "training",
      recordIds: [trainingId, ...fresh],
      changes: { personIds: fresh },
    });
    return fresh.length;
  });
}
