/**
 * The office's letters about the seeds' inspections, each answered by its addressee:
 *
 * - 督办函 to 市委市级机关工委 about four of its 17 long-term rows still open after their deadline (2023-12-31), the
 *   ones whose measures in the seed (002) are still plans: 12月下旬 skills contest （二）5, 逾期未换届 follow-up （二）8,
 *   the 党建品牌 opinion "拟出台" （二）10, the 10月份 research exchange （二）13. The 工委's contact replies.
 * - 工作提示函 to 汨罗's supervising leader about the 13 problems fed back, as the seeds' measures describe (000 问题四:
 *   联系分管市级领导"一岗双责"…参与巡察整改指导督导; 003 问题1: 向分管（联系）被巡察单位的县级领导呈送…工作提示函).
 *   The leader replies.
 */
import type { DemoClient } from "./client.ts";
import { JIGUAN } from "./jiguan.ts";
import { rowsOf } from "./replay.ts";

const SUPERVISED = ["（二）5", "（二）8", "（二）10", "（二）13"];

export interface LetterPeople {
  office: DemoClient;
  jiguan: DemoClient;
  leader: DemoClient;
}

interface Sent {
  letter: { id: string };
}

export async function sendLetters(
  people: LetterPeople,
  jiguan: { assignmentId: string; orgId: string },
  miluo: { assignmentId: string },
): Promise<void> {
  const { office } = people;
  const { items } = await office.get<{ items: Array<{ id: string; text: string }> }>(
    `/api/ledger?assignmentId=${jiguan.assignmentId}&pageSize=200`,
  );
  const rows = SUPERVISED.map((label) => {
    const row = rowsOf(JIGUAN).find((r) => r.label === label)!;
    const item = items.find((i) => i.text === row.text);
    if (!item) throw new Error(`演示数据加载失败：台账中找不到“${label}”`);
    return { id: item.id, label, text: row.text };
  });
  const supervision = await office.post<Sent>("/api/letters", {
    kind: "supervision",
    addressee: "市委市级机关工委",
    addresseeOrgId: jiguan.orgId,
    subject: "关于督促加快巡察整改进度的函",
    body: [
      "市委市级机关工委：",
      "你委巡察整改方案（第2版）确定，按计划持续推进的整改事项于2023年12月31日前完成。经查阅整改台账，以下事项已过完成时限，仍处于整改中：",
      ...rows.map((r, i) => `${i + 1}. ${r.label} ${r.text}`),
      "请逐项说明整改进展和未按期完成的原因，明确新的完成时限，于收函后10个工作日内书面回复。",
    ].join("\n"),
    sentOn: "2024-01-10",
    rowIds: rows.map((r) => r.id),
  });
  await people.jiguan.post(`/api/letters/${supervision.letter.id}/reply`, {
    repliedOn: "2024-01-19",
    replyText:
      "收函后，工委召开专题会议逐项研究督办事项，对所列4项整改事项细化了推进措施和阶段目标，明确责任领导和责任处室，按月向市委巡察办报送整改进展，确保整改到位。",
  });

  const { items: accounts } = await office.get<{ items: Array<{ id: string; username: string }> }>("/api/people?q=demo_leader");
  const leaderId = accounts.find((p) => p.username === "demo_leader")?.id;
  if (!leaderId) throw new Error("演示数据加载失败：找不到账号 demo_leader");
  const fb = await office.get<{ aspects: Array<{ problems: Array<{ id: string }> }> }>(
    `/api/assignments/${miluo.assignmentId}/feedback`,
  );
  const reminder = await office.post<Sent>("/api/letters", {
    kind: "reminder",
    addressee: "汨罗市分管领导",
    addresseeUserId: leaderId,
    subject: "关于切实履行巡察整改督促责任的工作提示",
    body: [
      "汨罗市分管领导：",
      "岳阳市委提级巡察组于2023年12月14日向汨罗市委巡察机构反馈了4个方面13个问题，其整改方案已审核通过。请按照“一岗双责”要求，列席巡察整改相关会议，参与整改指导督导，督促市委巡察机构按方案逐项抓好整改落实。",
    ].join("\n"),
    sentOn: "2024-01-08",
    problemIds: fb.aspects.flatMap((a) => a.problems.map((p) => p.id)),
  });
  await people.leader.post(`/api/letters/${reminder.letter.id}/reply`, {
    repliedOn: "2024-01-12",
    replyText: "已收悉。将按照“一岗双责”要求参与巡察整改指导督导，督促市委巡察机构逐项抓好整改落实，按期完成整改。",
  });
}
