/**
 * The directives figure of seed 003 (衡阳, 问题2): "十三届县委巡察问题清单中县委书记点人点事25项，其中9项没有落实到位",
 * and, in its 整改进展情况, "市委巡察反馈的县委书记点人点事9项没有落实到位问题现已全部落实到位" after 衡阳's 巡察机构
 * set up a ledger of them ("建立县委书记点人点事台账").
 *
 * The seed gives the count, not the 25 persons and matters, nor their meetings: they are recorded as one 书记专题会 (its
 * date assumed, before the inspection of September 2023) with 25 numbered matters concerning 衡阳县, tracked by the
 * 巡察机构's contact. 16 were done and closed by the office before the inspection; the 9 it found not done have been
 * reported done since, as the seed says, and wait for the office to confirm them — so the figures read 25, of which
 * 9 not (yet) done, and a demo user can confirm them.
 */
import type { DemoClient } from "./client.ts";

const TOTAL = 25;
const NOT_DONE = 9;

export interface DirectivePeople {
  office: DemoClient;
  /** The account that reports the directives done: 衡阳's contact. */
  owner: DemoClient;
}

interface DirectiveView {
  directive: { id: string; version: number };
}

export async function replayDirectives(people: DirectivePeople, county: string): Promise<void> {
  const { office, owner } = people;
  const { items: orgs } = await office.get<{ items: Array<{ id: string; name: string }> }>("/api/orgs");
  const orgId = orgs.find((o) => o.name === county)?.id;
  if (!orgId) throw new Error(`演示数据加载失败：找不到单位 ${county}`);
  const { items: accounts } = await office.get<{ items: Array<{ id: string; username: string }> }>(
    `/api/people?q=${owner.username}`,
  );
  const ownerUserId = accounts.find((p) => p.username === owner.username)?.id;
  if (!ownerUserId) throw new Error(`演示数据加载失败：找不到账号 ${owner.username}`);

  const meeting = await office.post<{ id: string }>("/api/secretary-meetings", {
    heldOn: "2023-06-30",
    title: "十三届衡阳县委书记专题会（县委巡察问题清单点人点事）",
    notes: "市委第五巡察组提级巡察反馈：十三届县委巡察问题清单中县委书记点人点事25项，其中9项没有落实到位。",
  });
  for (let n = 1; n <= TOTAL; n++) {
    const { directive } = await office.post<DirectiveView>("/api/directives", {
      meetingId: meeting.id,
      kind: "matter",
      target: `县委巡察问题清单中县委书记点人点事第${n}项`,
      orgId,
      action: "按县委书记专题会要求办理，由县委巡察办建立台账跟踪督办，办结后报告办理情况。",
      owner: "相关被巡察单位党组织（县委巡察办跟踪督办）",
      ownerUserId,
      dueDate: null,
    });
    const late = n > TOTAL - NOT_DONE;
    const reported = await owner.post<DirectiveView>(`/api/directives/${directive.id}/report`, {
      version: directive.version,
      report: late
        ? "市委巡察反馈后，县委巡察办建立县委书记点人点事台账，跟踪督办，现已落实到位。"
        : "已按县委书记专题会要求办理完毕。",
    });
    if (!late) await office.post(`/api/directives/${directive.id}/close`, { version: reported.directive.version });
  }
}
