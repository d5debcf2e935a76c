/** Importing organisations from the spreadsheet: all rows or none, in one command with one audit entry. */
import { isNull } from "drizzle-orm";
import { DomainError, forbidden } from "../../../domain/errors.ts";
import { uuidv7 } from "../../../domain/ids.ts";
import { created, runCommand, type Origin } from "../../command.ts";
import { todayIn, type AppContext } from "../../context.ts";
import { orgRiskHistory, orgs } from "../../db/schema.ts";
import { assertManager, guardUnique } from "./commands.ts";
import { readOrgSheet } from "./excel.ts";
import { planImport } from "./import-plan.ts";
import { canManageOrgs, REFUSE_MANAGE } from "./policy.ts";

const BATCH = 500;

function chunks<T>(items: T[]): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += BATCH) out.push(items.slice(i, i + BATCH));
  return out;
}

export async function importOrgs(ctx: AppContext, origin: Origin, file: Buffer): Promise<{ created: number }> {
  // Refuse before reading someone else's spreadsheet.
  if (!origin.actor || !canManageOrgs(origin.actor)) throw forbidden(REFUSE_MANAGE);
  const rows = await readOrgSheet(file);
  return guardUnique(
    runCommand(ctx, origin, async (s) => {
      assertManager(s);
      // Checked against the registry inside the transaction that writes, so the check still holds at the write.
      const existing = await s.tx
        .select({ id: orgs.id, name: orgs.name, code: orgs.code, parentId: orgs.parentId, path: orgs.path })
        .from(orgs)
        .where(isNull(orgs.deletedAt));
      const plan = planImport(rows, existing, () => uuidv7());
      if (!plan.ok) {
        throw new DomainError("import_rejected", `导入文件有 ${plan.errors.length} 处错误，未导入任何数据`, {
          errors: plan.errors,
        });
      }
      const stamp = created(s);
      for (const batch of chunks(plan.orgs)) {
        await s.tx.insert(orgs).values(batch.map(({ row: _row, ...o }) => ({ ...o, ...stamp })));
      }
      const today = todayIn(ctx);
      const villages = plan.orgs.filter((o) => o.riskClass);
      for (const batch of chunks(villages)) {
        await s.tx.insert(orgRiskHistory).values(
          batch.map((o) => ({
            id: uuidv7(),
            ...stamp,
            orgId: o.id,
            riskClass: o.riskClass!,
            effectiveFrom: today,
            reason: "批量导入",
          })),
        );
      }
      const ids = plan.orgs.map((o) => o.id);
      await s.audit({ action: "org.import", recordType: "org", recordIds: ids, changes: { count: ids.length, ids } });
      return { created: ids.length };
    }),
  );
}
