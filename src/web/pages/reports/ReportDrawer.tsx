/**
 * The report editor of one assignment: live quality indicators, each finding with its suggestion, the top leader's
 * portrait in seven aspects, the overall judgement; save, and submit (the team's materials).
 */
import {
  App,
  Button,
  Descriptions,
  Divider,
  Drawer,
  Form,
  Input,
  Popconfirm,
  Result,
  Space,
  Spin,
  Table,
  Tag,
  Typography,
} from "antd";
import { useMemo, useState } from "react";
import { missingAspects, PORTRAIT_ASPECT_LABELS, PORTRAIT_ASPECTS, reportIndicators } from "../../../domain/report.ts";
import { api } from "../../api.ts";
import { fmtDate } from "../../components/format.ts";
import { useApiError } from "../../components/useApiError.ts";
import { useGet } from "../../components/useGet.ts";
import { IndicatorCards } from "./IndicatorCards.tsx";
import { MilestoneTag } from "./MilestoneTag.tsx";
import type { ReportDetail, ReportFinding } from "./types.ts";

interface Values {
  overall?: string;
  portrait: Record<string, string | undefined>;
  suggestions: Record<string, string | undefined>;
}

const initialOf = (d: ReportDetail): Values => ({
  overall: d.report.overall ?? "",
  portrait: Object.fromEntries(PORTRAIT_ASPECTS.map((k) => [k, d.report.portrait[k] ?? ""])),
  suggestions: Object.fromEntries(d.findings.map((f) => [f.id, f.suggestion ?? ""])),
});

function ReportForm({ detail, onChanged }: { detail: ReportDetail; onChanged: () => void }) {
  const [form] = Form.useForm<Values>();
  const { message } = App.useApp();
  const showError = useApiError();
  const [busy, setBusy] = useState<"save" | "submit" | null>(null);
  const suggestions = Form.useWatch("suggestions", form);
  const portrait = Form.useWatch("portrait", form);
  const editable = detail.can.save;

  // Recomputed from what is typed, so the indicators move while the report is written.
  const indicators = useMemo(
    () =>
      reportIndicators(
        detail.findings.map((f) => ({ ...f, suggestion: suggestions?.[f.id] ?? f.suggestion })),
        { coreMandateAimPct: detail.indicators.coreMandate.aimPct, commonWarnPct: detail.indicators.common.warnPct },
      ),
    [detail, suggestions],
  );
  const missing = missingAspects(portrait ?? detail.report.portrait);

  /** Saves the form; resolves to the new version. */
  const save = async (): Promise<number> => {
    const v = await form.validateFields();
    const res = await api.put<{ report: ReportDetail }>(`/api/assignments/${detail.assignment.id}/report`, {
      overall: v.overall?.trim() || null,
      portrait: Object.fromEntries(PORTRAIT_ASPECTS.map((k) => [k, v.portrait?.[k]?.trim() ?? ""])),
      suggestions: detail.findings
        .filter((f) => !f.fedBack)
        .map((f) => ({ findingId: f.id, suggestion: v.suggestions?.[f.id]?.trim() ?? "" })),
      version: detail.report.version,
    });
    return res.report.report.version;
  };

  const run = async (what: "save" | "submit") => {
    setBusy(what);
    let saved = false;
    try {
      let version = detail.report.version;
      if (what === "save" || form.isFieldsTouched()) {
        version = await save();
        saved = true;
      }
      if (what === "submit") {
        await api.post(`/api/assignments/${detail.assignment.id}/report/submit`, { version });
        void message.success("巡察报告已报送");
      } else {
        void message.success("巡察报告已保存");
      }
      onChanged();
    } catch (e) {
      // validateFields' own rejection: the form already shows what is wrong.
      if (!(e && typeof e === "object" && "errorFields" in e)) showError(e, form);
      // Saved but not submitted: reload, so the next save carries the new version.
      if (saved) onChanged();
    } finally {
      setBusy(null);
    }
  };

  const columns = [
    { title: "序号", key: "seq", width: 56, render: (_: unknown, __: ReportFinding, i: number) => i + 1 },
    {
      title: "问题",
      dataIndex: "text",
      render: (text: string, f: ReportFinding) => (
        <Space direction="vertical" size={2}>
          <span>{text}</span>
          <Space size={4} wrap>
            <Tag>{f.categoryLabel}</Tag>
            {f.isCoreMandate && <Tag color="green">主责主业</Tag>}
            {f.isCommon ? <Tag color="orange">共性</Tag> : <Tag>个性</Tag>}
            {f.involvesTopLeader && <Tag color="magenta">涉及一把手</Tag>}
            {f.fedBack && <Tag color="default">已反馈</Tag>}
          </Space>
        </Space>
      ),
    },
    {
      title: "意见建议",
      key: "suggestion",
      width: "42%",
      render: (_: unknown, f: ReportFinding) => (
        <Form.Item name={["suggestions", f.id]} noStyle rules={[{ max: 4000, message: "意见建议不超过 4000 字" }]}>
          <Input.TextArea
            autoSize={{ minRows: 2, maxRows: 6 }}
            disabled={f.fedBack}
            placeholder="针对该问题提出具体、可操作的意见建议"
            status={suggestions?.[f.id]?.trim() ? undefined : "warning"}
          />
        </Form.Item>
      ),
    },
  ];

  return (
    <Form<Values> form={form} layout="vertical" initialValues={initialOf(detail)} disabled={!editable}>
      <IndicatorCards indicators={indicators} />
      <Divider orientation="left">问题及意见建议</Divider>
      <Table<ReportFinding>
        rowKey="id"
        size="small"
        dataSource={detail.findings}
        pagination={false}
        locale={{ emptyText: "该巡察任务尚未登记问题" }}
        columns={columns}
      />
      <Divider orientation="left">
        一把手画像{" "}
        <Tag color={missing.length ? "warning" : "success"}>
          已填写 {PORTRAIT_ASPECTS.length - missing.length} / {PORTRAIT_ASPECTS.length} 个方面
        </Tag>
      </Divider>
      <div style={{ display: "grid", gridTemplateColumns: "repeat(auto-fill, minmax(320px, 1fr))", columnGap: 16 }}>
        {PORTRAIT_ASPECTS.map((k) => (
          <Form.Item
            key={k}
            name={["portrait", k]}
            label={PORTRAIT_ASPECT_LABELS[k]}
            rules={[{ max: 4000, message: "不超过 4000 字" }]}
          >
            <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} />
          </Form.Item>
        ))}
      </div>
      <Divider orientation="left">总体评价</Divider>
      <Form.Item name="overall" rules={[{ max: 20000, message: "总体评价不超过 20000 字" }]}>
        <Input.TextArea
          autoSize={{ minRows: 4, maxRows: 12 }}
          placeholder="对被巡察党组织履行职责、落实全面从严治党责任情况的总体评价"
        />
      </Form.Item>
      {editable && (
        <Space style={{ position: "sticky", bottom: 0, zIndex: 2, width: "100%", padding: "12px 0", background: "#fff" }}>
          <Button type="primary" loading={busy === "save"} disabled={busy !== null} onClick={() => void run("save")}>
            保存
          </Button>
          {detail.report.status !== "submitted" && (
            <Popconfirm
              title="报送巡察报告材料？"
              description="报送前会先保存修改；须填齐总体评价、一把手画像七个方面和每个问题的意见建议。"
              okText="报送"
              onConfirm={() => run("submit")}
              disabled={busy !== null}
            >
              <Button loading={busy === "submit"} disabled={busy !== null}>
                报送
              </Button>
            </Popconfirm>
          )}
        </Space>
      )}
    </Form>
  );
}

export function ReportDrawer({
  assignmentId,
  onClose,
  onChanged,
}: {
  assignmentId: string | null;
  onClose: () => void;
  /** Saved or submitted: the deadlines reload too. */
  onChanged: () => void;
}) {
  const { data, failed, reload } = useGet<{ report: ReportDetail }>(
    assignmentId ? `/api/assignments/${assignmentId}/report` : null,
    { quietWhenEmpty: true },
  );
  const detail = data && data.report.assignment.id === assignmentId ? data.report : undefined;

  let body;
  if (!detail) {
    body = failed ? (
      <Result status="warning" title="无法加载巡察报告" />
    ) : (
      <Spin style={{ display: "block", margin: "80px auto" }} />
    );
  } else {
    const a = detail.assignment;
    const r = detail.report;
    body = (
      <Space direction="vertical" size="middle" style={{ width: "100%" }}>
        <Descriptions column={3} size="small" bordered>
          <Descriptions.Item label="巡察轮次">{a.roundName}</Descriptions.Item>
          <Descriptions.Item label="巡察组">{a.teamName}</Descriptions.Item>
          <Descriptions.Item label="撤点日期">{fmtDate(a.withdrawalDate)}</Descriptions.Item>
          <Descriptions.Item label="报告状态">
            <Tag color={r.status === "submitted" ? "success" : r.id ? "processing" : "default"}>{r.statusLabel}</Tag>
            {r.submittedOn && <Typography.Text type="secondary">报送于 {fmtDate(r.submittedOn)}</Typography.Text>}
          </Descriptions.Item>
          <Descriptions.Item label="听取汇报">{fmtDate(a.hearingDate)}</Descriptions.Item>
          <Descriptions.Item label="时限">
            {detail.deadlines ? (
              <Space size={4} wrap>
                材料 <MilestoneTag milestone={detail.deadlines.materials} />
                会商 <MilestoneTag milestone={detail.deadlines.consultation} />
                听取 <MilestoneTag milestone={detail.deadlines.hearing} />
              </Space>
            ) : (
              "尚未撤点"
            )}
          </Descriptions.Item>
        </Descriptions>
        <ReportForm
          key={`${a.id}:${r.version}`}
          detail={detail}
          onChanged={() => {
            reload();
            onChanged();
          }}
        />
      </Space>
    );
  }

  return (
    <Drawer
      open={assignmentId !== null}
      onClose={onClose}
      width={1100}
      title={detail ? `巡察报告：${detail.assignment.orgName}` : "巡察报告"}
      destroyOnHidden
    >
      {body}
    </Drawer>
  );
}
