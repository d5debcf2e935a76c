/** A letter in detail: its heading, body, the rows and problems it concerns, and the reply (or the reply button). */
import { Button, Descriptions, Drawer, Empty, Result, Spin, Table, Tag, Typography } from "antd";
import { useState } from "react";
import { DocumentButtons } from "../../components/DocumentButtons.tsx";
import { fmtDate } from "../../components/format.ts";
import { useGet } from "../../components/useGet.ts";
import { LetterReplyModal } from "./LetterReplyModal.tsx";
import { letterTitle, STATUS_COLORS, type Letter, type LetterDetail, type LetterItem } from "./types.ts";

export function DueText({ letter }: { letter: Pick<Letter, "replyDue" | "status"> }) {
  return letter.status === "overdue" ? (
    <Typography.Text type="danger" style={{ whiteSpace: "nowrap" }}>
      {fmtDate(letter.replyDue)}
    </Typography.Text>
  ) : (
    <span style={{ whiteSpace: "nowrap" }}>{fmtDate(letter.replyDue)}</span>
  );
}

export const StatusTag = ({ letter }: { letter: Pick<Letter, "status" | "statusLabel"> }) => (
  <Tag color={STATUS_COLORS[letter.status]}>{letter.statusLabel}</Tag>
);

export function LetterDrawer({
  letterId,
  onClose,
  onChanged,
}: {
  letterId: string | null;
  onClose: () => void;
  /** A reply was recorded: the list reloads too. */
  onChanged: () => void;
}) {
  const { data, failed, reload } = useGet<LetterDetail>(letterId ? `/api/letters/${letterId}` : null, {
    quietWhenEmpty: true,
  });
  const [replying, setReplying] = useState<Letter | null>(null);
  const detail = data && data.letter.id === letterId ? data : undefined;

  let body;
  if (!detail) {
    body = failed ? (
      <Result status="warning" title="无法加载该函件" />
    ) : (
      <Spin style={{ display: "block", margin: "80px auto" }} />
    );
  } else {
    const l = detail.letter;
    body = (
      <>
        <Descriptions column={2} size="small" bordered>
          <Descriptions.Item label="文号" span={2}>
            {letterTitle(l)}
          </Descriptions.Item>
          <Descriptions.Item label="主送" span={2}>
            {l.addressee}
            {l.addresseeOrgName && l.addresseeOrgName !== l.addressee && (
              <Typography.Text type="secondary">（{l.addresseeOrgName}）</Typography.Text>
            )}
          </Descriptions.Item>
          <Descriptions.Item label="事由" span={2}>
            {l.subject}
          </Descriptions.Item>
          {l.commonProblemTitle && (
            <Descriptions.Item label="共性问题" span={2}>
              {l.commonProblemTitle}
            </Descriptions.Item>
          )}
          <Descriptions.Item label="发出日期">{fmtDate(l.sentOn)}</Descriptions.Item>
          <Descriptions.Item label="回复时限">
            <DueText letter={l} />
          </Descriptions.Item>
          <Descriptions.Item label="状态" span={2}>
            <StatusTag letter={l} />
          </Descriptions.Item>
        </Descriptions>
        {l.body && <Typography.Paragraph style={{ marginTop: 16, whiteSpace: "pre-wrap" }}>{l.body}</Typography.Paragraph>}
        <Typography.Title level={5} style={{ marginTop: 20 }}>
          涉及事项（{detail.items.length}）
        </Typography.Title>
        <Table<LetterItem>
          rowKey="id"
          size="small"
          pagination={false}
          dataSource={detail.items}
          columns={[
            { title: "单位", dataIndex: "orgName", width: 140 },
            {
              title: "序号",
              key: "seq",
              width: 90,
              render: (_, i) => (i.type === "row" ? `第${i.seqLabel}条` : `问题${i.seqLabel}`),
            },
            { title: "内容", dataIndex: "text" },
            { title: "整改状态", dataIndex: "statusLabel", width: 100 },
          ]}
        />
        <Typography.Title level={5} style={{ marginTop: 20 }}>
          回复情况
        </Typography.Title>
        {l.repliedOn ? (
          <Descriptions column={2} size="small" bordered>
            <Descriptions.Item label="回复日期">{fmtDate(l.repliedOn)}</Descriptions.Item>
            <Descriptions.Item label="登记人">{l.repliedByName ?? "—"}</Descriptions.Item>
            <Descriptions.Item label="回复内容" span={2}>
              <Typography.Paragraph style={{ whiteSpace: "pre-wrap", marginBottom: 0 }}>{l.replyText}</Typography.Paragraph>
            </Descriptions.Item>
          </Descriptions>
        ) : (
          <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={l.status === "overdue" ? "逾期未回复" : "尚未回复"} />
        )}
      </>
    );
  }

  return (
    <Drawer
      open={letterId !== null}
      onClose={onClose}
      width={760}
      title={detail ? `${letterTitle(detail.letter)}` : "函件"}
      extra={detail && <DocumentButtons kind={`${detail.letter.kind}_letter`} id={detail.letter.id} />}
      footer={
        detail?.letter.can.reply ? (
          <Button type="primary" onClick={() => setReplying(detail.letter)}>
            登记回复
          </Button>
        ) : null
      }
      destroyOnHidden
    >
      {body}
      <LetterReplyModal
        letter={replying}
        onClose={() => setReplying(null)}
        onSaved={() => {
          setReplying(null);
          reload();
          onChanged();
        }}
      />
    </Drawer>
  );
}
