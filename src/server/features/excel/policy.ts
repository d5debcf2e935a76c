/**
 * Who may export and import. Exports: whoever may read the rows (the ledger's own visibility rule filters them);
 * a table export carries only what the screen already showed. Imports: the office, which keeps the ledgers of
 * the organisations it inspected; an import touches open rows only, as filling a row does — closing out is the
 * close-out review's, never an import's.
 */
import { forbidden } from "../../../domain/errors.ts";
import { isOffice, type Actor } from "../../../domain/roles.ts";

export const mayImport = (a: Actor): boolean => isOffice(a);

export function assertMayImport(a: Actor): void {
  if (!mayImport(a)) throw forbidden("只有巡察办工作人员可以导入整改台账");
}

/** An import job is its uploader's: others do not see it. */
export const ownsJob = (a: Actor, job: { createdBy: string | null }): boolean => mayImport(a) && job.createdBy === a.userId;
