/** Office settings live in one row (key "office"), always stored whole: defaults merged with the changes. */
import { DomainError } from "../../../domain/errors.ts";
import { SETTING_LABELS, settingsConflict, settingsSchema, type Settings } from "../../../domain/settings.ts";
import { diff } from "../../audit/append.ts";
import { runCommand } from "../../command.ts";
import type { AppContext } from "../../context.ts";
import { settings as settingsTable } from "../../db/schema.ts";
import type { ActorOrigin } from "../users/commands.ts";
import { assertManageSettings } from "./policy.ts";

export const SETTINGS_KEY = "office";

export async function updateSettings(ctx: AppContext, origin: ActorOrigin, patch: Partial<Settings>): Promise<Settings> {
  assertManageSettings(origin.actor);
  const before = await ctx.settings();
  const next = settingsSchema.parse({ ...before, ...patch });
  const clash = settingsConflict(next);
  if (clash)
    throw new DomainError("validation_failed", `${SETTING_LABELS[clash[0]]}：${clash[1]}`, [
      { field: clash[0], message: clash[1] },
    ]);
  await runCommand(ctx, origin, async (s) => {
    await s.tx
      .insert(settingsTable)
      .values({ key: SETTINGS_KEY, value: next, updatedAt: s.now, updatedBy: origin.actor.userId })
      .onConflictDoUpdate({ target: settingsTable.key, set: { value: next, updatedAt: s.now, updatedBy: origin.actor.userId } });
    await s.audit({ action: "settings.update", recordType: "settings", recordIds: [], changes: diff(before, next) });
  });
  ctx.invalidate();
  return ctx.settings();
}
