/**
 * 办组会商 on its own, for the office staff and team members who read (or, for the office, record) consultations but
 * may not see leads: the decisions on leads are left out for them by the server.
 */
import { ConsultationsPanel } from "./ConsultationsPanel.tsx";

export default function ConsultationsPage() {
  return <ConsultationsPanel />;
}
