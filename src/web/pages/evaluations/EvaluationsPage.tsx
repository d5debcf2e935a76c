/**
 * 评估与回头看: after the rectification period the office grades each organisation (好 / 中 / 差) from metrics computed
 * from the ledger, and revisits a reproducible sample of at least one third of the organisations and their problems.
 */
import { Card, Select, Tabs } from "antd";
import { useSearchParams } from "react-router-dom";
import { useGet } from "../../components/useGet.ts";
import { useMe } from "../../session.tsx";
import { GradesTab } from "./GradesTab.tsx";
import { RevisitsTab } from "./RevisitsTab.tsx";

export default function EvaluationsPage() {
  const me = useMe();
  const [params, setParams] = useSearchParams();
  const tab = params.get("tab") === "revisits" ? "revisits" : "grades";
  const roundId = params.get("roundId") || undefined;
  const rounds = useGet<{ items: Array<{ id: string; name: string }> }>(me.can.viewRounds ? "/api/rounds" : null);
  const set = (next: { tab?: string; roundId?: string | undefined }) => {
    const merged = { tab, roundId, ...next };
    const q: Record<string, string> = {};
    if (merged.tab === "revisits") q.tab = "revisits";
    if (merged.roundId) q.roundId = merged.roundId;
    setParams(q, { replace: true });
  };

  return (
    <Card
      title="评估与回头看"
      extra={
        <Select
          allowClear={tab === "grades"}
          placeholder={tab === "grades" ? "全部轮次" : "选择巡察轮次"}
          style={{ width: 240 }}
          loading={rounds.loading}
          value={roundId}
          options={(rounds.data?.items ?? []).map((r) => ({ value: r.id, label: r.name }))}
          onChange={(v?: string) => set({ roundId: v })}
        />
      }
    >
      <Tabs
        activeKey={tab}
        onChange={(k) => set({ tab: k })}
        items={[
          { key: "grades", label: "整改评估", children: <GradesTab roundId={roundId} /> },
          { key: "revisits", label: "回头看", children: <RevisitsTab roundId={roundId} office={me.can.manageRounds} /> },
        ]}
      />
    </Card>
  );
}
