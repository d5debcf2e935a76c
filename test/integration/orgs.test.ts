import ExcelJS from "exceljs";
import { and, eq, isNull } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { uuidv7 } from "../../src/domain/ids.ts";
import { assignments, auditEntries, orgs, rounds, teams, terms } from "../../src/server/db/schema.ts";
import { subtreeOf } from "../../src/server/features/orgs/queries.ts";
import { createTestApp, login, newUser, type Client, type TestApp } from "../support/app.ts";

let t: TestApp;
let office: Client;
const XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

interface Org {
  id: string;
  name: string;
  code: string | null;
  kind: string;
  parentId: string | null;
  path: string;
  riskClass: string | null;
  riskClassLabel: string | null;
  version: number;
  can: { update: boolean; delete: boolean; setRiskClass: boolean };
}

beforeAll(async () => {
  t = await createTestApp();
  await newUser(t.ctx, "office1", ["office_staff"], "巡察办小王");
  office = await login(t.app, "office1");
});
afterAll(() => t.close());

async function create(body: Record<string, unknown>): Promise<Org> {
  const res = await office.post("/api/orgs", body);
  expect(res.statusCode, res.body).toBe(200);
  return res.json().org as Org;
}

async function list(c: Client = office): Promise<Org[]> {
  const res = await c.get("/api/orgs");
  expect(res.statusCode, res.body).toBe(200);
  return res.json().items as Org[];
}

const liveOrgCount = async () => (await t.ctx.db.select({ id: orgs.id }).from(orgs).where(isNull(orgs.deletedAt))).length;

function upload(c: Client, fileName: string, content: Buffer, contentType = XLSX) {
  const boundary = `----xuncha${Date.now()}`;
  const payload = Buffer.concat([
    Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${fileName}"\r\nContent-Type: ${contentType}\r\n\r\n`,
    ),
    content,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  return t.app.inject({
    method: "POST",
    url: "/api/orgs/import",
    headers: { cookie: c.cookie, "content-type": `multipart/form-data; boundary=${boundary}` },
    payload,
  });
}

/** The downloaded template with these rows filled in below the header. */
async function filledTemplate(rows: string[][]): Promise<Buffer> {
  const res = await office.get("/api/orgs/import-template");
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
  const ws = wb.getWorksheet("单位名单")!;
  rows.forEach((r, i) => {
    ws.getRow(i + 2).values = r;
  });
  return Buffer.from(await wb.xlsx.writeBuffer());
}

describe("the organisation tree", () => {
  it("nests paths from the root down, and subtreeOf finds an org and everything below it", async () => {
    const county = await create({ name: "甲县", code: "A000", kind: "other" });
    const town = await create({ name: "城关镇", code: "A100", kind: "township", parentId: county.id });
    const village = await create({ name: "东门村", kind: "village", parentId: town.id, supervisingLeader: "李副县长" });
    expect(county.path).toBe(`/${county.id}/`);
    expect(village.path).toBe(`/${county.id}/${town.id}/${village.id}/`);
    expect(village.riskClass).toBe("normal");
    expect(village.riskClassLabel).toBe("一般关注类");
    expect(town.riskClass).toBeNull();

    const items = await list();
    const ids = items.map((o) => o.id);
    expect(ids.indexOf(county.id)).toBeLessThan(ids.indexOf(town.id));
    expect(ids.indexOf(town.id)).toBeLessThan(ids.indexOf(village.id));
    expect(items.find((o) => o.id === town.id)!.can).toEqual({ update: true, delete: false, setRiskClass: false });
    expect(items.find((o) => o.id === village.id)!.can).toEqual({ update: true, delete: true, setRiskClass: true });

    const sub = await t.ctx.db.select({ id: orgs.id }).from(orgs).where(subtreeOf(town.path));
    expect(sub.map((o) => o.id).sort()).toEqual([town.id, village.id].sort());
  });

  it("refuses an unknown parent, a duplicate code, a duplicate sibling name and a class on a non-village", async () => {
    const root = await create({ name: "乙县", code: "B000", kind: "other" });
    const noParent = await office.post("/api/orgs", { name: "某局", kind: "agency", parentId: uuidv7() });
    expect(noParent.statusCode).toBe(422);
    expect(noParent.json().message).toBe("上级单位不存在或已删除");
    const dupCode = await office.post("/api/orgs", { name: "某局", code: "B000", kind: "agency", parentId: root.id });
    expect(dupCode.statusCode).toBe(409);
    expect(dupCode.json().message).toBe("单位代码“B000”已被“乙县”使用");
    await create({ name: "财政局", kind: "agency", parentId: root.id });
    const dupName = await office.post("/api/orgs", { name: "财政局", kind: "agency", parentId: root.id });
    expect(dupName.statusCode).toBe(409);
    const classed = await office.post("/api/orgs", { name: "教育局", kind: "agency", parentId: root.id, riskClass: "focus" });
    expect(classed.statusCode).toBe(422);
    expect(classed.json().message).toContain("只有村（社区）");
    const badKind = await office.post("/api/orgs", { name: "教育局", kind: "ministry" });
    expect(badKind.statusCode).toBe(400);
    expect(badKind.json().message).toContain("单位类型无效");
  });

  it("moving an org under a new parent rewrites the paths of its whole subtree", async () => {
    const root = await create({ name: "丙县", kind: "other" });
    const east = await create({ name: "东镇", kind: "township", parentId: root.id });
    const west = await create({ name: "西镇", kind: "township", parentId: root.id });
    const hamlet = await create({ name: "小河村", kind: "village", parentId: east.id });
    const group = await create({ name: "小河村第一党小组", kind: "other", parentId: hamlet.id });

    const moved = await office.patch(`/api/orgs/${hamlet.id}`, { parentId: west.id, version: hamlet.version });
    expect(moved.statusCode, moved.body).toBe(200);
    expect(moved.json().org.path).toBe(`${west.path}${hamlet.id}/`);
    const after = await list();
    expect(after.find((o) => o.id === group.id)!.path).toBe(`${west.path}${hamlet.id}/${group.id}/`);
    const eastSubtree = await t.ctx.db.select({ id: orgs.id }).from(orgs).where(subtreeOf(east.path));
    expect(eastSubtree.map((o) => o.id)).toEqual([east.id]);

    const current = after.find((o) => o.id === west.id)!;
    const underOwnChild = await office.patch(`/api/orgs/${west.id}`, { parentId: group.id, version: current.version });
    expect(underOwnChild.statusCode).toBe(422);
    expect(underOwnChild.json().message).toBe("不能把单位移到它自己或它的下级单位之下");
  });

  it("refuses a stale version with a request to refresh", async () => {
    const org = await create({ name: "丁局", kind: "agency" });
    const first = await office.patch(`/api/orgs/${org.id}`, { name: "丁局（新）", version: org.version });
    expect(first.statusCode).toBe(200);
    expect(first.json().org.version).toBe(org.version + 1);
    const second = await office.patch(`/api/orgs/${org.id}`, { partySecretary: "赵书记", version: org.version });
    expect(second.statusCode).toBe(409);
    expect(second.json()).toMatchObject({ code: "conflict", message: "该单位已被他人修改，请刷新后重试" });
  });

  it("deletes softly, but not an org with children or with an assignment", async () => {
    const root = await create({ name: "戊县", kind: "other" });
    const leaf = await create({ name: "戊县卫健局", kind: "agency", parentId: root.id });
    const inspected = await create({ name: "戊县水利局", kind: "agency", parentId: root.id });
    expect((await office.delete(`/api/orgs/${root.id}`)).json().message).toContain("下级单位");

    const termId = uuidv7();
    const roundId = uuidv7();
    const teamId = uuidv7();
    await t.ctx.db.insert(terms).values({ id: termId, name: "第十三届", startDate: "2021-09-01", endDate: "2026-08-31" });
    await t.ctx.db.insert(rounds).values({ id: roundId, termId, name: "第七轮", kind: "regular" });
    await t.ctx.db.insert(teams).values({ id: teamId, roundId, name: "第一巡察组" });
    await t.ctx.db.insert(assignments).values({ id: uuidv7(), roundId, teamId, orgId: inspected.id });
    expect((await list()).find((o) => o.id === inspected.id)!.can.delete).toBe(false);
    const refused = await office.delete(`/api/orgs/${inspected.id}`);
    expect(refused.statusCode).toBe(422);
    expect(refused.json().message).toContain("巡察任务");

    expect((await office.delete(`/api/orgs/${leaf.id}`)).statusCode).toBe(200);
    expect((await list()).some((o) => o.id === leaf.id)).toBe(false);
    expect((await office.get(`/api/orgs/${leaf.id}`)).statusCode).toBe(404);
    const [tomb] = await t.ctx.db.select().from(orgs).where(eq(orgs.id, leaf.id));
    expect(tomb!.deletedAt).not.toBeNull();
  });
});

describe("village risk class", () => {
  it("keeps a history of changes, newest first, and audits each change", async () => {
    const town = await create({ name: "己镇", kind: "township" });
    const village = await create({ name: "己村", kind: "village", parentId: town.id, riskClass: "watch" });
    const res = await office.post(`/api/orgs/${village.id}/risk-class`, {
      riskClass: "focus",
      effectiveFrom: "2099-01-01",
      reason: "信访举报集中，村“两委”班子不团结",
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().org).toMatchObject({ riskClass: "focus", riskClassLabel: "重点关注类", version: village.version + 1 });

    const detail = (await office.get(`/api/orgs/${village.id}`)).json();
    expect(detail.riskHistory.map((h: { riskClass: string }) => h.riskClass)).toEqual(["focus", "watch"]);
    expect(detail.riskHistory[0]).toMatchObject({
      label: "重点关注类",
      effectiveFrom: "2099-01-01",
      reason: "信访举报集中，村“两委”班子不团结",
    });

    const earlier = await office.post(`/api/orgs/${village.id}/risk-class`, {
      riskClass: "normal",
      effectiveFrom: "2098-12-31",
      reason: "复核",
    });
    expect(earlier.statusCode).toBe(422);
    expect(earlier.json().message).toContain("不能早于");
    const onTown = await office.post(`/api/orgs/${town.id}/risk-class`, {
      riskClass: "watch",
      effectiveFrom: "2099-02-01",
      reason: "x",
    });
    expect(onTown.statusCode).toBe(422);
    const badDate = await office.post(`/api/orgs/${village.id}/risk-class`, {
      riskClass: "watch",
      effectiveFrom: "2099-02-30",
      reason: "x",
    });
    expect(badDate.statusCode).toBe(400);

    const audited = await t.ctx.db
      .select()
      .from(auditEntries)
      .where(and(eq(auditEntries.action, "org.set_risk_class")));
    expect(audited.some((a) => a.recordIds.includes(village.id))).toBe(true);
  });

  it("does not change the class through an ordinary edit", async () => {
    const village = await create({ name: "庚村", kind: "village" });
    const res = await office.patch(`/api/orgs/${village.id}`, {
      riskClass: "focus",
      partySecretary: "钱书记",
      version: village.version,
    });
    expect(res.statusCode).toBe(200);
    expect(res.json().org).toMatchObject({ riskClass: "normal", partySecretary: "钱书记" });
  });
});

describe("who sees the registry", () => {
  it("shows a supervising leader only the subtree of the grant, read-only", async () => {
    const root = await create({ name: "辛县", kind: "other" });
    const mine = await create({ name: "辛县北镇", kind: "township", parentId: root.id });
    const myVillage = await create({ name: "北镇一村", kind: "village", parentId: mine.id });
    const other = await create({ name: "辛县南镇", kind: "township", parentId: root.id });
    await newUser(t.ctx, "leader1", [{ role: "supervising_leader", orgId: mine.id }], "周副县长");
    const leader = await login(t.app, "leader1");

    const items = await list(leader);
    expect(items.map((o) => o.id)).toEqual([mine.id, myVillage.id]);
    expect(items[1]!.can).toEqual({ update: false, delete: false, setRiskClass: false });
    expect((await leader.get(`/api/orgs/${myVillage.id}`)).statusCode).toBe(200);
    const outside = await leader.get(`/api/orgs/${other.id}`);
    expect(outside.statusCode).toBe(403);
    expect(outside.json().message).toBe("您无权查看该单位");
    const edit = await leader.patch(`/api/orgs/${myVillage.id}`, { name: "改名", version: myVillage.version });
    expect(edit.statusCode).toBe(403);
    expect((await leader.post("/api/orgs", { name: "新单位", kind: "agency" })).statusCode).toBe(403);
  });

  it("refuses an organisation contact and the three administrators", async () => {
    const org = await create({ name: "壬局", kind: "agency" });
    await newUser(t.ctx, "contact1", [{ role: "org_contact", orgId: org.id }]);
    await newUser(t.ctx, "secadmin", ["security_admin"]);
    await newUser(t.ctx, "auditadmin", ["audit_admin"]);
    await newUser(t.ctx, "adminoffice", ["system_admin", "office_staff"]);
    for (const username of ["contact1", "sysadmin", "secadmin", "auditadmin", "adminoffice"]) {
      const c = await login(t.app, username);
      const res = await c.get("/api/orgs");
      expect(res.statusCode, username).toBe(403);
      expect((await c.get(`/api/orgs/${org.id}`)).statusCode, username).toBe(403);
      expect((await c.post("/api/orgs", { name: "越权单位", kind: "agency" })).statusCode, username).toBe(403);
    }
    const wide = await newUser(t.ctx, "commission1", ["commission"]);
    const reader = await login(t.app, wide.username);
    const items = await list(reader);
    expect(items.length).toBe(await liveOrgCount());
    expect(items.every((o) => !o.can.update)).toBe(true);
  });
});

describe("Excel import", () => {
  it("serves a template with dropdowns, a help sheet and a Chinese file name", async () => {
    const res = await office.get("/api/orgs/import-template");
    expect(res.statusCode).toBe(200);
    expect(res.headers["content-type"]).toBe(XLSX);
    expect(res.headers["content-disposition"]).toContain(`filename*=UTF-8''${encodeURIComponent("被巡察单位导入模板.xlsx")}`);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    expect(wb.worksheets.map((w) => w.name)).toEqual(["单位名单", "填写说明"]);
    const ws = wb.getWorksheet("单位名单")!;
    expect((ws.getRow(1).values as unknown[]).slice(1)).toEqual([
      "单位名称",
      "单位代码",
      "单位类型",
      "上级单位（名称或代码）",
      "分管（联系）领导",
      "党组织书记",
      "村（社区）类别",
    ]);
    expect(ws.views[0]).toMatchObject({ state: "frozen", ySplit: 1 });
    expect(ws.getCell("C2").dataValidation).toMatchObject({ type: "list" });
    expect(String(ws.getCell("C2").dataValidation.formulae[0])).toContain("村（社区）");
    expect(String(ws.getCell("G9").dataValidation.formulae[0])).toContain("重点关注类");
    await newUser(t.ctx, "group1", ["leading_group"]);
    const reader = await login(t.app, "group1");
    expect((await reader.get("/api/orgs/import-template")).statusCode).toBe(403);
  });

  it("imports a filled template, parents before children, in one audit entry", async () => {
    const county = await create({ name: "癸县", code: "K000", kind: "other" });
    const before = await liveOrgCount();
    const file = await filledTemplate([
      ["癸县一村", "K101", "村（社区）", "K100", "吴副县长", "郑书记", "风险关注类"],
      ["癸县镇", "K100", "乡镇（街道）", "癸县", "吴副县长", "冯书记", ""],
      ["癸县二村", "", "村(社区)", "癸县镇", "", "", ""],
      ["癸县卫生院", "K200", "医院", "K000", "", "", ""],
    ]);
    const res = await upload(office, "单位.xlsx", file);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toEqual({ created: 4 });
    expect(await liveOrgCount()).toBe(before + 4);

    const items = await list();
    const by = (name: string) => items.find((o) => o.name === name)!;
    expect(by("癸县镇").parentId).toBe(county.id);
    expect(by("癸县一村")).toMatchObject({ parentId: by("癸县镇").id, riskClass: "watch", code: "K101" });
    expect(by("癸县二村")).toMatchObject({ path: `${by("癸县镇").path}${by("癸县二村").id}/`, riskClass: "normal" });
    expect(by("癸县卫生院").kind).toBe("hospital");
    const history = (await office.get(`/api/orgs/${by("癸县一村").id}`)).json().riskHistory;
    expect(history).toHaveLength(1);
    const imports = await t.ctx.db.select().from(auditEntries).where(eq(auditEntries.action, "org.import"));
    expect(imports).toHaveLength(1);
    expect(imports[0]!.changes).toMatchObject({ count: 4 });
  });

  it("lists every bad row, column and reason, and imports nothing", async () => {
    await create({ name: "重名单位", kind: "agency" });
    await create({ name: "重名单位", kind: "agency", parentId: (await create({ name: "子县", kind: "other" })).id });
    const before = await liveOrgCount();
    const file = await filledTemplate([
      ["好单位", "Z001", "机关事业单位", "", "", "", ""], // row 2: fine on its own
      ["", "Z002", "机关事业单位", "", "", "", ""], // row 3: no name
      ["某公司", "Z003", "公司", "", "", "", ""], // row 4: unknown kind
      ["某中学", "Z004", "学校", "", "", "", "一般关注类"], // row 5: class on a school
      ["某医院", "Z001", "医院", "不存在的单位", "", "", ""], // row 6: duplicate code, unknown parent
      ["某村", "Z006", "村（社区）", "重名单位", "", "", ""], // row 7: ambiguous parent
      ["好单位", "Z007", "机关事业单位", "", "", "", ""], // row 8: same name under the same (root) parent as row 2
      ["甲", "Z008", "其他", "乙", "", "", ""], // row 9: cycle with row 10
      ["乙", "Z009", "其他", "甲", "", "", ""], // row 10
    ]);
    const res = await upload(office, "bad.xlsx", file);
    expect(res.statusCode).toBe(422);
    const body = res.json();
    expect(body.code).toBe("import_rejected");
    const errors = body.details.errors as Array<{ row: number; column: string; message: string }>;
    expect(body.message).toBe(`导入文件有 ${errors.length} 处错误，未导入任何数据`);
    const at = (row: number, column: string) => errors.find((e) => e.row === row && e.column === column)?.message;
    expect(errors.some((e) => e.row === 2)).toBe(false);
    expect(at(3, "单位名称")).toBe("单位名称不能为空");
    expect(at(4, "单位类型")).toContain("单位类型“公司”无效");
    expect(at(5, "村（社区）类别")).toContain("只有“村（社区）”可以填写类别");
    expect(errors.find((e) => e.row === 6 && e.column === "单位代码")?.message).toBe("单位代码“Z001”与第 2 行重复");
    expect(at(6, "上级单位（名称或代码）")).toContain("找不到上级单位“不存在的单位”");
    expect(at(7, "上级单位（名称或代码）")).toContain("请改填上级单位的单位代码");
    expect(at(8, "单位名称")).toContain("同一上级单位下已有同名单位“好单位”（第 2 行）");
    expect(at(9, "上级单位（名称或代码）")).toContain("循环");
    expect(at(10, "上级单位（名称或代码）")).toContain("循环");
    expect(await liveOrgCount()).toBe(before);
  });

  it("refuses a class on a non-village row, and a file that is not xlsx", async () => {
    const file = await filledTemplate([["某中学二", "", "学校", "", "", "", "一般关注类"]]);
    const res = await upload(office, "classed.xlsx", file);
    expect(res.json().details.errors).toEqual([
      { row: 2, column: "村（社区）类别", message: "只有“村（社区）”可以填写类别，本行单位类型为“学校”" },
    ]);
    const csv = await upload(office, "orgs.csv", Buffer.from("单位名称,单位类型\n某局,机关事业单位\n"), "text/csv");
    expect(csv.statusCode).toBe(400);
    expect(csv.json()).toMatchObject({ code: "file_rejected", message: "请上传 .xlsx 格式的 Excel 文件" });
    const renamed = await upload(office, "fake.xlsx", Buffer.from("not a workbook"));
    expect(renamed.json().message).toBe("请上传 .xlsx 格式的 Excel 文件");
    const json = await office.post("/api/orgs/import", { rows: [] });
    expect(json.json().message).toBe("请上传 .xlsx 格式的 Excel 文件");
    const huge = await upload(office, "huge.xlsx", Buffer.alloc(6 * 1024 * 1024, 1));
    expect(huge.json()).toMatchObject({ code: "file_rejected", message: "文件不能超过 5 MB" });
  });
});
