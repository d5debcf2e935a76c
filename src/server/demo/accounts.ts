/**
 * The demo's own accounts. The system administrator's password may be unknown (it is shown once at first
 * start), so the accounts are made through the account command itself, with the administrator as actor;
 * each user then replaces the one-time password through the change-password command, as at a first login.
 * Business roles are granted afterwards by the demo's security administrator, through the grants API.
 */
import { and, eq, isNull, like } from "drizzle-orm";
import type { GrantableRole } from "../../domain/roles.ts";
import type { AppContext } from "../context.ts";
import { roleGrants, users } from "../db/schema.ts";
import { changePassword } from "../features/auth/commands.ts";
import { loadActor } from "../features/auth/session.ts";
import { createUser } from "../features/users/commands.ts";
import type { DemoClient } from "./client.ts";

export const DEMO_PASSWORD = "Demo#2024xc";

export type DemoUsername =
  | "demo_office"
  | "demo_office2"
  | "demo_head"
  | "demo_team_leader"
  | "demo_team_member"
  | "demo_miluo"
  | "demo_jiguan"
  | "demo_hengyang"
  | "demo_leader"
  | "demo_commission"
  | "demo_secadmin"
  | "demo_auditor";

export interface DemoAccount {
  username: DemoUsername;
  displayName: string;
  adminRole?: "security_admin" | "audit_admin";
  /** Business roles; an org-scoped role names its organisation. */
  grants: Array<{ role: GrantableRole; org?: string }>;
  /** What the account shows in the demo, for the summary. */
  can: string;
}

export const DEMO_ACCOUNTS: DemoAccount[] = [
  {
    username: "demo_office",
    displayName: "巡察办工作人员甲",
    grants: [{ role: "office_staff" }],
    can: "巡察办工作人员：维护和导入被巡察单位，设置巡察全覆盖范围和年度计划，维护轮次、巡察组和巡察任务，登记反馈意见，审核整改方案，制发函件，登记点人点事、问责，部署同类同改，确定整改评估等次，抽取回头看样本，人才库入库，登记巡察培训",
  },
  {
    username: "demo_office2",
    displayName: "巡察办工作人员乙",
    grants: [{ role: "office_staff" }],
    can: "巡察办工作人员：审核佐证材料并销号（本演示中的全部销号由此账号办理），登记回头看核查结果",
  },
  {
    username: "demo_head",
    displayName: "巡察办主任",
    grants: [{ role: "office_head" }],
    can: "巡察办主任：巡察办的全部权限，查看全部台账和统计、巡察全覆盖情况和全部问题线索，填写问题线索移交前审核意见",
  },
  {
    username: "demo_team_leader",
    displayName: "巡察组组长",
    grants: [],
    can: "岳阳市委提级巡察组、市委第一巡察组、市委第五巡察组、XX县委第一巡察组组长：查看本组巡察任务、登记问题、查看本组台账；十一届汨罗市委第五、六、七轮及政法领域专项巡察各组组长：登记、修改、移交问题线索（本演示中的全部问题线索由此账号登记）",
  },
  {
    username: "demo_team_member",
    displayName: "巡察组成员",
    grants: [],
    can: "上述各巡察组成员：登记问题（本演示中的全部问题由此账号登记）；看不到问题线索",
  },
  {
    username: "demo_miluo",
    displayName: "汨罗市委巡察机构联络人",
    grants: [{ role: "org_contact", org: "汨罗市委巡察机构" }],
    can: "被巡察单位联络人：只看本单位台账，编制、报送整改方案，填报整改措施、进展，上传佐证材料，申请销号，查看和填写本单位的整改进展公告，登记集中整改期情况和制度建设成果",
  },
  {
    username: "demo_jiguan",
    displayName: "市委市级机关工委联络人",
    grants: [{ role: "org_contact", org: "市委市级机关工委" }],
    can: "被巡察单位联络人：只看市委市级机关工委的台账，编制整改方案（第1版被退回后修改重报），填报、上传佐证、申请销号，回复督办函",
  },
  {
    username: "demo_hengyang",
    displayName: "衡阳县委巡察机构联络人",
    grants: [{ role: "org_contact", org: "衡阳县委巡察机构" }],
    can: "被巡察单位联络人：只看衡阳县委巡察机构的台账，编制整改方案，填报、上传佐证、申请销号，填写整改进展公告的下一步工作和联系方式，报告县委书记点人点事办理情况",
  },
  {
    username: "demo_leader",
    displayName: "汨罗市分管领导",
    grants: [{ role: "supervising_leader", org: "汨罗市" }],
    can: "分管（联系）领导：查看汨罗市及其下属单位的整改台账和统计，回复工作提示函",
  },
  {
    username: "demo_commission",
    displayName: "纪委监委工作人员",
    grants: [{ role: "commission" }],
    can: "纪委监委：查看全部整改台账和统计，对报送的整改方案提出意见，登记问题线索的初步核实、立案、不予立案和予以了结",
  },
  {
    username: "demo_secadmin",
    displayName: "安全保密管理员",
    adminRole: "security_admin",
    grants: [],
    can: "安全保密管理员：授予、撤销角色（看不到业务数据）",
  },
  {
    username: "demo_auditor",
    displayName: "安全审计员",
    adminRole: "audit_admin",
    grants: [],
    can: "安全审计员：查看、导出审计日志，校验日志链（看不到业务数据）",
  },
];

export async function demoAlreadyLoaded(ctx: AppContext): Promise<boolean> {
  const [u] = await ctx.db.select({ id: users.id }).from(users).where(like(users.username, "demo\\_%")).limit(1);
  return Boolean(u);
}

/** Creates every demo account with the demo password, via the system administrator's account command. */
export async function createAccounts(ctx: AppContext): Promise<void> {
  const [adminGrant] = await ctx.db
    .select({ userId: roleGrants.userId })
    .from(roleGrants)
    .where(and(eq(roleGrants.role, "system_admin"), isNull(roleGrants.deletedAt)))
    .limit(1);
  const admin = adminGrant ? await loadActor(ctx, adminGrant.userId) : null;
  if (!admin) throw new Error("演示数据加载失败：找不到系统管理员账号");
  // Password hashing dominates and runs off the main thread: the accounts are made side by side.
  await Promise.all(
    DEMO_ACCOUNTS.map(async (a) => {
      const { id, oneTimePassword } = await createUser(
        ctx,
        { actor: admin, clientIp: null },
        { username: a.username, displayName: a.displayName, adminRole: a.adminRole ?? null },
      );
      const self = await loadActor(ctx, id);
      if (!self) throw new Error(`演示数据加载失败：账号 ${a.username} 未能创建`);
      await changePassword(ctx, { actor: self, clientIp: null }, oneTimePassword, DEMO_PASSWORD);
    }),
  );
}

/** Grants the business roles that name no organisation (the office must exist before it can add any). */
export async function grantOfficeRoles(secadmin: DemoClient): Promise<void> {
  await grant(secadmin, (g) => !g.org);
}

/** Grants the roles scoped to an organisation, once the office has registered the organisations. */
export async function grantScopedRoles(secadmin: DemoClient): Promise<void> {
  await grant(secadmin, (g) => Boolean(g.org));
}

async function grant(secadmin: DemoClient, which: (g: DemoAccount["grants"][number]) => boolean): Promise<void> {
  const { items: people } = await secadmin.get<{ items: Array<{ id: string; username: string }> }>("/api/grants/users");
  const { items: orgs } = await secadmin.get<{ items: Array<{ id: string; name: string }> }>("/api/grants/orgs");
  for (const a of DEMO_ACCOUNTS) {
    const userId = people.find((p) => p.username === a.username)?.id;
    if (!userId) throw new Error(`演示数据加载失败：授权时找不到账号 ${a.username}`);
    for (const g of a.grants.filter(which)) {
      const orgId = g.org ? orgs.find((o) => o.name === g.org)?.id : null;
      if (orgId === undefined) throw new Error(`演示数据加载失败：授权时找不到单位 ${g.org}`);
      await secadmin.post("/api/grants", { userId, role: g.role, orgId });
    }
  }
}
