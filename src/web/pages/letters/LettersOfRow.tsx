/** The letters about one ledger row (文号, kind, state), for the row's drawer; each links to the letter. */
import { Empty, List, Space, Spin, Typography } from "antd";
import { Link } from "react-router-dom";
import { fmtDate } from "../../components/format.ts";
import { useGet } from "../../components/useGet.ts";
import { useMe } from "../../session.tsx";
import { StatusTag } from "./LetterDrawer.tsx";
import type { Letter } from "./types.ts";

export function LettersOfRow({ rowId }: { rowId: string }) {
  const me = useMe();
  const { data, loading } = useGet<{ items: Letter[] }>(`/api/letters?rowId=${rowId}`);
  if (!data) return loading ? <Spin style={{ display: "block", margin: "24px auto" }} /> : null;
  if (!data.items.length) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="暂无相关函件" />;
  return (
    <List<Letter>
      size="small"
      dataSource={data.items}
      renderItem={(l) => {
        const number = `${l.kindLabel} ${l.documentNumber}`;
        return (
          <List.Item extra={<StatusTag letter={l} />}>
            <Space direction="vertical" size={0}>
              {me.can.viewLetters ? (
                <Link to={`/letters?letter=${l.id}`}>{number}</Link>
              ) : (
                <Typography.Text>{number}</Typography.Text>
              )}
              <Typography.Text type="secondary">
                {l.subject} · {fmtDate(l.sentOn)} 发出，{fmtDate(l.replyDue)} 前回复
              </Typography.Text>
            </Space>
          </List.Item>
        );
      }}
    />
  );
}
