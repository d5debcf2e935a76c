import { and, eq, isNull } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ensureTaxonomy } from "../../src/server/bootstrap.ts";
import { auditEntries, findingCategories } from "../../src/server/db/schema.ts";
import { createTestApp, login, newUser, type Client, type TestApp } from "../support/app.ts";
import { newAssignment, newOrg, newRound, newTeam } from "../support/factories.ts";

interface Node {
  code: string | null;
  name: string;
  active: boolean;
  inUse?: number;
  children?: Node[];
}
interface Tree {
  revision: string;
  categories: Array<Node & { children: Node[] }>;
  can: { update: boolean };
}

let t: TestApp;
let office: Client;
let member: Client;
let asg: string;

const finding = (category: string, subcategory: string | null, text = "问题") => ({
  text,
  category,
  subcategory,
  isCommon: false,
  isCoreMandate: false,
  involvesTopLeader: false,
});

/** The tree as the editor sends it back (without the read-only counts). */
const body = (tree: Tree) => ({
  revision: tree.revision,
  categories: tree.categories.map((c) => ({
    code: c.code,
    name: c.name,
    active: c.active,
    children: c.children.map((s) => ({ code: s.code, name: s.name, active: s.active })),
  })),
});

async function tree(c: Client = office): Promise<Tree> {
  const res = await c.get("/api/finding-categories");
  expect(res.statusCode).toBe(200);
  return res.json();
}

beforeAll(async () => {
  t = await createTestApp();
  await ensureTaxonomy(t.ctx);
  await newUser(t.ctx, "office1", ["office_staff"]);
  const m = await newUser(t.ctx, "chengyuan", []);
  await newUser(t.ctx, "sysadm2", ["system_admin"]);
  const org = await newOrg(t.ctx, "县教育局");
  const round = await newRound(t.ctx);
  const team = await newTeam(t.ctx, round.id, [{ userId: m.id, position: "member" }]);
  asg = (await newAssignment(t.ctx, { roundId: round.id, teamId: team.id, orgId: org.id, withdrawalDate: "2099-12-31" })).id;
  office = await login(t.app, "office1");
  member = await login(t.app, "chengyuan");
});
afterAll(() => t.close());

describe("the default taxonomy", () => {
  it("is seeded once at first start, with the second levels", async () => {
    const count = async () => (await t.ctx.db.select().from(findingCategories).where(isNull(findingCategories.deletedAt))).length;
    const before = await count();
    await ensureTaxonomy(t.ctx);
    expect(await count()).toBe(before);
    const got = await tree(member);
    expect(got.can).toEqual({ update: false });
    expect(got.categories.map((c) => c.name)).toEqual([
      "党的领导",
      "全面从严治党",
      "党的建设",
      "主责主业",
      "巡视巡察、审计等整改",
    ]);
    expect(got.categories[1]!.children.map((s) => s.name)).toEqual([
      "主体责任",
      "监督责任",
      "中央八项规定精神",
      "四风",
      "廉洁",
      "群众身边腐败",
    ]);
    expect(before).toBe(got.categories.length + got.categories.reduce((n, c) => n + c.children.length, 0));
  });

  it("is not shown to the administrators", async () => {
    const admin = await login(t.app, "sysadm2");
    expect((await admin.get("/api/finding-categories")).statusCode).toBe(403);
  });
});

describe("findings classified by it", () => {
  it("accept a subcategory of their category only", async () => {
    const ok = await member.post(
      `/api/assignments/${asg}/findings`,
      finding("strict_governance", "strict_governance.eight_rules", "违规发放津贴补贴"),
    );
    expect(ok.statusCode).toBe(200);
    expect(ok.json().finding).toMatchObject({ categoryLabel: "全面从严治党", subcategoryLabel: "中央八项规定精神" });

    const wrong = await member.post(
      `/api/assignments/${asg}/findings`,
      finding("party_building", "strict_governance.eight_rules"),
    );
    expect(wrong.statusCode).toBe(422);
    expect(wrong.json().message).toBe("细分类别“中央八项规定精神”不属于问题类别“党的建设”");
    const unknown = await member.post(`/api/assignments/${asg}/findings`, finding("party_building", "party_building.nope"));
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().message).toBe("细分类别无效");

    // Changing the category alone leaves the old subcategory under the wrong one.
    const f = ok.json().finding;
    const moved = await member.patch(`/api/findings/${f.id}`, { category: "party_building", version: f.version });
    expect(moved.statusCode).toBe(422);
    const both = await member.patch(`/api/findings/${f.id}`, {
      category: "party_building",
      subcategory: null,
      version: f.version,
    });
    expect(both.statusCode).toBe(200);
    expect(both.json().finding).toMatchObject({ categoryLabel: "党的建设", subcategory: null, subcategoryLabel: null });
  });
});

describe("the office's edits", () => {
  it("rename, reorder, deactivate and add, keeping the codes", async () => {
    const current = await tree();
    expect(current.can).toEqual({ update: true });
    const next = body(current);
    next.categories.reverse();
    const strict = next.categories.find((c) => c.code === "strict_governance")!;
    strict.children.find((s) => s.code === "strict_governance.four_styles")!.name = "“四风”问题";
    strict.children.find((s) => s.code === "strict_governance.integrity")!.active = false;
    next.categories.push({
      code: null,
      name: "意识形态",
      active: true,
      children: [{ code: null, name: "网络意识形态", active: true }],
    });
    const res = await office.put("/api/finding-categories", next);
    expect(res.statusCode).toBe(200);
    const saved = res.json() as Tree;
    expect(saved.categories[0]!.code).toBe("prior_rectification");
    expect(saved.categories.at(-1)).toMatchObject({
      code: "category_1",
      name: "意识形态",
      children: [{ code: "category_1.1", name: "网络意识形态", active: true }],
    });
    const savedStrict = saved.categories.find((c) => c.code === "strict_governance")!;
    expect(savedStrict.children.find((s) => s.code === "strict_governance.four_styles")!.name).toBe("“四风”问题");
    expect(savedStrict.children.find((s) => s.code === "strict_governance.integrity")!.active).toBe(false);
    const [entry] = await t.ctx.db
      .select({ changes: auditEntries.changes })
      .from(auditEntries)
      .where(and(eq(auditEntries.action, "taxonomy.update"), eq(auditEntries.recordType, "finding_category")))
      .orderBy(auditEntries.seq)
      .offset(1);
    expect(entry?.changes).toMatchObject({
      added: ["意识形态", "网络意识形态"],
      renamed: [["四风", "“四风”问题"]],
      deactivated: ["廉洁"],
    });

    // The new category is usable at once; the renamed one shows its new name; a deactivated one cannot be chosen.
    const created = await member.post(
      `/api/assignments/${asg}/findings`,
      finding("category_1", "category_1.1", "网络阵地管理缺位"),
    );
    expect(created.statusCode).toBe(200);
    expect(created.json().finding).toMatchObject({ categoryLabel: "意识形态", subcategoryLabel: "网络意识形态" });
    const styles = await member.post(
      `/api/assignments/${asg}/findings`,
      finding("strict_governance", "strict_governance.four_styles", "公款吃喝"),
    );
    expect(styles.json().finding.subcategoryLabel).toBe("“四风”问题");
    const inactive = await member.post(
      `/api/assignments/${asg}/findings`,
      finding("strict_governance", "strict_governance.integrity"),
    );
    expect(inactive.statusCode).toBe(422);
    expect(inactive.json().message).toBe("细分类别“廉洁”已停用");
  });

  it("keep a category in use and let an unused one be deleted", async () => {
    const current = await tree();
    const four = current.categories.find((c) => c.code === "strict_governance")!.children.find((s) => s.name === "“四风”问题")!;
    expect(four.inUse).toBe(1);
    const next = body(current);
    const strict = next.categories.find((c) => c.code === "strict_governance")!;
    strict.children = strict.children.filter(
      (s) => s.code !== "strict_governance.four_styles" && s.code !== "strict_governance.main_responsibility",
    );
    const refused = await office.put("/api/finding-categories", next);
    expect(refused.statusCode).toBe(422);
    expect(refused.json().message).toBe("““四风”问题”已被问题使用，不能删除，只能停用");

    strict.children.push({ code: "strict_governance.four_styles", name: "“四风”问题", active: false });
    const ok = await office.put("/api/finding-categories", next);
    expect(ok.statusCode).toBe(200);
    const codes = (ok.json() as Tree).categories.flatMap((c) => c.children.map((s) => s.code));
    expect(codes).not.toContain("strict_governance.main_responsibility");
    expect(codes).toContain("strict_governance.four_styles");
  });

  it("refuse a stale tree, a moved subcategory, bad input and anyone but the office", async () => {
    const current = await tree();
    const stale = await office.put("/api/finding-categories", { ...body(current), revision: "old" });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().message).toBe("问题分类已被他人修改，请刷新后重试");

    const next = body(current);
    const moved = next.categories.find((c) => c.code === "party_building")!.children.shift()!;
    next.categories.find((c) => c.code === "core_mandate")!.children.push(moved);
    const move = await office.put("/api/finding-categories", next);
    expect(move.statusCode).toBe(422);
    expect(move.json().message).toBe(`细分类别“${moved.name}”不能移到其他问题类别下`);

    const empty = await office.put("/api/finding-categories", { revision: current.revision, categories: [] });
    expect(empty.statusCode).toBe(400);
    expect(empty.json().message).toContain("至少保留一个问题类别");
    const blank = body(current);
    blank.categories[0]!.name = "  ";
    expect((await office.put("/api/finding-categories", blank)).json().message).toContain("请填写分类名称");

    const byMember = await member.put("/api/finding-categories", body(current));
    expect(byMember.statusCode).toBe(403);
    expect(byMember.json().message).toBe("只有巡察办可以修改问题分类");
    const unchanged = await office.put("/api/finding-categories", body(current));
    expect(unchanged.statusCode).toBe(422);
    expect(unchanged.json().message).toBe("没有需要保存的修改");
  });
});
