/** 提醒中心: one's own notices, newest first; a click marks a notice read and opens what it is about. */
import { CheckOutlined, ReloadOutlined } from "@ant-design/icons";
import { Alert, App, Button, Card, List, Segmented, Space, Tag, Typography } from "antd";
import { useState } from "react";
import { useNavigate } from "react-router-dom";
import type { NotificationKind, WarningRunCounts } from "../../../domain/warning.ts";
import { api, withQuery } from "../../api.ts";
import { fmtDateTime } from "../../components/format.ts";
import { useApiError } from "../../components/useApiError.ts";
import { useGet } from "../../components/useGet.ts";
import { unreadChanged } from "../../layout/AppLayout.tsx";
import { useMe } from "../../session.tsx";

interface Notice {
  id: string;
  kind: string;
  kindLabel: string;
  title: string;
  body: string;
  link: string | null;
  createdAt: string;
  readAt: string | null;
  can: { read: boolean };
}
interface NoticePage {
  items: Notice[];
  total: number;
  unread: number;
  page: number;
  pageSize: number;
}

const KIND_COLORS: Record<NotificationKind, string> = {
  warning_green: "green",
  warning_yellow: "gold",
  warning_red: "red",
  overdue_org: "volcano",
};

type Filter = "all" | "unread" | "read";
const FILTERS: Array<{ value: Filter; label: string }> = [
  { value: "all", label: "全部" },
  { value: "unread", label: "未读" },
  { value: "read", label: "已读" },
];

const runSummary = (c: WarningRunCounts) =>
  `检查完成：绿色预警 ${c.green} 条，黄色预警 ${c.yellow} 条，红色预警 ${c.red} 条，` +
  `${c.officeNotices} 个单位有逾期任务（建议督办）；本次新发送提醒 ${c.sent} 条。`;

export default function NotificationsPage() {
  const me = useMe();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const showError = useApiError();
  const office = me.can.manageRounds;
  const [filter, setFilter] = useState<Filter>("all");
  const [page, setPage] = useState(1);
  const [pageSize, setPageSize] = useState(20);
  const [busy, setBusy] = useState<"read-all" | "run" | null>(null);
  const [lastRun, setLastRun] = useState<WarningRunCounts | null>(null);
  const list = useGet<NoticePage>(
    withQuery("/api/notifications", {
      unread: filter === "all" ? undefined : filter === "unread",
      page,
      pageSize,
    }),
  );
  const unread = list.data?.unread ?? 0;

  const changed = () => {
    list.reload();
    unreadChanged();
  };

  const open = async (n: Notice) => {
    try {
      if (n.can.read) await api.post(`/api/notifications/${n.id}/read`);
      if (n.link) navigate(n.link);
      else changed();
    } catch (e) {
      showError(e);
    }
  };

  const readAll = async () => {
    setBusy("read-all");
    try {
      const { updated } = await api.post<{ updated: number }>("/api/notifications/read-all");
      void message.success(updated ? `已将 ${updated} 条提醒标为已读` : "没有未读提醒");
      changed();
    } catch (e) {
      showError(e);
    } finally {
      setBusy(null);
    }
  };

  const runWarnings = async () => {
    setBusy("run");
    try {
      setLastRun(await api.post<WarningRunCounts>("/api/notifications/run-warnings"));
      changed();
    } catch (e) {
      showError(e);
    } finally {
      setBusy(null);
    }
  };

  return (
    <Space direction="vertical" size="middle" style={{ width: "100%" }}>
      {lastRun && <Alert type="success" showIcon closable message={runSummary(lastRun)} onClose={() => setLastRun(null)} />}
      <Card
        title={unread ? `提醒中心（${unread} 条未读）` : "提醒中心"}
        extra={
          <Space wrap>
            <Segmented<Filter>
              value={filter}
              options={FILTERS}
              onChange={(v) => {
                setFilter(v);
                setPage(1);
              }}
            />
            <Button icon={<CheckOutlined />} disabled={!unread} loading={busy === "read-all"} onClick={() => void readAll()}>
              全部标为已读
            </Button>
            {office && (
              <Button type="primary" icon={<ReloadOutlined />} loading={busy === "run"} onClick={() => void runWarnings()}>
                立即检查预警
              </Button>
            )}
          </Space>
        }
      >
        <List<Notice>
          loading={list.loading}
          dataSource={list.data?.items ?? []}
          locale={{ emptyText: filter === "unread" ? "没有未读提醒" : "暂无提醒" }}
          pagination={{
            current: page,
            pageSize,
            total: list.data?.total ?? 0,
            hideOnSinglePage: true,
            showSizeChanger: true,
            showTotal: (total) => `共 ${total} 条`,
            onChange: (p, s) => {
              setPage(s === pageSize ? p : 1);
              setPageSize(s);
            },
          }}
          renderItem={(n) => {
            const unreadItem = n.readAt === null;
            return (
              <List.Item
                style={{ cursor: n.link || n.can.read ? "pointer" : undefined }}
                onClick={() => void open(n)}
                extra={
                  <Typography.Text type="secondary" style={{ whiteSpace: "nowrap" }}>
                    {fmtDateTime(n.createdAt)}
                  </Typography.Text>
                }
              >
                <List.Item.Meta
                  title={
                    <Space size="small" wrap>
                      <Tag color={KIND_COLORS[n.kind as NotificationKind] ?? "blue"} bordered={false}>
                        {n.kindLabel}
                      </Tag>
                      <Typography.Text strong={unreadItem} type={unreadItem ? undefined : "secondary"}>
                        {n.title}
                      </Typography.Text>
                      {unreadItem && <Tag color="processing">未读</Tag>}
                    </Space>
                  }
                  description={<Typography.Text type={unreadItem ? undefined : "secondary"}>{n.body}</Typography.Text>}
                />
              </List.Item>
            );
          }}
        />
      </Card>
    </Space>
  );
}
