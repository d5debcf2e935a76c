/**
 * 督办函件: supervision, re-assignment, reminder and recommendation letters — the figures per kind, the list by
 * kind, year and reply state, the detail drawer and the reply. The office sends them; addressees answer.
 * `?new=<kind>&rowIds=a,b` or `?new=recommendation&commonProblemId=<id>` opens the create form pre-filled (links from
 * warnings and the common-problem list); `?letter=<id>` opens a letter.
 */
import { PlusOutlined } from "@ant-design/icons";
import { Button, Card, Col, Row, Select, Space, Statistic, Table, Tabs, Typography } from "antd";
import { useCallback, useMemo, useState } from "react";
import { useSearchParams } from "react-router-dom";
import {
  LETTER_KIND_LABELS,
  LETTER_KINDS,
  LETTER_STATUS_LABELS,
  LETTER_STATUSES,
  type LetterKind,
  type LetterStatus,
} from "../../../domain/letter.ts";
import { withQuery } from "../../api.ts";
import { DocumentButtons } from "../../components/DocumentButtons.tsx";
import { ExportButton } from "../../components/ExportButton.tsx";
import { fmtDate } from "../../components/format.ts";
import { useGet } from "../../components/useGet.ts";
import { useMe } from "../../session.tsx";
import { DueText, LetterDrawer, StatusTag } from "./LetterDrawer.tsx";
import { LetterFormModal } from "./LetterFormModal.tsx";
import { LetterReplyModal } from "./LetterReplyModal.tsx";
import type { Letter, LetterFigures, LetterRequest } from "./types.ts";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const isKind = (v: string | null): v is LetterKind => (LETTER_KINDS as readonly string[]).includes(v ?? "");

/** The create request a link asked for, if any. */
function requestOf(p: URLSearchParams): LetterRequest | null {
  const kind = p.get("new");
  if (!isKind(kind)) return null;
  const rowIds = (p.get("rowIds") ?? "").split(",").filter((id) => UUID.test(id));
  const cp = p.get("commonProblemId");
  return { kind, rowIds, commonProblemId: cp && UUID.test(cp) ? cp : null };
}

const thisYear = new Date().getFullYear();
const YEARS = Array.from({ length: 6 }, (_, i) => thisYear - i);

export default function LettersPage() {
  const me = useMe();
  const office = me.can.manageRounds;
  const [params, setParams] = useSearchParams();
  const [kind, setKind] = useState<LetterKind | "all">("all");
  const [year, setYear] = useState<number | null>(null);
  const [status, setStatus] = useState<LetterStatus | null>(null);
  const [created, setCreated] = useState<LetterRequest | null>(null);
  const [replying, setReplying] = useState<Letter | null>(null);

  const list = useGet<{ items: Letter[] }>(withQuery("/api/letters", { kind: kind === "all" ? undefined : kind, year, status }));
  const figures = useGet<LetterFigures>(withQuery("/api/letters/figures", { year }));
  const reload = () => {
    list.reload();
    figures.reload();
  };

  // A link's request wins over the button's; both end when the form closes.
  const linked = useMemo(() => (office ? requestOf(params) : null), [office, params]);
  const request = linked ?? created;
  const openLetter = params.get("letter");
  const openId = openLetter && UUID.test(openLetter) ? openLetter : null;
  const setParam = (key: string, value: string | null) =>
    setParams(
      (p) => {
        const next = new URLSearchParams(p);
        if (value === null) next.delete(key);
        else next.set(key, value);
        return next;
      },
      { replace: true },
    );
  /** Ends the create request (the link's too); after a letter is sent, opens it. */
  const finishRequest = useCallback(
    (sentId: string | null) => {
      setCreated(null);
      setParams(
        (p) => {
          const next = new URLSearchParams(p);
          for (const k of ["new", "rowIds", "commonProblemId"]) next.delete(k);
          if (sentId) next.set("letter", sentId);
          return next;
        },
        { replace: true },
      );
    },
    [setParams],
  );
  const cancelRequest = useCallback(() => finishRequest(null), [finishRequest]);

  return (
    <Space direction="vertical" size="middle" style={{ width: "100%" }}>
      <Row gutter={[16, 16]}>
        {(figures.data?.byKind ?? []).map((f) => (
          <Col key={f.kind} xs={24} sm={12} lg={6}>
            <Card size="small" title={f.kindLabel}>
              <Space size="large">
                <Statistic title="制发" value={f.sent} valueStyle={{ fontSize: 20 }} />
                <Statistic title="已回复" value={f.replied} valueStyle={{ fontSize: 20 }} />
                <Statistic
                  title="逾期未回复"
                  value={f.overdue}
                  valueStyle={{ fontSize: 20, color: f.overdue ? "#cf1322" : undefined }}
                />
              </Space>
            </Card>
          </Col>
        ))}
      </Row>
      <Card
        size="small"
        extra={
          <Space wrap>
            <Select
              allowClear
              placeholder="年度"
              style={{ width: 110 }}
              value={year}
              onChange={(v) => setYear(v ?? null)}
              options={YEARS.map((y) => ({ value: y, label: `${y}年` }))}
            />
            <Select
              allowClear
              placeholder="回复状态"
              style={{ width: 130 }}
              value={status}
              onChange={(v) => setStatus(v ?? null)}
              options={LETTER_STATUSES.map((s) => ({ value: s, label: LETTER_STATUS_LABELS[s] }))}
            />
            <ExportButton<Letter>
              title="督办函件"
              rows={list.data?.items}
              columns={[
                { title: "种类", key: "kindLabel" },
                { title: "文号", key: "documentNumber" },
                { title: "主送", key: "addressee" },
                { title: "事由", key: "subject" },
                { title: "发出日期", key: "sentOn" },
                { title: "回复时限", key: "replyDue" },
                { title: "状态", key: "statusLabel" },
                { title: "回复日期", key: "repliedOn" },
                { title: "涉及条目数", key: "itemCount" },
              ]}
            />
            {office && (
              <Button
                type="primary"
                icon={<PlusOutlined />}
                onClick={() => setCreated({ kind: kind === "all" ? "supervision" : kind, rowIds: [], commonProblemId: null })}
              >
                制发函件
              </Button>
            )}
          </Space>
        }
        title={
          <Tabs
            activeKey={kind}
            onChange={(k) => setKind(k as LetterKind | "all")}
            items={[{ key: "all", label: "全部" }, ...LETTER_KINDS.map((k) => ({ key: k, label: LETTER_KIND_LABELS[k] }))]}
            style={{ marginBottom: -17 }}
          />
        }
      >
        <Table<Letter>
          rowKey="id"
          size="middle"
          loading={list.loading}
          dataSource={list.data?.items ?? []}
          pagination={{ pageSize: 20, hideOnSinglePage: true }}
          locale={{ emptyText: "暂无函件" }}
          onRow={(l) => ({ onDoubleClick: () => setParam("letter", l.id) })}
          columns={[
            {
              title: "文号",
              key: "number",
              width: 190,
              render: (_, l) => (
                <Space size={4} style={{ whiteSpace: "nowrap" }}>
                  <Typography.Text type="secondary">{l.kindLabel}</Typography.Text>
                  {l.documentNumber}
                </Space>
              ),
            },
            { title: "主送", dataIndex: "addressee", width: 180, ellipsis: { showTitle: true } },
            { title: "事由", dataIndex: "subject", ellipsis: { showTitle: true } },
            { title: "发出日期", dataIndex: "sentOn", width: 110, render: (v: string) => fmtDate(v) },
            { title: "回复时限", dataIndex: "replyDue", width: 110, render: (_, l) => <DueText letter={l} /> },
            { title: "状态", dataIndex: "statusLabel", width: 110, render: (_, l) => <StatusTag letter={l} /> },
            {
              title: "操作",
              key: "actions",
              width: 220,
              render: (_, l) => (
                <Space size={0}>
                  <Button type="link" size="small" onClick={() => setParam("letter", l.id)}>
                    详情
                  </Button>
                  <DocumentButtons kind={`${l.kind}_letter`} id={l.id} label="公文" size="small" />
                  {l.can.reply && (
                    <Button type="link" size="small" onClick={() => setReplying(l)}>
                      登记回复
                    </Button>
                  )}
                </Space>
              ),
            },
          ]}
        />
      </Card>
      <LetterFormModal
        request={request}
        onClose={cancelRequest}
        onSaved={(saved) => {
          finishRequest(saved.letter.id);
          reload();
        }}
      />
      <LetterReplyModal
        letter={replying}
        onClose={() => setReplying(null)}
        onSaved={() => {
          setReplying(null);
          reload();
        }}
      />
      <LetterDrawer letterId={openId} onClose={() => setParam("letter", null)} onChanged={reload} />
    </Space>
  );
}
