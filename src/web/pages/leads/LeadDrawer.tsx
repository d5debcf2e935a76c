/** A lead in detail: class, content, responsible person or unit, the people involved, and its timeline to handling. */
import { Button, Descriptions, Drawer, Result, Space, Spin, Table, Tag, Timeline, Typography } from "antd";
import { useState, type ReactNode } from "react";
import { fmtDate, fmtDateTime } from "../../components/format.ts";
import { useGet } from "../../components/useGet.ts";
import { LeadStepDialogs, STEP_LABELS, stepsOf, type LeadStepTarget } from "./LeadStepDialogs.tsx";
import { CLASS_COLORS, STATUS_COLORS, type Lead, type LeadPerson } from "./types.ts";

export function DueTag({ lead }: { lead: Pick<Lead, "dueOn" | "overdue" | "handledLate" | "handledOn"> }) {
  if (!lead.dueOn) return <Typography.Text type="secondary">未移交</Typography.Text>;
  return (
    <Space size={4} style={{ whiteSpace: "nowrap" }}>
      {fmtDate(lead.dueOn)}
      {lead.overdue && <Tag color="red">逾期</Tag>}
      {lead.handledLate && <Tag color="orange">逾期办结</Tag>}
    </Space>
  );
}

function timeline(l: Lead) {
  const items: Array<{ color: string; children: ReactNode }> = [
    { color: "gray", children: `${fmtDateTime(l.createdAt)} 登记线索` },
  ];
  if (l.preReview) items.push({ color: "blue", children: `移交前审核意见：${l.preReview}` });
  if (l.transferredOn)
    items.push({
      color: "blue",
      children: `${fmtDate(l.transferredOn)} 移交${l.receivingOffice ?? ""}（${l.duringInspection ? "边巡边移" : "撤点后移交"}）`,
    });
  else items.push({ color: "gray", children: "尚未移交" });
  if (l.preliminaryOn) items.push({ color: "blue", children: `${fmtDate(l.preliminaryOn)} 初步核实` });
  if (l.status === "case_filed") items.push({ color: "red", children: `${fmtDate(l.filedOn)} 立案` });
  if (l.status === "no_case") items.push({ color: "green", children: `${fmtDate(l.concludedOn)} 不予立案` });
  if (l.status === "concluded")
    items.push({ color: "green", children: `${fmtDate(l.concludedOn)} 予以了结（${l.concludedFormLabel ?? "—"}）` });
  if (l.transferredOn && !l.handledOn)
    items.push({
      color: l.overdue ? "red" : "gray",
      children: l.overdue ? `应于 ${fmtDate(l.dueOn)} 前处置，已逾期` : `应于 ${fmtDate(l.dueOn)} 前处置`,
    });
  return items;
}

export function LeadDrawer({
  leadId,
  onClose,
  onChanged,
}: {
  leadId: string | null;
  onClose: () => void;
  onChanged: () => void;
}) {
  const { data, failed, reload } = useGet<{ lead: Lead }>(leadId ? `/api/leads/${leadId}` : null, { quietWhenEmpty: true });
  const [target, setTarget] = useState<LeadStepTarget | null>(null);
  const l = data && data.lead.id === leadId ? data.lead : undefined;

  let body;
  if (!l) {
    body = failed ? (
      <Result status="warning" title="无法查看该问题线索" subTitle="该线索不存在，或您无权查看。" />
    ) : (
      <Spin style={{ display: "block", margin: "80px auto" }} />
    );
  } else {
    body = (
      <>
        <Descriptions column={2} size="small" bordered>
          <Descriptions.Item label="线索类别">
            <Tag color={CLASS_COLORS[l.leadClass]}>{l.leadClassLabel}</Tag>
          </Descriptions.Item>
          <Descriptions.Item label="处置状态">
            <Tag color={STATUS_COLORS[l.status]}>{l.statusLabel}</Tag>
          </Descriptions.Item>
          <Descriptions.Item label="被巡察单位">{l.orgName}</Descriptions.Item>
          <Descriptions.Item label="巡察组">
            {l.roundName} · {l.teamName}
          </Descriptions.Item>
          <Descriptions.Item label="线索内容" span={2}>
            <Typography.Paragraph style={{ whiteSpace: "pre-wrap", marginBottom: 0 }}>{l.summary}</Typography.Paragraph>
          </Descriptions.Item>
          <Descriptions.Item label="责任人">{l.responsiblePerson ?? "—"}</Descriptions.Item>
          <Descriptions.Item label="责任单位">{l.responsibleUnit ?? "—"}</Descriptions.Item>
          <Descriptions.Item label="处置时限" span={2}>
            <DueTag lead={l} />
          </Descriptions.Item>
          {l.handlingNote && (
            <Descriptions.Item label="处置说明" span={2}>
              <Typography.Paragraph style={{ whiteSpace: "pre-wrap", marginBottom: 0 }}>{l.handlingNote}</Typography.Paragraph>
            </Descriptions.Item>
          )}
        </Descriptions>
        <Typography.Title level={5} style={{ marginTop: 20 }}>
          涉及人员（{l.people.length}）
        </Typography.Title>
        <Table<LeadPerson>
          rowKey="id"
          size="small"
          pagination={false}
          dataSource={l.people}
          locale={{ emptyText: "未登记涉及人员" }}
          columns={[
            { title: "姓名", dataIndex: "name", width: 140 },
            { title: "职务", dataIndex: "position", render: (v: string | null) => v ?? "—" },
            { title: "职级", dataIndex: "rankLabel", width: 120 },
          ]}
        />
        <Typography.Title level={5} style={{ marginTop: 20 }}>
          移交与处置
        </Typography.Title>
        <Timeline items={timeline(l)} />
      </>
    );
  }

  return (
    <Drawer
      open={leadId !== null}
      onClose={onClose}
      width={760}
      title={l ? `问题线索 · ${l.orgName}` : "问题线索"}
      footer={
        l && stepsOf(l).length ? (
          <Space>
            {stepsOf(l).map((s) => (
              <Button
                key={s}
                type={s === "transfer" || s === "handle" ? "primary" : "default"}
                onClick={() => setTarget({ step: s, lead: l })}
              >
                {STEP_LABELS[s]}
              </Button>
            ))}
          </Space>
        ) : null
      }
      destroyOnHidden
    >
      {body}
      <LeadStepDialogs
        target={target}
        onClose={() => setTarget(null)}
        onSaved={() => {
          setTarget(null);
          reload();
          onChanged();
        }}
      />
    </Drawer>
  );
}
