/**
 * 方案内容: the plan as a table, one entry per ledger row. While the plan is a draft (or returned), the organisation
 * fills measures, leader, department and deadline, saves the draft and submits it; otherwise it is read only.
 */
import { SaveOutlined, SendOutlined } from "@ant-design/icons";
import { Alert, App, Button, DatePicker, Input, Popconfirm, Space, Table, Typography } from "antd";
import { useState } from "react";
import { missingFields, PLAN_ENTRY_FIELD_LABELS, PLAN_ENTRY_FIELDS, type PlanEntryField } from "../../../domain/plan.ts";
import { api, ApiError } from "../../api.ts";
import { dayOf, fmtDate, isoOf } from "../../components/format.ts";
import { useApiError } from "../../components/useApiError.ts";
import type { PlanDetail, PlanEntry } from "./types.ts";

type Plan = PlanDetail["plan"];

const LIMITS: Record<Exclude<PlanEntryField, "deadline">, number> = {
  measures: 4000,
  responsibleLeader: 60,
  responsibleDepartment: 100,
};

/** Field labels back to fields, to mark the cells the server says are missing. */
const FIELD_BY_LABEL = new Map(PLAN_ENTRY_FIELDS.map((f) => [PLAN_ENTRY_FIELD_LABELS[f], f]));

/** A read-only value; 未填写 in grey when there is none. */
const shown = (v: string | null) =>
  v?.trim() ? <span style={{ whiteSpace: "pre-wrap" }}>{v}</span> : <Typography.Text type="secondary">未填写</Typography.Text>;

export function EntryHeading({ e }: { e: Pick<PlanEntry, "seqLabel" | "problemText" | "rowText"> }) {
  return (
    <Space direction="vertical" size={0}>
      <Typography.Text strong>
        {e.seqLabel}. {e.problemText || e.rowText}
      </Typography.Text>
      {e.problemText && e.rowText !== e.problemText && <Typography.Text type="secondary">{e.rowText}</Typography.Text>}
    </Space>
  );
}

export function PlanEditor({ plan, onChanged }: { plan: Plan; onChanged: () => void }) {
  const { message } = App.useApp();
  const showError = useApiError();
  const [entries, setEntries] = useState<PlanEntry[]>(plan.entries);
  const [summary, setSummary] = useState(plan.summary ?? "");
  const [dirty, setDirty] = useState(false);
  const [busy, setBusy] = useState<"save" | "submit" | null>(null);
  /** rowId → the fields still missing, after a refused or pre-checked submission. */
  const [missing, setMissing] = useState<Map<string, Set<PlanEntryField>>>(new Map());
  const editable = plan.can.edit;

  const set = (rowId: string, field: PlanEntryField, value: string | null) => {
    setEntries((list) => list.map((e) => (e.rowId === rowId ? { ...e, [field]: value } : e)));
    setMissing((m) => {
      if (!m.get(rowId)?.has(field)) return m;
      const next = new Map(m);
      const left = new Set(m.get(rowId));
      left.delete(field);
      next.set(rowId, left);
      return next;
    });
    setDirty(true);
  };

  const markMissing = (list: Array<{ rowId: string; missing: string[] }>) =>
    setMissing(
      new Map(
        list.map((x) => [
          x.rowId,
          new Set(x.missing.map((l) => FIELD_BY_LABEL.get(l)).filter((f): f is PlanEntryField => f !== undefined)),
        ]),
      ),
    );

  const save = () =>
    api.put<PlanDetail>(`/api/plans/${plan.id}`, {
      version: plan.version,
      summary: summary.trim() || null,
      entries: entries.map((e) => ({
        rowId: e.rowId,
        measures: e.measures?.trim() || null,
        responsibleLeader: e.responsibleLeader?.trim() || null,
        responsibleDepartment: e.responsibleDepartment?.trim() || null,
        deadline: e.deadline,
      })),
    });

  const failed = (e: unknown) => {
    if (e instanceof ApiError && e.status === 409) {
      void message.warning("整改方案已被他人修改，已刷新为最新内容");
      onChanged();
      return;
    }
    const details = e instanceof ApiError ? (e.details as { entries?: Array<{ rowId: string; missing: string[] }> }) : null;
    if (details?.entries) markMissing(details.entries);
    showError(e);
  };

  const saveDraft = async () => {
    setBusy("save");
    try {
      await save();
      void message.success("已保存草稿");
      onChanged();
    } catch (e) {
      failed(e);
    } finally {
      setBusy(null);
    }
  };

  const submit = async () => {
    const gaps = missingFields(entries);
    if (gaps.length) {
      markMissing(gaps);
      void message.error(`还有 ${gaps.length} 条未填写完整（已标红），请补充后再报送`);
      return;
    }
    setBusy("submit");
    try {
      const version = dirty || (summary.trim() || null) !== plan.summary ? (await save()).plan.version : plan.version;
      await api.post(`/api/plans/${plan.id}/submit`, { version });
      void message.success("已报送整改方案，等待巡察办审核");
      onChanged();
    } catch (e) {
      failed(e);
    } finally {
      setBusy(null);
    }
  };

  const textCell = (field: Exclude<PlanEntryField, "deadline">) => (v: string | null, e: PlanEntry) =>
    editable ? (
      field === "measures" ? (
        <Input.TextArea
          value={v ?? ""}
          autoSize={{ minRows: 2, maxRows: 8 }}
          maxLength={LIMITS[field]}
          status={missing.get(e.rowId)?.has(field) ? "error" : undefined}
          placeholder="具体整改措施"
          onChange={(x) => set(e.rowId, field, x.target.value)}
        />
      ) : (
        <Input
          value={v ?? ""}
          maxLength={LIMITS[field]}
          status={missing.get(e.rowId)?.has(field) ? "error" : undefined}
          onChange={(x) => set(e.rowId, field, x.target.value)}
        />
      )
    ) : (
      shown(v)
    );

  return (
    <Space direction="vertical" size="middle" style={{ width: "100%" }}>
      <div>
        <Typography.Text strong>方案说明</Typography.Text>
        {editable ? (
          <Input.TextArea
            value={summary}
            autoSize={{ minRows: 2, maxRows: 6 }}
            maxLength={4000}
            placeholder="整改工作的总体安排（可选）"
            onChange={(e) => {
              setSummary(e.target.value);
              setDirty(true);
            }}
            style={{ marginTop: 4 }}
          />
        ) : (
          <Typography.Paragraph style={{ marginTop: 4, marginBottom: 0 }}>{shown(plan.summary)}</Typography.Paragraph>
        )}
      </div>
      <Table<PlanEntry>
        rowKey="rowId"
        size="small"
        bordered
        pagination={false}
        dataSource={entries}
        scroll={{ x: 1100 }}
        columns={[
          { title: "问题 / 条目", key: "row", width: 300, render: (_, e) => <EntryHeading e={e} /> },
          { title: "整改措施", dataIndex: "measures", render: textCell("measures") },
          { title: "责任领导", dataIndex: "responsibleLeader", width: 130, render: textCell("responsibleLeader") },
          { title: "责任部门", dataIndex: "responsibleDepartment", width: 150, render: textCell("responsibleDepartment") },
          {
            title: "完成时限",
            dataIndex: "deadline",
            width: 150,
            render: (v: string | null, e) =>
              editable ? (
                <DatePicker
                  value={dayOf(v)}
                  status={missing.get(e.rowId)?.has("deadline") ? "error" : undefined}
                  placeholder="选择日期"
                  onChange={(d) => set(e.rowId, "deadline", isoOf(d) ?? null)}
                />
              ) : v ? (
                fmtDate(v)
              ) : (
                shown(null)
              ),
          },
        ]}
      />
      {editable && (
        <Space>
          <Button icon={<SaveOutlined />} loading={busy === "save"} disabled={busy !== null} onClick={() => void saveDraft()}>
            保存草稿
          </Button>
          {plan.can.submit && (
            <Popconfirm
              title="报送整改方案"
              description="报送后由巡察办审核，审核期间不能修改。确认报送？"
              okText="报送"
              onConfirm={() => submit()}
            >
              <Button type="primary" icon={<SendOutlined />} loading={busy === "submit"} disabled={busy !== null}>
                报送
              </Button>
            </Popconfirm>
          )}
          {dirty && <Typography.Text type="warning">有未保存的修改</Typography.Text>}
        </Space>
      )}
      {!editable && plan.status === "draft" && <Alert type="info" showIcon message="整改方案由被巡察单位联络人编制和报送" />}
    </Space>
  );
}
