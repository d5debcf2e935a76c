/** 点人点事: the secretary's meetings, their directives, and the done ÷ all figure; the office records and confirms. */
import { PlusOutlined } from "@ant-design/icons";
import { App, Button, Card, Checkbox, Popconfirm, Select, Space, Statistic, Table, Tag, Tooltip, Typography } from "antd";
import { useState } from "react";
import { DIRECTIVE_STATUS_LABELS, DIRECTIVE_STATUSES } from "../../../domain/directive.ts";
import { api, withQuery } from "../../api.ts";
import { ExportButton } from "../../components/ExportButton.tsx";
import { fmtDate, percent } from "../../components/format.ts";
import { useApiError } from "../../components/useApiError.ts";
import { useGet } from "../../components/useGet.ts";
import { useMe } from "../../session.tsx";
import { DirectiveActionModal, type TextAction } from "./DirectiveActionModal.tsx";
import { DirectiveFormModal } from "./DirectiveFormModal.tsx";
import { MeetingFormModal } from "./MeetingFormModal.tsx";
import type { Directive, DirectiveFigures, Meeting } from "./types.ts";

const STATUS_COLORS: Record<string, string> = { open: "processing", reported: "warning", closed: "success" };

export default function DirectivesPage() {
  const me = useMe();
  const { message } = App.useApp();
  const showError = useApiError();
  const office = me.can.manageRounds;
  const [meetingId, setMeetingId] = useState<string | null>(null);
  const [status, setStatus] = useState<string | null>(null);
  const [overdueOnly, setOverdueOnly] = useState(false);
  // An owner who reads no other directives sees only theirs: no meetings, no overall figures.
  const all = me.can.viewAllDirectives;
  const meetings = useGet<{ items: Meeting[] }>(all ? "/api/secretary-meetings" : null);
  const figures = useGet<DirectiveFigures>(all ? withQuery("/api/figures/directives", { meetingId }) : null);
  const list = useGet<{ items: Directive[] }>(
    withQuery("/api/directives", { meetingId, status, overdue: overdueOnly ? "true" : undefined }),
  );
  const [newMeeting, setNewMeeting] = useState(false);
  const [newDirective, setNewDirective] = useState(false);
  const [acting, setActing] = useState<{ action: TextAction; directive: Directive } | null>(null);

  const reloadAll = () => {
    meetings.reload();
    figures.reload();
    list.reload();
  };

  const close = async (d: Directive) => {
    try {
      await api.post(`/api/directives/${d.id}/close`, { version: d.version });
      void message.success(`已确认办结：${d.target}`);
      reloadAll();
    } catch (e) {
      showError(e);
    }
  };

  const f = figures.data;
  return (
    <Space direction="vertical" size="middle" style={{ width: "100%" }}>
      {all && (
        <Card size="small">
          <Space wrap size="large">
            <Typography.Text strong>
              {f ? `点人点事 ${f.total} 件，已办结 ${f.done} 件，未办结 ${f.notDone} 件` : "点人点事"}
            </Typography.Text>
            {f && <Statistic title="办结率" value={percent(f.doneRate)} valueStyle={{ fontSize: 18 }} />}
            {f && (
              <Statistic
                title="逾期未办结"
                value={f.overdue}
                valueStyle={{ fontSize: 18, color: f.overdue ? "#cf1322" : undefined }}
              />
            )}
          </Space>
        </Card>
      )}
      {all && (
        <Card
          size="small"
          title="书记专题会"
          extra={
            office && (
              <Button icon={<PlusOutlined />} onClick={() => setNewMeeting(true)}>
                登记专题会
              </Button>
            )
          }
        >
          <Table<Meeting>
            rowKey="id"
            size="small"
            loading={meetings.loading}
            dataSource={meetings.data?.items ?? []}
            pagination={{ pageSize: 5, hideOnSinglePage: true }}
            locale={{ emptyText: "暂无书记专题会" }}
            rowSelection={{
              type: "radio",
              selectedRowKeys: meetingId ? [meetingId] : [],
              onChange: (keys) => setMeetingId((keys[0] as string | undefined) ?? null),
            }}
            columns={[
              { title: "召开日期", dataIndex: "heldOn", width: 120, render: (v: string) => fmtDate(v) },
              { title: "会议名称", dataIndex: "title" },
              { title: "事项", key: "count", width: 160, render: (_, m) => `${m.total} 件（已办结 ${m.done} 件）` },
            ]}
          />
        </Card>
      )}
      <Card
        size="small"
        title={all ? "点人点事清单" : "我负责办理的点人点事"}
        extra={
          <Space wrap>
            {meetingId && <Button onClick={() => setMeetingId(null)}>全部专题会</Button>}
            <Select
              allowClear
              placeholder="办理状态"
              style={{ width: 140 }}
              value={status}
              onChange={(v) => setStatus(v ?? null)}
              options={DIRECTIVE_STATUSES.map((s) => ({ value: s, label: DIRECTIVE_STATUS_LABELS[s] }))}
            />
            <Checkbox checked={overdueOnly} onChange={(e) => setOverdueOnly(e.target.checked)}>
              只看逾期
            </Checkbox>
            <ExportButton<Directive>
              title="点人点事清单"
              rows={list.data?.items}
              columns={[
                { title: "书记专题会", key: "meetingTitle" },
                { title: "所点的人或事", key: "target" },
                { title: "类型", key: "kindLabel" },
                { title: "涉及单位", key: "orgName" },
                { title: "办理要求", key: "action" },
                { title: "责任单位（人）", key: "owner" },
                { title: "办结时限", key: "dueDate" },
                { title: "是否逾期", key: "overdue" },
                { title: "状态", key: "statusLabel" },
                { title: "办理情况", key: "report" },
              ]}
            />
            {office && (
              <Button
                type="primary"
                icon={<PlusOutlined />}
                disabled={!meetings.data?.items.length}
                onClick={() => setNewDirective(true)}
              >
                登记点人点事
              </Button>
            )}
          </Space>
        }
      >
        <Table<Directive>
          rowKey="id"
          size="middle"
          loading={list.loading}
          dataSource={list.data?.items ?? []}
          pagination={{ pageSize: 20, hideOnSinglePage: true }}
          locale={{ emptyText: "暂无点人点事" }}
          expandable={{
            rowExpandable: (d) => d.report !== null || d.returnReason !== null,
            expandedRowRender: (d) => (
              <Space direction="vertical">
                {d.report && <Typography.Text>办理情况：{d.report}</Typography.Text>}
                {d.returnReason && <Typography.Text type="danger">退回理由：{d.returnReason}</Typography.Text>}
              </Space>
            ),
          }}
          columns={[
            { title: "所点的人或事", dataIndex: "target" },
            {
              title: "类型",
              dataIndex: "kindLabel",
              width: 80,
              render: (v: string, d) => <Tag color={d.kind === "person" ? "magenta" : "blue"}>{v}</Tag>,
            },
            { title: "涉及单位", dataIndex: "orgName", render: (v: string | null) => v ?? "—" },
            { title: "办理要求", dataIndex: "action", ellipsis: { showTitle: true } },
            { title: "责任单位（人）", dataIndex: "owner" },
            {
              title: "办结时限",
              dataIndex: "dueDate",
              width: 130,
              render: (v: string | null, d) => (
                <Space size={4}>
                  {fmtDate(v)}
                  {d.overdue && <Tag color="red">逾期</Tag>}
                </Space>
              ),
            },
            {
              title: "状态",
              dataIndex: "statusLabel",
              width: 100,
              render: (v: string, d) => (
                <Tooltip title={d.returnReason && d.status === "open" ? `已退回：${d.returnReason}` : undefined}>
                  <Tag color={STATUS_COLORS[d.status]}>{v}</Tag>
                </Tooltip>
              ),
            },
            {
              title: "操作",
              key: "actions",
              width: 180,
              render: (_, d) => (
                <Space size={0}>
                  {d.can.report && (
                    <Button type="link" size="small" onClick={() => setActing({ action: "report", directive: d })}>
                      报告办结
                    </Button>
                  )}
                  {d.can.close && (
                    <Popconfirm title="确认该事项已办结？" okText="确认办结" onConfirm={() => close(d)}>
                      <Button type="link" size="small">
                        确认办结
                      </Button>
                    </Popconfirm>
                  )}
                  {d.can.return && (
                    <Button type="link" size="small" danger onClick={() => setActing({ action: "return", directive: d })}>
                      退回
                    </Button>
                  )}
                </Space>
              ),
            },
          ]}
        />
      </Card>
      <MeetingFormModal
        open={newMeeting}
        onClose={() => setNewMeeting(false)}
        onSaved={(id) => {
          setNewMeeting(false);
          setMeetingId(id);
          reloadAll();
        }}
      />
      <DirectiveFormModal
        open={newDirective}
        meetings={meetings.data?.items ?? []}
        meetingId={meetingId}
        onClose={() => setNewDirective(false)}
        onSaved={() => {
          setNewDirective(false);
          reloadAll();
        }}
      />
      <DirectiveActionModal
        target={acting}
        onClose={() => setActing(null)}
        onSaved={() => {
          setActing(null);
          reloadAll();
        }}
      />
    </Space>
  );
}
