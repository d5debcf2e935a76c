/**
 * npm run demo: the demo is built from the seed documents through the same API a user drives — accounts
 * through the account and password commands, everything else through HTTP requests as each demo user.
 * No figure is typed in: the summary reads the counts back from the feedback and the ledger figures.
 * main.ts calls this only on an empty database; it refuses to run twice.
 */
import { buildApp } from "../app.ts";
import type { AppContext } from "../context.ts";
import {
  DEMO_ACCOUNTS,
  DEMO_PASSWORD,
  createAccounts,
  demoAlreadyLoaded,
  grantOfficeRoles,
  grantScopedRoles,
  type DemoUsername,
} from "./accounts.ts";
import { DemoClient } from "./client.ts";
import { JIGUAN } from "./jiguan.ts";
import { MILUO } from "./miluo.ts";
import { closeRows, fillLedger, planInspection, registerFeedback, registerOrgs } from "./replay.ts";
import type { SeedInspection } from "./seed.ts";

interface Replayed {
  seed: SeedInspection;
  assignmentId: string;
  contact: DemoUsername;
}

interface FeedbackTotals {
  totals: { aspects: number; problems: number; rows: number };
}
interface Figures {
  figures: { total: number; done: number; significantProgress: number; doneRate: number | null };
}
interface AssignmentView {
  assignment: { orgName: string; roundName: string };
}

export async function loadDemo(ctx: AppContext): Promise<string> {
  if (await demoAlreadyLoaded(ctx)) throw new Error("演示数据已经加载过，不能重复加载（请使用空的数据目录）");
  await createAccounts(ctx);
  const app = await buildApp(ctx);
  try {
    const clients = await Promise.all(DEMO_ACCOUNTS.map((a) => DemoClient.login(app, a.username, DEMO_PASSWORD)));
    const as = Object.fromEntries(clients.map((c) => [c.username, c])) as Record<DemoUsername, DemoClient>;

    await grantOfficeRoles(as.demo_secadmin);
    const inspections: Replayed[] = [
      { seed: MILUO, assignmentId: "", contact: "demo_miluo" },
      { seed: JIGUAN, assignmentId: "", contact: "demo_jiguan" },
    ];
    const orgIds = [];
    for (const i of inspections) orgIds.push(await registerOrgs(as.demo_office, i.seed));
    await grantScopedRoles(as.demo_secadmin);

    const people = { office: as.demo_office, closer: as.demo_office2, teamMember: as.demo_team_member };
    for (const [n, i] of inspections.entries()) {
      i.assignmentId = await planInspection(as.demo_office, i.seed, orgIds[n]!, {
        leader: "demo_team_leader",
        member: "demo_team_member",
      });
      await registerFeedback(people, i.seed, i.assignmentId);
      const asked = await fillLedger(as[i.contact], i.seed, i.assignmentId);
      await closeRows(people.closer, asked);
    }
    return await summary(as.demo_head, inspections);
  } finally {
    await app.close();
  }
}

async function summary(reader: DemoClient, inspections: Replayed[]): Promise<string> {
  const lines = ["", "==================== 演示数据已加载 ===================="];
  lines.push("依据种子文件，经系统的业务接口逐项办理：登记问题 → 登记反馈意见 → 填报台账、上传佐证 → 申请销号 → 审核销号。");
  lines.push("以下数字均由系统从反馈意见和整改台账统计得出：");
  for (const i of inspections) {
    const { assignment } = await reader.get<AssignmentView>(`/api/assignments/${i.assignmentId}`);
    const { totals } = await reader.get<FeedbackTotals>(`/api/assignments/${i.assignmentId}/feedback`);
    const { figures } = await reader.get<Figures>(`/api/figures/ledger?assignmentId=${i.assignmentId}`);
    lines.push(
      `  · ${assignment.orgName}（${assignment.roundName}，种子文件 ${i.seed.source}）：` +
        `反馈 ${totals.aspects} 个方面 ${totals.problems} 个问题，细化为 ${totals.rows} 条；` +
        `已销号 ${figures.done} 条，取得明显成效 ${figures.significantProgress} 条`,
    );
  }
  lines.push("", `演示账号（密码均为 ${DEMO_PASSWORD}）：`);
  const width = Math.max(...DEMO_ACCOUNTS.map((a) => a.username.length));
  for (const a of DEMO_ACCOUNTS) lines.push(`  ${a.username.padEnd(width)}  ${a.displayName} —— ${a.can}`);
  lines.push("系统管理员账号不在此列：其密码见首次启动时的提示。");
  lines.push("========================================================", "");
  return lines.join("\n");
}
