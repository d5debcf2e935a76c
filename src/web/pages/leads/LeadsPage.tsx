/**
 * 问题线索 (confidential): the figures per class with the filing rate, the list with class, status and due date, the
 * detail drawer with the transfer and handling timeline, the steps each user may take, and the consultations.
 * `?lead=<id>` opens a lead.
 */
import { LockOutlined, PlusOutlined } from "@ant-design/icons";
import { Alert, Button, Card, Checkbox, Select, Space, Table, Tabs, Tag, Typography } from "antd";
import { useMemo, useState } from "react";
import { useSearchParams } from "react-router-dom";
import { LEAD_STATUS_LABELS, LEAD_STATUSES, type LeadStatus } from "../../../domain/lead.ts";
import { withQuery } from "../../api.ts";
import { ExportButton } from "../../components/ExportButton.tsx";
import { fmtDate } from "../../components/format.ts";
import { useGet } from "../../components/useGet.ts";
import { useMe } from "../../session.tsx";
import { ConsultationsPanel } from "./ConsultationsPanel.tsx";
import { DueTag, LeadDrawer } from "./LeadDrawer.tsx";
import { LeadFiguresPanel } from "./LeadFiguresPanel.tsx";
import { LeadFormModal } from "./LeadFormModal.tsx";
import { LeadStepDialogs, STEP_LABELS, stepsOf, type LeadStepTarget } from "./LeadStepDialogs.tsx";
import { CLASS_COLORS, STATUS_COLORS, type AssignmentOption, type Lead, type LeadFigures, type RoundOption } from "./types.ts";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function LeadsTab() {
  const me = useMe();
  const [params, setParams] = useSearchParams();
  const [roundId, setRoundId] = useState<string | null>(null);
  const [status, setStatus] = useState<LeadStatus | null>(null);
  const [overdueOnly, setOverdueOnly] = useState(false);
  const [creating, setCreating] = useState(false);
  const [target, setTarget] = useState<LeadStepTarget | null>(null);

  const rounds = useGet<{ items: RoundOption[] }>("/api/rounds");
  const list = useGet<{ items: Lead[] }>(withQuery("/api/leads", { roundId, status, overdue: overdueOnly ? "true" : undefined }));
  const figures = useGet<LeadFigures>(withQuery("/api/leads/figures", { roundId }));
  // A leader registers leads on the assignments of the teams they lead.
  const leaderTeams = useMemo(
    () => new Set(me.teamSeats.filter((s) => s.position === "leader").map((s) => s.teamId)),
    [me.teamSeats],
  );
  const assignments = useGet<{ items: AssignmentOption[] }>(leaderTeams.size ? withQuery("/api/assignments", { roundId }) : null);
  const mine = (assignments.data?.items ?? []).filter((a) => leaderTeams.has(a.teamId));

  const opened = params.get("lead");
  const openId = opened && UUID.test(opened) ? opened : null;
  const setOpen = (id: string | null) =>
    setParams(
      (p) => {
        const next = new URLSearchParams(p);
        if (id) next.set("lead", id);
        else next.delete("lead");
        return next;
      },
      { replace: true },
    );
  const reload = () => {
    list.reload();
    figures.reload();
  };
  const roundName = rounds.data?.items.find((r) => r.id === roundId)?.name;

  return (
    <Space direction="vertical" size="middle" style={{ width: "100%" }}>
      <LeadFiguresPanel figures={figures.data} title={roundName ?? "全部轮次"} />
      <Card
        size="small"
        title="问题线索清单"
        extra={
          <Space wrap>
            <Select
              allowClear
              placeholder="全部轮次"
              aria-label="轮次"
              style={{ width: 200 }}
              value={roundId}
              onChange={(v) => setRoundId(v ?? null)}
              options={(rounds.data?.items ?? []).map((r) => ({ value: r.id, label: r.name }))}
            />
            <Select
              allowClear
              placeholder="处置状态"
              aria-label="处置状态"
              style={{ width: 130 }}
              value={status}
              onChange={(v) => setStatus(v ?? null)}
              options={LEAD_STATUSES.map((s) => ({ value: s, label: LEAD_STATUS_LABELS[s] }))}
            />
            <Checkbox checked={overdueOnly} onChange={(e) => setOverdueOnly(e.target.checked)}>
              只看逾期未处置
            </Checkbox>
            <ExportButton<Lead>
              title="问题线索清单"
              rows={list.data?.items}
              columns={[
                { title: "巡察轮次", key: "roundName" },
                { title: "被巡察单位", key: "orgName" },
                { title: "类别", key: "leadClassLabel" },
                { title: "线索内容", key: "summary" },
                { title: "责任人", key: "responsiblePerson" },
                { title: "责任单位", key: "responsibleUnit" },
                { title: "移交日期", key: "transferredOn" },
                { title: "接收单位", key: "receivingOffice" },
                { title: "边巡边移", key: "duringInspection" },
                { title: "处置状态", key: "statusLabel" },
                { title: "处置时限", key: "dueOn" },
                { title: "是否逾期", key: "overdue" },
                { title: "立案日期", key: "filedOn" },
                { title: "了结方式", key: "concludedFormLabel" },
              ]}
            />
            {mine.length > 0 && (
              <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
                登记线索
              </Button>
            )}
          </Space>
        }
      >
        <Table<Lead>
          rowKey="id"
          size="middle"
          loading={list.loading}
          dataSource={list.data?.items ?? []}
          pagination={{ pageSize: 20, hideOnSinglePage: true }}
          locale={{ emptyText: "暂无问题线索" }}
          onRow={(l) => ({ onDoubleClick: () => setOpen(l.id) })}
          columns={[
            {
              title: "类别",
              dataIndex: "leadClassLabel",
              width: 130,
              render: (v: string, l) => <Tag color={CLASS_COLORS[l.leadClass]}>{v}</Tag>,
            },
            { title: "线索内容", dataIndex: "summary", ellipsis: { showTitle: true } },
            { title: "被巡察单位", dataIndex: "orgName", width: 150, ellipsis: { showTitle: true } },
            {
              title: "责任人（单位）",
              key: "responsible",
              width: 120,
              render: (_, l) =>
                l.responsiblePerson ??
                (l.responsibleUnit ? <Typography.Text type="secondary">{l.responsibleUnit}</Typography.Text> : "—"),
            },
            {
              title: "移交",
              dataIndex: "transferredOn",
              width: 120,
              render: (v: string | null, l) =>
                v ? (
                  <Space direction="vertical" size={0}>
                    {fmtDate(v)}
                    {l.duringInspection && <Typography.Text type="secondary">边巡边移</Typography.Text>}
                  </Space>
                ) : (
                  <Typography.Text type="secondary">未移交</Typography.Text>
                ),
            },
            {
              title: "状态",
              dataIndex: "statusLabel",
              width: 90,
              render: (v: string, l) => <Tag color={STATUS_COLORS[l.status]}>{v}</Tag>,
            },
            { title: "处置时限", key: "due", width: 150, render: (_, l) => <DueTag lead={l} /> },
            {
              title: "操作",
              key: "actions",
              width: 170,
              render: (_, l) => (
                <Space size={0} wrap>
                  <Button type="link" size="small" onClick={() => setOpen(l.id)}>
                    详情
                  </Button>
                  {stepsOf(l).map((s) => (
                    <Button key={s} type="link" size="small" onClick={() => setTarget({ step: s, lead: l })}>
                      {STEP_LABELS[s]}
                    </Button>
                  ))}
                </Space>
              ),
            },
          ]}
        />
      </Card>
      <LeadFormModal
        open={creating}
        lead={null}
        assignments={mine}
        assignmentId={null}
        onClose={() => setCreating(false)}
        onSaved={(l) => {
          setCreating(false);
          reload();
          setOpen(l.id);
        }}
      />
      <LeadStepDialogs
        target={target}
        onClose={() => setTarget(null)}
        onSaved={() => {
          setTarget(null);
          reload();
        }}
      />
      <LeadDrawer leadId={openId} onClose={() => setOpen(null)} onChanged={reload} />
    </Space>
  );
}

export default function LeadsPage() {
  const me = useMe();
  // Consultations are the office's and the teams'; the commission reads leads only.
  const consults = me.can.manageRounds || me.teamSeats.length > 0;
  return (
    <Space direction="vertical" size="middle" style={{ width: "100%" }}>
      <Alert
        type="warning"
        showIcon
        icon={<LockOutlined />}
        message="问题线索属保密信息"
        description="仅巡察办主任、本组组长和纪委监委可以查看。请勿截屏、拍照、转发或打印，不得向无关人员透露线索内容和涉及人员。"
      />
      {consults ? (
        <Tabs
          items={[
            { key: "leads", label: "问题线索", children: <LeadsTab /> },
            { key: "consultations", label: "办组会商", children: <ConsultationsPanel /> },
          ]}
          destroyOnHidden
        />
      ) : (
        <LeadsTab />
      )}
    </Space>
  );
}
