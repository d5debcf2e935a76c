/**
 * After the rectification periods: the office grades each of the seeds' inspections, then revisits 汨罗's round, as
 * its announcement promises ("对已完成的整改任务，适时组织“回头看”，防止问题反弹"). The sample is drawn from a recorded
 * seed (anyone can draw it again); every row checked is found rectified, so no row reopens and no count changes.
 */
import type { DemoClient } from "./client.ts";
import type { SeedInspection } from "./seed.ts";

/** The revisit's sampling seed, recorded with it. */
export const REVISIT_SEED = "汨罗提级巡察整改回头看";

export async function evaluate(office: DemoClient, seed: SeedInspection, assignmentId: string): Promise<void> {
  await office.post(`/api/assignments/${assignmentId}/evaluation`, seed.evaluation);
}

interface RevisitDetail {
  revisit: { id: string };
  items: Array<{ id: string; seqLabel: string }>;
}

/** Draws the sample of the assignment's round and records each check as rectified (checked today: drawn today). */
export async function revisit(
  people: { drawer: DemoClient; checker: DemoClient },
  assignmentId: string,
  today: string,
): Promise<void> {
  const { assignment } = await people.drawer.get<{ assignment: { roundId: string } }>(`/api/assignments/${assignmentId}`);
  const { items } = await people.drawer.post<RevisitDetail>(`/api/rounds/${assignment.roundId}/revisits`, {
    seed: REVISIT_SEED,
    note: "对已完成的整改任务组织“回头看”，防止问题反弹。",
  });
  for (const item of items) {
    await people.checker.post(`/api/revisit-items/${item.id}`, {
      result: "confirmed",
      finding: "查阅整改台账和佐证材料，核实整改措施落实情况，整改到位，未发现问题反弹。",
      checkedOn: today,
    });
  }
}
