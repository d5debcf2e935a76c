/**
 * 台账导入 (the office): an Excel ledger into an assignment's ledger — choose the assignment, upload, the server
 * parses in the background (progress bar), column mapping, dry run (every change and every error), then one commit
 * of the whole file. The job is kept in the address (?job=), so a reload comes back to it.
 */
import { Alert, App, Button, Card, Empty, Progress, Result, Space, Spin, Steps, Table, Tag, Typography } from "antd";
import { useEffect, useState, type ReactNode } from "react";
import { Link, useSearchParams } from "react-router-dom";
import { api, ApiError } from "../../api.ts";
import { fmtDateTime } from "../../components/format.ts";
import { useApiError } from "../../components/useApiError.ts";
import { useGet } from "../../components/useGet.ts";
import { DryRunView, errorColumns } from "./DryRunView.tsx";
import { MappingStep } from "./MappingStep.tsx";
import {
  STATUS_LABELS,
  type CommitResult,
  type DryRun,
  type ImportError,
  type Job,
  type JobSummary,
  type Mapping,
} from "./types.ts";
import { UploadStep } from "./UploadStep.tsx";

const isUuid = (v: string | null) => (v && /^[0-9a-f-]{36}$/i.test(v) ? v : null);

function RecentJobs({ onOpen }: { onOpen: (id: string) => void }) {
  const { data } = useGet<{ items: JobSummary[] }>("/api/imports");
  if (!data?.items.length) return null;
  return (
    <Card size="small" title="最近的导入" style={{ marginTop: 24 }}>
      <Table<JobSummary>
        rowKey="id"
        size="small"
        pagination={false}
        dataSource={data.items.slice(0, 8)}
        columns={[
          { title: "文件", dataIndex: "fileName" },
          { title: "上传时间", dataIndex: "createdAt", width: 160, render: fmtDateTime },
          {
            title: "状态",
            dataIndex: "status",
            width: 100,
            render: (s: JobSummary["status"]) => (
              <Tag color={s === "committed" ? "green" : s === "ready" ? "blue" : s === "failed" ? "red" : "default"}>
                {STATUS_LABELS[s]}
              </Tag>
            ),
          },
          {
            title: "",
            width: 80,
            render: (_, j) =>
              j.status === "ready" || j.status === "parsing" || j.status === "committed" ? (
                <Button type="link" size="small" onClick={() => onOpen(j.id)}>
                  {j.status === "committed" ? "查看" : "继续"}
                </Button>
              ) : null,
          },
        ]}
      />
    </Card>
  );
}

function stepOf(job: Job | undefined, showDryRun: boolean): number {
  if (!job) return 0;
  if (job.status === "parsing" || job.status === "failed") return 1;
  if (job.status === "committed") return 4;
  return showDryRun ? 3 : 2;
}

export default function ImportPage() {
  const [params, setParams] = useSearchParams();
  const jobId = isUuid(params.get("job"));
  const [assignmentId, setAssignmentId] = useState<string | undefined>(params.get("assignmentId") ?? undefined);
  const { data: job, reload, failed } = useGet<Job>(jobId ? `/api/imports/${jobId}` : null);
  const [dryRun, setDryRun] = useState<DryRun | null>(null);
  const [showDryRun, setShowDryRun] = useState(true);
  const [busy, setBusy] = useState<"dryrun" | "commit" | "discard" | null>(null);
  const [commitErrors, setCommitErrors] = useState<ImportError[] | null>(null);
  const { message } = App.useApp();
  const showError = useApiError();
  const current = job && job.id === jobId ? job : undefined;
  const plan = dryRun ?? current?.dryRun ?? null;

  // While the server parses, ask again shortly.
  useEffect(() => {
    if (current?.status !== "parsing") return;
    const t = setTimeout(reload, 600);
    return () => clearTimeout(t);
  }, [current, reload]);

  const open = (id: string | null) => {
    setDryRun(null);
    setCommitErrors(null);
    setShowDryRun(true);
    setParams(id ? { job: id } : assignmentId ? { assignmentId } : {});
  };

  const runDryRun = async (mapping: Mapping) => {
    if (!current) return;
    setBusy("dryrun");
    try {
      setDryRun(await api.post<DryRun>(`/api/imports/${current.id}/dry-run`, { mapping }));
      setCommitErrors(null);
      setShowDryRun(true);
    } catch (e) {
      showError(e);
    } finally {
      setBusy(null);
    }
  };

  const commit = async () => {
    if (!current) return;
    setBusy("commit");
    try {
      const r = await api.post<CommitResult>(`/api/imports/${current.id}/commit`);
      void message.success(`导入完成：修改 ${r.changed} 条，新增 ${r.created} 条`);
      setDryRun(null);
      reload();
    } catch (e) {
      const errors = e instanceof ApiError ? (e.details as { errors?: ImportError[] } | undefined)?.errors : undefined;
      if (errors?.length) setCommitErrors(errors);
      showError(e);
    } finally {
      setBusy(null);
    }
  };

  const discard = async () => {
    if (!current) return;
    setBusy("discard");
    try {
      await api.post(`/api/imports/${current.id}/discard`);
      void message.info("已放弃导入");
      open(null);
    } catch (e) {
      showError(e);
    } finally {
      setBusy(null);
    }
  };

  let body: ReactNode;
  if (!jobId) {
    body = (
      <>
        <UploadStep assignmentId={assignmentId} onAssignment={setAssignmentId} onUploaded={(id) => open(id)} />
        <RecentJobs onOpen={open} />
      </>
    );
  } else if (!current) {
    body = failed ? <Empty description="导入任务不存在或已无法查看" /> : <Spin />;
  } else if (current.status === "parsing") {
    const pct = current.total ? Math.min(99, Math.floor((current.processed / current.total) * 100)) : 0;
    body = (
      <div style={{ maxWidth: 640 }}>
        <Typography.Paragraph>
          正在解析“{current.fileName}”{current.total ? `：${current.processed}/${current.total} 行` : "…"}
        </Typography.Paragraph>
        <Progress percent={pct} status="active" aria-label="解析进度" />
      </div>
    );
  } else if (current.status === "failed") {
    body = (
      <Result
        status="error"
        title="文件解析失败"
        subTitle={current.failure}
        extra={
          <Button type="primary" onClick={() => open(null)}>
            重新上传
          </Button>
        }
      />
    );
  } else if (current.status === "discarded") {
    body = <Result status="info" title="该导入已放弃" extra={<Button onClick={() => open(null)}>重新上传</Button>} />;
  } else if (current.status === "committed") {
    const r = current.result;
    body = (
      <Result
        status="success"
        title="导入完成"
        subTitle={
          r
            ? `${current.assignmentLabel}：修改 ${r.changed} 条，新增 ${r.created} 条，新增进展记录 ${r.notes} 条；${r.unchanged} 条内容未变。`
            : current.assignmentLabel
        }
        extra={[
          <Link key="ledger" to={`/ledger?assignmentId=${current.assignmentId ?? ""}`}>
            <Button type="primary">查看整改台账</Button>
          </Link>,
          <Button key="again" onClick={() => open(null)}>
            导入其他文件
          </Button>,
        ]}
      />
    );
  } else if (plan && showDryRun) {
    body = (
      <Space direction="vertical" size={16} style={{ width: "100%" }}>
        {commitErrors && (
          <>
            <Alert type="error" showIcon message={`确认导入被拒绝：台账已有变化，文件中有 ${commitErrors.length} 处错误`} />
            <Table<ImportError>
              rowKey={(e) => `${e.row}:${e.column}`}
              size="small"
              columns={errorColumns}
              dataSource={commitErrors}
            />
          </>
        )}
        <DryRunView
          dryRun={plan}
          assignmentLabel={current.assignmentLabel}
          committing={busy === "commit"}
          onCommit={() => void commit()}
          onBack={() => setShowDryRun(false)}
          onDiscard={() => void discard()}
        />
        {busy === "commit" && <Progress percent={100} status="active" showInfo={false} aria-label="导入进度" />}
      </Space>
    );
  } else {
    body = (
      <MappingStep job={current} busy={busy === "dryrun"} onDryRun={(m) => void runDryRun(m)} onDiscard={() => void discard()} />
    );
  }

  return (
    <Card
      title="台账导入"
      extra={current && <Typography.Text type="secondary">{`${current.assignmentLabel} · ${current.fileName}`}</Typography.Text>}
    >
      <Steps
        size="small"
        style={{ marginBottom: 24, maxWidth: 900 }}
        current={stepOf(current, !!plan && showDryRun)}
        status={current?.status === "failed" ? "error" : current?.status === "committed" ? "finish" : undefined}
        items={[{ title: "选择任务并上传" }, { title: "解析文件" }, { title: "列对应" }, { title: "预检" }, { title: "完成" }]}
      />
      {body}
    </Card>
  );
}
