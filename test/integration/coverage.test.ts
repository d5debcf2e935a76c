import { asc, eq, inArray } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { uuidv7 } from "../../src/domain/ids.ts";
import type { OrgKind } from "../../src/domain/org.ts";
import { assignments, auditEntries, orgs, rounds, teams, terms } from "../../src/server/db/schema.ts";
import { createTestApp, login, newUser, type Client, type TestApp } from "../support/app.ts";
import { newOrg } from "../support/factories.ts";

let t: TestApp;
let office: Client;
let secretary: Client;
let contact: Client;
let sysadmin: Client;
let termId = "";
let oldTermId = "";
let xidu: { id: string; path: string };
let jiepai: { id: string; path: string };
const agencies: Array<{ id: string; name: string }> = [];
const villages: Array<{ id: string; name: string }> = [];

interface KindJson {
  orgKind: string;
  label: string;
  inScope: number;
  inspected: number;
  rate: number | null;
  warning: string | null;
  projection: { projected: number; perYear: number } | null;
}

/** A round of a term with one team (setup only), and its assignments inserted as entered. */
async function roundWith(
  term: string,
  name: string,
  visits: Array<{ orgId: string; entryDate: string | null; deleted?: boolean }>,
) {
  const roundId = uuidv7();
  await t.ctx.db.insert(rounds).values({ id: roundId, termId: term, name, kind: "regular" });
  const teamId = uuidv7();
  await t.ctx.db.insert(teams).values({ id: teamId, roundId, name: "第一巡察组" });
  for (const v of visits) {
    await t.ctx.db.insert(assignments).values({
      id: uuidv7(),
      roundId,
      teamId,
      orgId: v.orgId,
      entryDate: v.entryDate,
      withdrawalDate: v.entryDate,
      deletedAt: v.deleted ? new Date() : null,
    });
  }
  return { roundId, teamId };
}

beforeAll(async () => {
  t = await createTestApp();
  // Two years and three months into a term that began with the July 2021 change of committee (seed 003).
  t.setNow(new Date("2023-09-30T04:00:00Z"));
  await newUser(t.ctx, "office1", ["office_staff"], "王办");
  await newUser(t.ctx, "shuji", ["secretary"], "书记");
  xidu = await newOrg(t.ctx, "西渡镇", "township");
  jiepai = await newOrg(t.ctx, "界牌镇", "township");
  await newUser(t.ctx, "contact1", [{ role: "org_contact", orgId: xidu.id }], "联络人");
  office = await login(t.app, "office1");
  secretary = await login(t.app, "shuji");
  contact = await login(t.app, "contact1");
  sysadmin = await login(t.app, "sysadmin");

  for (let i = 1; i <= 10; i++) agencies.push(await newOrg(t.ctx, `县直单位${String(i).padStart(2, "0")}`, "agency"));
  for (let i = 1; i <= 20; i++) villages.push(await newOrg(t.ctx, `西渡镇${String(i).padStart(2, "0")}村`, "village", xidu));
  const outsideVillage = await newOrg(t.ctx, "界牌镇一村", "village", jiepai);
  const soe = await newOrg(t.ctx, "县城投公司", "soe");

  const term = await office.post("/api/terms", { name: "十三届县委", startDate: "2021-07-01", endDate: "2026-06-30" });
  expect(term.statusCode).toBe(200);
  termId = term.json().term.id;
  const old = await office.post("/api/terms", { name: "十二届县委", startDate: "2016-07-01", endDate: "2021-06-30" });
  oldTermId = old.json().term.id;

  const a = (i: number) => agencies[i - 1]!.id;
  const v = (i: number) => villages[i - 1]!.id;
  await roundWith(termId, "2022年第一轮", [
    { orgId: a(1), entryDate: "2022-04-11" },
    { orgId: a(2), entryDate: "2022-04-11" },
    ...[1, 2, 3, 4, 5, 6].map((i) => ({ orgId: v(i), entryDate: "2022-10-10" })),
    { orgId: outsideVillage.id, entryDate: "2022-10-10" },
    { orgId: soe.id, entryDate: "2022-10-10" },
  ]);
  await roundWith(termId, "2023年第一轮", [
    { orgId: a(3), entryDate: "2023-04-10" },
    { orgId: a(4), entryDate: "2023-04-10" },
    // Inspected again: counted once, in the year of its first inspection.
    ...[7, 8, 9, 10, 11, 12, 13, 14, 15, 16].map((i) => ({ orgId: v(i), entryDate: "2023-03-06" })),
    { orgId: v(1), entryDate: "2023-03-06" },
  ]);
  await roundWith(termId, "2023年第二轮", [
    { orgId: a(5), entryDate: "2023-11-06" }, // not yet entered
    { orgId: a(6), entryDate: null }, // no entry date
    { orgId: a(8), entryDate: "2023-05-08", deleted: true }, // withdrawn assignment
  ]);
  // Inspected in the earlier term only.
  await roundWith(oldTermId, "2019年第二轮", [{ orgId: a(7), entryDate: "2019-05-06" }]);
});
afterAll(() => t.close());

const coverage = async (c: Client = office) => {
  const res = await c.get(`/api/terms/${termId}/coverage`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as {
    kinds: KindJson[];
    years: Array<{ year: number; orgKind: string; planned: number | null; actual: number }>;
    warnings: string[];
    scopes: Array<{ orgKind: string; rootOrgName: string | null }>;
    can: { plan: boolean };
  };
};

describe("coverage scope", () => {
  it("starts with no scope and nothing to show", async () => {
    const c = await coverage();
    expect(c.kinds).toEqual([]);
    expect(c.warnings).toEqual([]);
    expect(c.can.plan).toBe(true);
  });

  it("refuses anyone but the office to set it, in Chinese", async () => {
    const body = { scopes: [{ orgKind: "agency" }] };
    const bySecretary = await secretary.put(`/api/terms/${termId}/coverage-scope`, body);
    expect(bySecretary.statusCode).toBe(403);
    expect(bySecretary.json().message).toBe("只有巡察办可以设置巡察全覆盖范围和年度计划");
    const byContact = await contact.put(`/api/terms/${termId}/coverage-scope`, body);
    expect(byContact.statusCode).toBe(403);
    expect((await contact.get(`/api/terms/${termId}/coverage`)).json().message).toBe(
      "只有巡察办、书记、领导小组、纪委监委和组织部可以查看巡察全覆盖情况",
    );
    expect((await sysadmin.get(`/api/terms/${termId}/coverage`)).statusCode).toBe(403);
    expect((await secretary.put(`/api/terms/${termId}/coverage-plan`, { years: [] })).statusCode).toBe(403);
  });

  it("checks the kinds and the root organisation", async () => {
    const twice = await office.put(`/api/terms/${termId}/coverage-scope`, {
      scopes: [{ orgKind: "agency" }, { orgKind: "agency" }],
    });
    expect(twice.statusCode).toBe(400);
    expect(twice.body).toContain("每类单位只能设置一次范围");
    const badKind = await office.put(`/api/terms/${termId}/coverage-scope`, { scopes: [{ orgKind: "church" }] });
    expect(badKind.statusCode).toBe(400);
    expect(badKind.body).toContain("单位类型无效");
    const noRoot = await office.put(`/api/terms/${termId}/coverage-scope`, {
      scopes: [{ orgKind: "village", rootOrgId: uuidv7() }],
    });
    expect(noRoot.statusCode).toBe(404);
    expect(noRoot.json().message).toBe("范围的上级单位不存在或已删除");
    const noTerm = await office.put(`/api/terms/${uuidv7()}/coverage-scope`, { scopes: [] });
    expect(noTerm.statusCode).toBe(404);
  });

  it("replaces the scope, and audits each change", async () => {
    const first = await office.put(`/api/terms/${termId}/coverage-scope`, {
      scopes: [{ orgKind: "soe" }, { orgKind: "agency" }, { orgKind: "village" }],
    });
    expect(first.statusCode, first.body).toBe(200);
    expect(first.json().kinds.map((k: KindJson) => [k.label, k.inScope])).toEqual([
      ["机关事业单位", 10],
      ["村（社区）", 21],
      ["国有企业", 1],
    ]);
    const second = await office.put(`/api/terms/${termId}/coverage-scope`, {
      scopes: [{ orgKind: "agency" }, { orgKind: "village", rootOrgId: xidu.id }],
    });
    expect(second.statusCode, second.body).toBe(200);
    expect(second.json().scopes).toEqual([
      { orgKind: "agency", label: "机关事业单位", rootOrgId: null, rootOrgName: null },
      { orgKind: "village", label: "村（社区）", rootOrgId: xidu.id, rootOrgName: "西渡镇" },
    ]);
    const same = await office.put(`/api/terms/${termId}/coverage-scope`, {
      scopes: [{ orgKind: "agency" }, { orgKind: "village", rootOrgId: xidu.id }],
    });
    expect(same.statusCode).toBe(422);
    expect(same.json().message).toBe("没有需要保存的修改");
    const audits = await t.ctx.db
      .select()
      .from(auditEntries)
      .where(eq(auditEntries.action, "coverage.set_scope"))
      .orderBy(asc(auditEntries.seq));
    expect(audits).toHaveLength(2);
    expect(audits[1]!.changes).toEqual({
      scopes: [
        ["机关事业单位", "村（社区）", "国有企业"],
        ["机关事业单位", "村（社区）（西渡镇所属）"],
      ],
    });
  });
});

describe("coverage figures", () => {
  it("counts 4 of 10 agencies (40 %) and 16 of 20 villages (80 %) inspected in the term", async () => {
    const c = await coverage(secretary);
    expect(c.kinds.map((k) => [k.label, k.inScope, k.inspected, k.rate])).toEqual([
      ["机关事业单位", 10, 4, 0.4],
      ["村（社区）", 20, 16, 0.8],
    ]);
    expect(c.can.plan).toBe(false);
  });

  it("warns that at this pace the agencies will not all be inspected by the term's end", async () => {
    const c = await coverage();
    const [agency, village] = c.kinds;
    // 4 in 2.2 years: 1.8 a year, 9 by June 2026 — one short of the 10 in scope.
    expect(agency!.projection).toMatchObject({ perYear: 1.8, projected: 9 });
    expect(agency!.warning).toBe(
      "机关事业单位：按目前进度（届内已过 2.2 年，已巡察 4 个，年均 1.8 个），到届末（2026-06-30）预计巡察 9 个，" +
        "距全覆盖（10 个）尚差 1 个；剩余 2.8 年须年均巡察 3 个",
    );
    expect(village!.projection?.projected).toBe(20);
    expect(village!.warning).toBeNull();
    expect(c.warnings).toEqual([agency!.warning]);
  });

  it("sets the plan per year and sets it against the organisations first inspected that year", async () => {
    const outside = await office.put(`/api/terms/${termId}/coverage-plan`, {
      years: [{ year: 2027, orgKind: "agency", planned: 3 }],
    });
    expect(outside.statusCode).toBe(422);
    expect(outside.json().message).toBe("2027 年不在本届次（2021—2026 年）内");
    const stray = await office.put(`/api/terms/${termId}/coverage-plan`, { years: [{ year: 2022, orgKind: "soe", planned: 1 }] });
    expect(stray.statusCode).toBe(422);
    expect(stray.json().message).toBe("“国有企业”不在本届次的全覆盖范围内，请先设置范围");
    const negative = await office.put(`/api/terms/${termId}/coverage-plan`, {
      years: [{ year: 2022, orgKind: "agency", planned: -2 }],
    });
    expect(negative.statusCode).toBe(400);
    expect(negative.body).toContain("计划巡察数不能为负数");

    const plan = [
      { year: 2022, orgKind: "agency", planned: 3 },
      { year: 2022, orgKind: "village", planned: 8 },
      { year: 2023, orgKind: "agency", planned: 3 },
      { year: 2023, orgKind: "village", planned: 10 },
    ];
    const res = await office.put(`/api/terms/${termId}/coverage-plan`, { years: plan });
    expect(res.statusCode, res.body).toBe(200);
    const rows = (res.json().years as Array<{ year: number; orgKind: string; planned: number | null; actual: number }>).filter(
      (r) => r.year === 2022 || r.year === 2023,
    );
    expect(rows.map((r) => [r.year, r.orgKind, r.planned, r.actual])).toEqual([
      [2022, "agency", 3, 2],
      [2022, "village", 8, 6],
      [2023, "agency", 3, 2],
      [2023, "village", 10, 10],
    ]);
    expect(res.json().years.map((r: { year: number }) => r.year)).toContain(2026);

    // Changing one year and dropping another.
    const changed = await office.put(`/api/terms/${termId}/coverage-plan`, {
      years: [...plan.slice(0, 3), { ...plan[3]!, planned: 12 }].slice(1),
    });
    expect(changed.statusCode).toBe(200);
    const after = (await coverage()).years.filter((r) => r.year === 2022 || r.year === 2023);
    expect(after.map((r) => r.planned)).toEqual([null, 8, 3, 12]);
    const audit = await t.ctx.db
      .select()
      .from(auditEntries)
      .where(eq(auditEntries.action, "coverage.set_plan"))
      .orderBy(asc(auditEntries.seq));
    expect(audit).toHaveLength(2);
    expect(audit[1]!.changes).toEqual({ "2023年村（社区）": [10, 12], "2022年机关事业单位": [3, null] });
  });

  it("lists the uninspected, longest-waiting first, with the earlier term's inspection as the last one", async () => {
    const res = await secretary.get(`/api/terms/${termId}/coverage/uninspected?orgKind=agency`);
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json();
    expect(body.total).toBe(6);
    expect(body.items.map((o: { name: string }) => o.name)).toEqual([
      "县直单位05",
      "县直单位06",
      "县直单位08",
      "县直单位09",
      "县直单位10",
      "县直单位07",
    ]);
    expect(body.items[0]).toMatchObject({ orgKindLabel: "机关事业单位", lastInspectedOn: null, yearsSince: null });
    expect(body.items[5]).toMatchObject({ lastInspectedOn: "2019-05-06", yearsSince: 4.4 });

    const page2 = (await office.get(`/api/terms/${termId}/coverage/uninspected?orgKind=village&page=2&pageSize=3`)).json();
    expect(page2).toMatchObject({ total: 4, page: 2, pageSize: 3 });
    expect(page2.items.map((o: { name: string; riskClassLabel: string }) => [o.name, o.riskClassLabel])).toEqual([
      ["西渡镇20村", "一般关注类"],
    ]);
    const all = (await office.get(`/api/terms/${termId}/coverage/uninspected`)).json();
    expect(all.total).toBe(10);
    const bad = await office.get(`/api/terms/${termId}/coverage/uninspected?page=0`);
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain("页码无效");
  });
});

describe("inspection defaults by kind and risk class", () => {
  let roundId = "";
  let teamId = "";

  beforeAll(async () => {
    const round = await office.post("/api/rounds", { termId, name: "2023年第三轮", kind: "regular" });
    roundId = round.json().round.id;
    const team = await office.post(`/api/rounds/${roundId}/teams`, { name: "第三巡察组" });
    teamId = team.json().team.id;
  });

  it("gives a focus village 10 working days and a team of 5, counted across the National Day holiday", async () => {
    const created = await office.post("/api/orgs", {
      name: "界牌镇重点村",
      kind: "village",
      parentId: jiepai.id,
      riskClass: "focus",
    });
    expect(created.statusCode, created.body).toBe(200);
    const orgId = created.json().org.id as string;
    const d = await office.get(`/api/orgs/${orgId}/inspection-defaults`);
    expect(d.json()).toEqual({ onSiteWorkingDays: 10, teamSize: 5, riskClass: "focus" });
    // Mon 2023-09-25: 9/26–28 (3), 9/29–10/6 holidays, Sat 10/7 and Sun 10/8 worked (5), 10/9–13 (10).
    const a = await office.post(`/api/rounds/${roundId}/assignments`, { teamId, orgId, entryDate: "2023-09-25" });
    expect(a.statusCode, a.body).toBe(200);
    expect(a.json().assignment).toMatchObject({ withdrawalDate: "2023-10-13", onSiteWorkingDays: 10 });
  });

  it("gives an agency 40 working days and no team size; a village without a class counts as normal", async () => {
    const agency = agencies[9]!.id;
    expect((await office.get(`/api/orgs/${agency}/inspection-defaults`)).json()).toEqual({
      onSiteWorkingDays: 40,
      teamSize: null,
      riskClass: null,
    });
    const a = await office.post(`/api/rounds/${roundId}/assignments`, { teamId, orgId: agency, entryDate: "2023-09-06" });
    expect(a.json().assignment).toMatchObject({ withdrawalDate: "2023-11-07", onSiteWorkingDays: 40 });
    const unclassed = uuidv7();
    await t.ctx.db.insert(orgs).values({ id: unclassed, name: "无类别村", kind: "village", path: `/${unclassed}/` });
    expect((await secretary.get(`/api/orgs/${unclassed}/inspection-defaults`)).json()).toEqual({
      onSiteWorkingDays: 7,
      teamSize: 3,
      riskClass: "normal",
    });
  });

  it("follows the settings, and refuses those who may not see the organisation", async () => {
    const set = await sysadmin.put("/api/settings", { onSiteDaysVillageWatch: 8, teamSizeVillageWatch: 6 });
    expect(set.statusCode, set.body).toBe(200);
    const created = await office.post("/api/orgs", {
      name: "界牌镇风险村",
      kind: "village",
      parentId: jiepai.id,
      riskClass: "watch",
    });
    const orgId = created.json().org.id as string;
    expect((await office.get(`/api/orgs/${orgId}/inspection-defaults`)).json()).toEqual({
      onSiteWorkingDays: 8,
      teamSize: 6,
      riskClass: "watch",
    });
    // An entry date given later gets the same default: Mon 2023-09-25 + 8 working days = Wed 2023-10-11.
    const undated = await office.post(`/api/rounds/${roundId}/assignments`, { teamId, orgId });
    expect(undated.json().assignment).toMatchObject({ entryDate: null, withdrawalDate: null });
    const dated = await office.patch(`/api/assignments/${undated.json().assignment.id}`, { entryDate: "2023-09-25", version: 1 });
    expect(dated.statusCode, dated.body).toBe(200);
    expect(dated.json().assignment).toMatchObject({ withdrawalDate: "2023-10-11", onSiteWorkingDays: 8 });
    const refused = await contact.get(`/api/orgs/${orgId}/inspection-defaults`);
    expect(refused.statusCode).toBe(403);
    expect(refused.json().message).toMatch(/[\u4e00-\u9fa5]/);
    expect((await office.get(`/api/orgs/${uuidv7()}/inspection-defaults`)).statusCode).toBe(404);
  });
});

describe("a county's real size", () => {
  it("answers 衡阳's figures — 39 of 100 agencies, 405 of 491 villages — quickly, from a few queries", async () => {
    const countyId = uuidv7();
    const countyPath = `/${countyId}/`;
    const orgRows: Array<typeof orgs.$inferInsert> = [{ id: countyId, name: "衡阳县", kind: "other", path: countyPath }];
    const add = (name: string, kind: OrgKind, parentPath: string, parentId: string) => {
      const id = uuidv7();
      orgRows.push({ id, name, kind, parentId, path: `${parentPath}${id}/`, riskClass: kind === "village" ? "normal" : null });
      return { id, path: `${parentPath}${id}/` };
    };
    const countyAgencies = Array.from({ length: 100 }, (_, i) => add(`衡阳县直单位${i}`, "agency", countyPath, countyId));
    const towns = Array.from({ length: 25 }, (_, i) => add(`衡阳县第${i}镇`, "township", countyPath, countyId));
    const countyVillages = Array.from({ length: 491 }, (_, i) =>
      add(`衡阳县村${i}`, "village", towns[i % 25]!.path, towns[i % 25]!.id),
    );
    for (let i = 0; i < orgRows.length; i += 200) await t.ctx.db.insert(orgs).values(orgRows.slice(i, i + 200));

    const termRow = { id: uuidv7(), name: "十三届衡阳县委", startDate: "2021-07-01", endDate: "2026-06-30" };
    await t.ctx.db.insert(terms).values(termRow);
    const roundId = uuidv7();
    await t.ctx.db.insert(rounds).values({ id: roundId, termId: termRow.id, name: "村级巡察", kind: "regular" });
    const teamId = uuidv7();
    await t.ctx.db.insert(teams).values({ id: teamId, roundId, name: "第一巡察组" });
    const visited = [...countyAgencies.slice(0, 39), ...countyVillages.slice(0, 405)];
    const rows = visited.map((o, i) => ({
      id: uuidv7(),
      roundId,
      teamId,
      orgId: o.id,
      entryDate: `202${2 + (i % 2)}-0${3 + (i % 6)}-10`,
    }));
    for (let i = 0; i < rows.length; i += 200) await t.ctx.db.insert(assignments).values(rows.slice(i, i + 200));

    const scope = await office.put(`/api/terms/${termRow.id}/coverage-scope`, {
      scopes: [
        { orgKind: "agency", rootOrgId: countyId },
        { orgKind: "village", rootOrgId: countyId },
      ],
    });
    expect(scope.statusCode, scope.body).toBe(200);
    const started = performance.now();
    const res = await secretary.get(`/api/terms/${termRow.id}/coverage`);
    const elapsed = performance.now() - started;
    expect(res.statusCode).toBe(200);
    expect(res.json().kinds.map((k: KindJson) => [k.inScope, k.inspected])).toEqual([
      [100, 39],
      [491, 405],
    ]);
    expect(res.json().kinds[1].rate).toBeCloseTo(0.825, 3);
    expect(elapsed).toBeLessThan(1500);
    const list = await secretary.get(`/api/terms/${termRow.id}/coverage/uninspected?orgKind=village`);
    expect(list.json().total).toBe(86);
    // Tidy: the organisations above must not change the other terms' figures when tests are reordered.
    await t.ctx.db
      .update(orgs)
      .set({ deletedAt: new Date() })
      .where(
        inArray(
          orgs.id,
          orgRows.map((o) => o.id!),
        ),
      );
  });
});
