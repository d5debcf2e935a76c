/** One place that opens the dialog for a step on a lead (edit, review, transfer, handle), for the list and the drawer. */
import type { Lead } from "./types.ts";
import { LeadFormModal } from "./LeadFormModal.tsx";
import { LeadHandleModal, LeadReviewModal, LeadTransferModal } from "./LeadStepModals.tsx";

export type LeadStep = "update" | "review" | "transfer" | "handle";
export interface LeadStepTarget {
  step: LeadStep;
  lead: Lead;
}

export function LeadStepDialogs({
  target,
  onClose,
  onSaved,
}: {
  target: LeadStepTarget | null;
  onClose: () => void;
  onSaved: (lead: Lead) => void;
}) {
  const of = (step: LeadStep) => (target?.step === step ? target.lead : null);
  return (
    <>
      <LeadFormModal
        open={target?.step === "update"}
        lead={of("update")}
        assignments={[]}
        assignmentId={null}
        onClose={onClose}
        onSaved={onSaved}
      />
      <LeadReviewModal lead={of("review")} onClose={onClose} onSaved={onSaved} />
      <LeadTransferModal lead={of("transfer")} onClose={onClose} onSaved={onSaved} />
      <LeadHandleModal lead={of("handle")} onClose={onClose} onSaved={onSaved} />
    </>
  );
}

/** The buttons for the steps the user may take, in the order they happen. */
export const STEP_LABELS: Record<LeadStep, string> = {
  update: "修改",
  review: "审核意见",
  transfer: "移交",
  handle: "登记处置",
};
export const stepsOf = (l: Lead): LeadStep[] => (["update", "review", "transfer", "handle"] as const).filter((s) => l.can[s]);
