/** Placeholder: filled in by its feature's work. */
export default function DashboardPage() {
  return null;
}
