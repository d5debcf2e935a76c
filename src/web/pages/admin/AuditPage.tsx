/** 审计日志 (audit administrator): search, export to Excel, and verify the hash chain. */
import { DownloadOutlined, SafetyOutlined, SearchOutlined } from "@ant-design/icons";
import { Button, Card, DatePicker, Form, Input, Modal, Result, Select, Space, Table, Tag, Tooltip, Typography } from "antd";
import type { Dayjs } from "dayjs";
import { useMemo, useState } from "react";
import { AUDIT_ACTIONS } from "../../../domain/audit.ts";
import { api, withQuery } from "../../api.ts";
import { fmtDateTime } from "../../components/format.ts";
import { useApiError } from "../../components/useApiError.ts";
import { useGet } from "../../components/useGet.ts";
import { AuditChanges } from "./auditChanges.tsx";

interface AuditItem {
  id: string;
  seq?: number;
  at: string;
  actorName: string | null;
  action: string;
  actionLabel?: string;
  recordType: string;
  recordTypeLabel?: string;
  recordIds: string[];
  changes: unknown;
  clientIp: string | null;
}
interface Filters {
  actor?: string;
  range?: [Dayjs | null, Dayjs | null] | null;
  action?: string;
  record?: string;
}
interface Verify {
  ok: boolean;
  checked: number;
  firstBroken: { seq: number; id: string; reason: string } | null;
}
/** Accepted shapes: { labels, recordTypes }, { items: [{ action, label }] }, or a plain { action: label } map. */
type ActionsResponse =
  | { labels: Record<string, string>; recordTypes?: Record<string, string> }
  | { items: Array<{ action?: string; value?: string; label: string }> }
  | Record<string, string>;

function actionOptions(res: ActionsResponse | undefined): Array<{ value: string; label: string }> {
  if (res && "items" in res && Array.isArray(res.items)) {
    return res.items.map((i) => ({ value: i.action ?? i.value ?? "", label: i.label })).filter((o) => o.value);
  }
  const map =
    res && "labels" in res && typeof res.labels === "object"
      ? res.labels
      : res && !("items" in res)
        ? (res as Record<string, string>)
        : AUDIT_ACTIONS;
  return Object.entries(map).map(([value, label]) => ({ value, label: String(label) }));
}

const recordTypesOf = (res: ActionsResponse | undefined): Record<string, string> =>
  res && "recordTypes" in res && res.recordTypes && typeof res.recordTypes === "object"
    ? (res.recordTypes as Record<string, string>)
    : {};

const UUID_RE = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const queryOf = (f: Filters) => ({
  actor: f.actor?.trim(),
  from: f.range?.[0]?.format("YYYY-MM-DD"),
  to: f.range?.[1]?.format("YYYY-MM-DD"),
  action: f.action,
  record: f.record?.trim(),
});

export default function AuditPage() {
  const [form] = Form.useForm<Filters>();
  const [filters, setFilters] = useState<Filters>({});
  const [page, setPage] = useState({ page: 1, pageSize: 20 });
  const list = useGet<{ items: AuditItem[]; total: number }>(withQuery("/api/audit", { ...queryOf(filters), ...page }));
  const actions = useGet<ActionsResponse>("/api/audit/actions");
  const options = useMemo(() => actionOptions(actions.data), [actions.data]);
  const labels = useMemo(() => new Map(options.map((o) => [o.value, o.label])), [options]);
  const recordTypes = useMemo(() => recordTypesOf(actions.data), [actions.data]);
  const [exporting, setExporting] = useState(false);
  const [verifying, setVerifying] = useState(false);
  const [verify, setVerify] = useState<Verify | null>(null);
  const showError = useApiError();

  const search = (f: Filters) => {
    setFilters(f);
    setPage((p) => ({ ...p, page: 1 }));
  };
  const byRecord = (id: string) => {
    form.setFieldsValue({ record: id });
    search({ ...form.getFieldsValue(), record: id });
  };
  const doExport = async () => {
    setExporting(true);
    try {
      await api.download(withQuery("/api/audit/export", queryOf(filters)), "审计日志.xlsx");
    } catch (e) {
      showError(e);
    } finally {
      setExporting(false);
    }
  };
  const doVerify = async () => {
    setVerifying(true);
    try {
      setVerify(await api.get<Verify>("/api/audit/verify"));
    } catch (e) {
      showError(e);
    } finally {
      setVerifying(false);
    }
  };

  return (
    <Card
      title="审计日志"
      extra={
        <Space>
          <Button icon={<DownloadOutlined />} loading={exporting} onClick={() => void doExport()}>
            导出Excel
          </Button>
          <Button icon={<SafetyOutlined />} loading={verifying} onClick={() => void doVerify()}>
            校验完整性
          </Button>
        </Space>
      }
    >
      <Form<Filters> name="auditFilter" form={form} layout="inline" onFinish={search} style={{ marginBottom: 16, rowGap: 12 }}>
        <Form.Item name="actor" label="操作人">
          <Input allowClear placeholder="姓名或用户名" style={{ width: 160 }} />
        </Form.Item>
        <Form.Item name="range" label="时间范围">
          <DatePicker.RangePicker allowEmpty={[true, true]} />
        </Form.Item>
        <Form.Item name="action" label="操作类型">
          <Select allowClear showSearch optionFilterProp="label" options={options} placeholder="全部" style={{ width: 180 }} />
        </Form.Item>
        <Form.Item name="record" label="记录ID" rules={[{ pattern: UUID_RE, message: "记录ID应为完整的编号（UUID）" }]}>
          <Input allowClear placeholder="完整的记录编号" style={{ width: 300 }} />
        </Form.Item>
        <Form.Item>
          <Space>
            <Button type="primary" htmlType="submit" icon={<SearchOutlined />}>
              查询
            </Button>
            <Button
              onClick={() => {
                form.resetFields();
                search({});
              }}
            >
              重置
            </Button>
          </Space>
        </Form.Item>
      </Form>
      <Table<AuditItem>
        rowKey="id"
        size="small"
        loading={list.loading}
        dataSource={list.data?.items ?? []}
        locale={{ emptyText: "没有符合条件的审计记录" }}
        scroll={{ x: 1100 }}
        pagination={{
          current: page.page,
          pageSize: page.pageSize,
          total: list.data?.total ?? 0,
          showSizeChanger: true,
          showTotal: (t) => `共 ${t} 条`,
          onChange: (p, s) => setPage({ page: s === page.pageSize ? p : 1, pageSize: s }),
        }}
        columns={[
          { title: "时间", dataIndex: "at", width: 150, render: (v: string) => fmtDateTime(v) },
          { title: "操作人", dataIndex: "actorName", width: 160, render: (v: string | null) => v ?? "系统" },
          {
            title: "操作",
            dataIndex: "action",
            width: 140,
            render: (v: string, r) => <Tag>{r.actionLabel ?? labels.get(v) ?? v}</Tag>,
          },
          {
            title: "记录类型",
            dataIndex: "recordType",
            width: 100,
            render: (v: string, r) => r.recordTypeLabel ?? recordTypes[v] ?? v,
          },
          {
            title: "记录ID",
            dataIndex: "recordIds",
            width: 170,
            render: (ids: string[] | undefined) =>
              ids?.length ? (
                <Space direction="vertical" size={0}>
                  {ids.map((id) => (
                    <Space key={id} size={4}>
                      <Tooltip title={`${id}（点击只看此记录）`}>
                        <Typography.Link style={{ fontSize: 12, fontFamily: "monospace" }} onClick={() => byRecord(id)}>
                          …{id.slice(-12)}
                        </Typography.Link>
                      </Tooltip>
                      <Typography.Text copyable={{ text: id, tooltips: ["复制完整编号", "已复制"] }} />
                    </Space>
                  ))}
                </Space>
              ) : (
                "—"
              ),
          },
          { title: "变更内容", dataIndex: "changes", render: (v: unknown) => <AuditChanges changes={v} /> },
          { title: "IP", dataIndex: "clientIp", width: 120, render: (v: string | null) => v ?? "—" },
        ]}
      />
      <Modal open={verify !== null} footer={null} onCancel={() => setVerify(null)} width={520}>
        {verify &&
          (verify.ok ? (
            <Result
              status="success"
              title="审计日志完整"
              subTitle={`已校验 ${verify.checked} 条记录，哈希链完整，未发现篡改。`}
            />
          ) : (
            <Result
              status="error"
              title="审计日志完整性校验未通过"
              subTitle={
                verify.firstBroken
                  ? `已校验 ${verify.checked} 条记录；第 ${verify.firstBroken.seq} 条（${verify.firstBroken.id}）起不一致：${verify.firstBroken.reason}`
                  : `已校验 ${verify.checked} 条记录，发现不一致。`
              }
            />
          ))}
      </Modal>
    </Card>
  );
}
