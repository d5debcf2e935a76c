/**
 * 办组会商 of one assignment: the office records them; the office and the team read them. Decisions on leads come
 * only to those who may see the leads (the server leaves them out for everyone else).
 */
import { PlusOutlined } from "@ant-design/icons";
import { Button, Card, Empty, List, Select, Space, Tag, Typography } from "antd";
import { useState } from "react";
import { withQuery } from "../../api.ts";
import { fmtDate } from "../../components/format.ts";
import { useGet } from "../../components/useGet.ts";
import { ConsultationFormModal } from "./ConsultationFormModal.tsx";
import type { AssignmentOption, Consultation, RoundOption } from "./types.ts";

export function ConsultationsPanel() {
  const [roundId, setRoundId] = useState<string | null>(null);
  const [chosen, setChosen] = useState<string | null>(null);
  const [adding, setAdding] = useState(false);
  const rounds = useGet<{ items: RoundOption[] }>("/api/rounds");
  const assignments = useGet<{ items: AssignmentOption[] }>(withQuery("/api/assignments", { roundId }));
  const list = assignments.data?.items ?? [];
  const assignmentId = chosen && list.some((a) => a.id === chosen) ? chosen : (list[0]?.id ?? null);
  const data = useGet<{ items: Consultation[]; can: { create: boolean; decideOnLeads: boolean } }>(
    assignmentId ? `/api/assignments/${assignmentId}/consultations` : null,
  );

  return (
    <Card
      size="small"
      title={
        <Space wrap>
          <Select
            allowClear
            placeholder="全部轮次"
            style={{ width: 200 }}
            value={roundId}
            onChange={(v) => setRoundId(v ?? null)}
            options={(rounds.data?.items ?? []).map((r) => ({ value: r.id, label: r.name }))}
          />
          <Select
            placeholder="选择巡察任务"
            aria-label="巡察任务"
            style={{ width: 360 }}
            value={assignmentId}
            onChange={(v) => setChosen(v)}
            loading={assignments.loading}
            options={list.map((a) => ({ value: a.id, label: `${a.roundName} · ${a.teamName} · ${a.orgName}` }))}
          />
        </Space>
      }
      extra={
        data.data?.can.create && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setAdding(true)}>
            登记会商
          </Button>
        )
      }
    >
      {!assignmentId ? (
        <Empty description="暂无可查看的巡察任务" />
      ) : (
        <List<Consultation>
          loading={data.loading}
          dataSource={data.data?.items ?? []}
          locale={{ emptyText: "该巡察任务暂无办组会商记录" }}
          renderItem={(c) => (
            <List.Item key={c.id}>
              <Space direction="vertical" style={{ width: "100%" }}>
                <Space wrap>
                  <Typography.Text strong>{fmtDate(c.heldOn)} 办组会商</Typography.Text>
                  {c.attendees && <Typography.Text type="secondary">参会：{c.attendees}</Typography.Text>}
                </Space>
                <Typography.Paragraph style={{ whiteSpace: "pre-wrap", marginBottom: 4 }}>{c.summary}</Typography.Paragraph>
                {c.decisions.map((d) => (
                  <Space key={d.id} align="start">
                    {d.leadId ? <Tag color="red">线索</Tag> : <Tag color="blue">问题</Tag>}
                    <Typography.Text type="secondary">{d.leadId ? d.leadSummary : d.findingText}</Typography.Text>
                    <Typography.Text>→ {d.decision}</Typography.Text>
                  </Space>
                ))}
              </Space>
            </List.Item>
          )}
        />
      )}
      {assignmentId && (
        <ConsultationFormModal
          assignmentId={assignmentId}
          withLeads={data.data?.can.decideOnLeads ?? false}
          open={adding}
          onClose={() => setAdding(false)}
          onSaved={() => {
            setAdding(false);
            data.reload();
          }}
        />
      )}
    </Card>
  );
}
