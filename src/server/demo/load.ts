/**
 * npm run demo: the demo is built from the seed documents through the same API a user drives — accounts
 * through the account and password commands, everything else through HTTP requests as each demo user.
 * Per seed inspection: findings, feedback, the rectification plan (approved while every row is open), the ledger
 * filled and closed, the announcement's details, the concentrated period and the rules made. Then the letters, a
 * small county inspection whose common problem leads to a fix-alike campaign and a recommendation letter, the
 * secretary's directives, the evaluations and a revisit. Then 衡阳's coverage of its term (coverage.ts: hundreds of
 * organisations imported from one spreadsheet, nine rounds of assignments), 汨罗's leads with their handling
 * (leads.ts) and 汨罗's talent pool of 230 with the term's nine trainings (pool.ts). No figure is typed in: the summary (summary.ts) reads every count back through the API.
 * main.ts calls this only on an empty database; it refuses to run twice.
 */
import { buildApp } from "../app.ts";
import { todayIn, type AppContext } from "../context.ts";
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
import { replayCounty } from "./county.ts";
import { replayCoverage } from "./coverage.ts";
import { replayDirectives } from "./directives.ts";
import { HENGYANG } from "./hengyang.ts";
import { JIGUAN } from "./jiguan.ts";
import { replayLeads } from "./leads.ts";
import { sendLetters } from "./letters.ts";
import { MILUO } from "./miluo.ts";
import { replayPool } from "./pool.ts";
import { recordPeriod, recordRules, replayPlan } from "./rectify.ts";
import { closeRows, fillLedger, planInspection, registerFeedback, registerOrgs, writeAnnouncement } from "./replay.ts";
import { evaluate, revisit } from "./review.ts";
import type { SeedInspection } from "./seed.ts";
import { summary } from "./summary.ts";

interface Replayed {
  seed: SeedInspection;
  assignmentId: string;
  orgId: string;
  contact: DemoUsername;
}

export async function loadDemo(ctx: AppContext): Promise<string> {
  if (await demoAlreadyLoaded(ctx)) throw new Error("演示数据已经加载过，不能重复加载（请使用空的数据目录）");
  await createAccounts(ctx);
  const app = await buildApp(ctx);
  try {
    const clients = await Promise.all(DEMO_ACCOUNTS.map((a) => DemoClient.login(app, a.username, DEMO_PASSWORD)));
    const as = Object.fromEntries(clients.map((c) => [c.username, c])) as Record<DemoUsername, DemoClient>;

    await grantOfficeRoles(as.demo_secadmin);
    const miluo: Replayed = { seed: MILUO, assignmentId: "", orgId: "", contact: "demo_miluo" };
    const jiguan: Replayed = { seed: JIGUAN, assignmentId: "", orgId: "", contact: "demo_jiguan" };
    const hengyang: Replayed = { seed: HENGYANG, assignmentId: "", orgId: "", contact: "demo_hengyang" };
    const inspections = [miluo, jiguan, hengyang];
    for (const i of inspections) i.orgId = await registerOrgs(as.demo_office, i.seed);
    await grantScopedRoles(as.demo_secadmin);

    const people = { office: as.demo_office, closer: as.demo_office2, teamMember: as.demo_team_member };
    for (const i of inspections) {
      const contact = as[i.contact];
      i.assignmentId = await planInspection(as.demo_office, i.seed, i.orgId, {
        leader: "demo_team_leader",
        member: "demo_team_member",
      });
      await registerFeedback(people, i.seed, i.assignmentId);
      // The plan is approved onto the rows while they are all open; the progress reported afterwards leaves it whole.
      await replayPlan({ contact, commission: as.demo_commission, reviewer: as.demo_office }, i.seed, i.assignmentId);
      const asked = await fillLedger(contact, i.seed, i.assignmentId);
      await closeRows(people.closer, asked);
      await writeAnnouncement(contact, i.seed, i.assignmentId);
      await recordPeriod(contact, i.seed, i.assignmentId);
      await recordRules(contact, i.seed, i.assignmentId, i.orgId);
    }

    const today = todayIn(ctx);
    await sendLetters({ office: as.demo_office, jiguan: as.demo_jiguan, leader: as.demo_leader }, jiguan, miluo);
    await replayCounty({ office: as.demo_office, office2: as.demo_office2, teamMember: as.demo_team_member }, today);
    await replayDirectives({ office: as.demo_office, owner: as.demo_hengyang }, "衡阳县");
    for (const i of inspections) await evaluate(as.demo_office, i.seed, i.assignmentId);
    await revisit({ drawer: as.demo_office, checker: as.demo_office2 }, miluo.assignmentId, today);

    const calendar = await ctx.calendar();
    const coverageTermId = await replayCoverage(as.demo_office, calendar);
    const leadsTermId = await replayLeads(
      {
        office: as.demo_office,
        head: as.demo_head,
        leader: as.demo_team_leader,
        member: as.demo_team_member,
        commission: as.demo_commission,
      },
      calendar,
    );
    // After the leads: the pool people's units are then organisations in the system.
    await replayPool(as.demo_office);
    return await summary(as.demo_head, inspections, miluo.assignmentId, { coverageTermId, leadsTermId });
  } finally {
    await app.close();
  }
}
