/**
 * 整改进展情况公告: pick an assignment (round → organisation), read the announcement the records write — internal
 * (党内版) or public with names masked (公开版) — as a document, print it, and write its next steps and contacts.
 */
import { EditOutlined, PrinterOutlined } from "@ant-design/icons";
import { Alert, Button, Card, Col, Empty, Form, Input, Row, Segmented, Select, Space, Spin, Statistic, Typography } from "antd";
import { useMemo, useState } from "react";
import { createPortal } from "react-dom";
import { useSearchParams } from "react-router-dom";
import {
  ANNOUNCEMENT_VERSION_LABELS,
  ANNOUNCEMENT_VERSIONS,
  DETAIL_FIELD_LABELS,
  type AnnouncementDetails,
  type AnnouncementVersion,
  type AnnouncementView,
} from "../../../domain/announcement.ts";
import { api, withQuery } from "../../api.ts";
import { DocumentButtons } from "../../components/DocumentButtons.tsx";
import { fmtDateTime } from "../../components/format.ts";
import { FormModal } from "../../components/FormModal.tsx";
import { useGet } from "../../components/useGet.ts";

interface Item {
  id: string;
  orgName: string;
  roundId: string;
  roundName: string;
  feedbackDate: string | null;
  can: { editDetails: boolean };
}

const SERIF = '"FangSong", "STFangsong", "仿宋", "仿宋_GB2312", "Songti SC", "SimSun", serif';
const HEI = '"SimHei", "STHeiti", "黑体", "Heiti SC", sans-serif';
const KAI = '"KaiTi", "STKaiti", "楷体", "Kaiti SC", serif';

/** On paper only the document: the app (#root) is hidden, the copy portalled into <body> is shown. */
const PRINT_CSS = `
.xc-print-root { display: none; }
@media print {
  @page { size: A4; margin: 25mm 22mm; }
  body { background: #fff !important; }
  body > *:not(.xc-print-root) { display: none !important; }
  .xc-print-root { display: block; }
  .xc-announcement { padding: 0 !important; font-size: 15pt !important; }
}
`;

function AnnouncementDocument({ doc }: { doc: AnnouncementView }) {
  return (
    <article
      className="xc-announcement"
      style={{ fontFamily: SERIF, fontSize: 16, lineHeight: 1.9, color: "#000", padding: "24px 40px" }}
    >
      <h1 style={{ fontFamily: HEI, fontSize: 22, fontWeight: 700, textAlign: "center", margin: "8px 0 24px", lineHeight: 1.5 }}>
        {doc.title}
      </h1>
      {doc.sections.map((s, i) => (
        <section key={i}>
          {s.heading && s.level === 1 && (
            <h2 style={{ fontFamily: HEI, fontSize: 17, margin: "12px 0 4px", textIndent: "2em" }}>{s.heading}</h2>
          )}
          {s.heading && s.level === 2 && (
            <h3 style={{ fontFamily: KAI, fontSize: 16, fontWeight: 700, margin: "8px 0 4px", textIndent: "2em" }}>
              {s.heading}
            </h3>
          )}
          {s.paragraphs.map((p, j) => (
            <p key={j} style={{ textIndent: "2em", margin: "0 0 4px", textAlign: "justify", whiteSpace: "pre-wrap" }}>
              {p}
            </p>
          ))}
        </section>
      ))}
      <div style={{ textAlign: "right", marginTop: 32, paddingRight: "2em" }}>
        <div>{doc.signature.issuer}</div>
        <div>{doc.signature.date}</div>
      </div>
    </article>
  );
}

function Figures({ f }: { f: AnnouncementView["figures"] }) {
  const card = (title: string, value: number, color?: string) => (
    <Col xs={12} sm={8} md={6} lg={4} key={title}>
      <Card size="small">
        <Statistic title={title} value={value} valueStyle={{ fontSize: 22, color }} />
      </Card>
    </Col>
  );
  return (
    <Space direction="vertical" size="small" style={{ width: "100%" }}>
      <Row gutter={[12, 12]}>
        {card("反馈方面", f.aspects)}
        {card("反馈问题（个）", f.problems)}
        {card("问题已完成整改", f.problemsDone, "#389e0d")}
        {card("问题取得明显成效", f.problemsSignificant, "#1677ff")}
        {card("问题持续推进", f.problemsOngoing, f.problemsOngoing ? "#d46b08" : undefined)}
      </Row>
      {f.rows !== f.problems && (
        <Row gutter={[12, 12]}>
          {card("细化整改任务（条）", f.rows)}
          {card("任务已完成（已销号）", f.rowsDone, "#389e0d")}
          {card("任务取得明显成效", f.rowsSignificant, "#1677ff")}
          {card("任务持续推进", f.rowsOngoing, f.rowsOngoing ? "#d46b08" : undefined)}
        </Row>
      )}
    </Space>
  );
}

type DetailValues = Record<Exclude<keyof AnnouncementDetails, "id" | "version" | "updatedAt">, string | undefined>;

function DetailsFormModal({
  open,
  assignmentId,
  details,
  onClose,
  onSaved,
}: {
  open: boolean;
  assignmentId: string;
  details: AnnouncementDetails;
  onClose: () => void;
  onSaved: () => void;
}) {
  const [form] = Form.useForm<DetailValues>();
  const initial: DetailValues = {
    issuer: details.issuer ?? undefined,
    nextSteps: details.nextSteps ?? undefined,
    contactPhone: details.contactPhone ?? undefined,
    contactAddress: details.contactAddress ?? undefined,
    contactPostcode: details.contactPostcode ?? undefined,
    contactEmail: details.contactEmail ?? undefined,
    contactHours: details.contactHours ?? undefined,
  };
  const field = (name: keyof DetailValues, max: number, extra?: string) => (
    <Form.Item name={name} label={DETAIL_FIELD_LABELS[name]} extra={extra} rules={[{ max, message: `不超过 ${max} 个字` }]}>
      <Input allowClear />
    </Form.Item>
  );
  return (
    <FormModal<DetailValues>
      open={open}
      title="编辑公告的下一步工作和联系方式"
      okText="保存"
      form={form}
      name="announcementDetails"
      width={720}
      initialValues={initial}
      onClose={onClose}
      onSubmit={async (v) => {
        const body = Object.fromEntries(Object.entries(v).map(([k, x]) => [k, typeof x === "string" ? x.trim() : null]));
        const res = await api.put<{ changed: boolean }>(`/api/assignments/${assignmentId}/announcement-details`, {
          ...body,
          version: details.version ?? undefined,
        });
        onSaved();
        return res.changed ? "已保存公告内容" : "内容没有变化";
      }}
    >
      {field("issuer", 100, "公告标题和落款中的发布单位，例如“中共××县委巡察机构”；不填则用被巡察单位名称")}
      <Form.Item
        name="nextSteps"
        label={DETAIL_FIELD_LABELS.nextSteps}
        extra="每行一段"
        rules={[{ max: 8000, message: "不超过 8000 个字" }]}
      >
        <Input.TextArea rows={8} />
      </Form.Item>
      <Row gutter={12}>
        <Col span={12}>{field("contactPhone", 60)}</Col>
        <Col span={12}>
          <Form.Item
            name="contactPostcode"
            label={DETAIL_FIELD_LABELS.contactPostcode}
            rules={[{ pattern: /^\d{6}$/, message: "邮政编码应为 6 位数字" }]}
          >
            <Input allowClear />
          </Form.Item>
        </Col>
      </Row>
      {field("contactAddress", 200)}
      <Row gutter={12}>
        <Col span={12}>
          <Form.Item
            name="contactEmail"
            label={DETAIL_FIELD_LABELS.contactEmail}
            rules={[
              { type: "email", message: "电子邮箱格式不正确" },
              { max: 100, message: "不超过 100 个字" },
            ]}
          >
            <Input allowClear />
          </Form.Item>
        </Col>
        <Col span={12}>{field("contactHours", 100)}</Col>
      </Row>
    </FormModal>
  );
}

export default function AnnouncementPage() {
  const [params, setParams] = useSearchParams();
  const [editing, setEditing] = useState(false);
  const list = useGet<{ items: Item[] }>("/api/announcements");
  const items = useMemo(() => list.data?.items ?? [], [list.data]);
  const rounds = useMemo(() => [...new Map(items.map((i) => [i.roundId, i.roundName])).entries()], [items]);

  const wanted = params.get("assignmentId");
  const current = items.find((i) => i.id === wanted) ?? items[0] ?? null;
  const roundId = params.get("roundId") ?? current?.roundId ?? null;
  const inRound = items.filter((i) => i.roundId === roundId);
  const selected = current && current.roundId === roundId ? current : (inRound[0] ?? null);
  const version: AnnouncementVersion = params.get("version") === "public" ? "public" : "internal";

  const set = (values: Record<string, string | null>) =>
    setParams(
      (p) => {
        const next = new URLSearchParams(p);
        for (const [k, v] of Object.entries(values)) {
          if (v === null) next.delete(k);
          else next.set(k, v);
        }
        return next;
      },
      { replace: true },
    );

  const doc = useGet<AnnouncementView>(selected ? withQuery(`/api/assignments/${selected.id}/announcement`, { version }) : null, {
    quietWhenEmpty: true,
  });
  const shown = doc.data && selected && doc.data.assignmentId === selected.id ? doc.data : undefined;

  if (list.loading && !list.data) return <Spin />;
  if (!items.length)
    return (
      <Card>
        <Empty description="暂无可查看的整改进展情况公告：登记反馈意见后，公告由整改台账自动生成" />
      </Card>
    );

  return (
    <Space direction="vertical" size="middle" style={{ width: "100%" }}>
      <style>{PRINT_CSS}</style>
      <Card size="small">
        <Space wrap size="middle">
          <Select
            style={{ width: 260 }}
            value={roundId ?? undefined}
            placeholder="巡察轮次"
            options={rounds.map(([id, name]) => ({ value: id, label: name }))}
            onChange={(v: string) => set({ roundId: v, assignmentId: items.find((i) => i.roundId === v)?.id ?? null })}
          />
          <Select
            style={{ width: 260 }}
            value={selected?.id}
            placeholder="被巡察单位"
            showSearch
            optionFilterProp="label"
            options={inRound.map((i) => ({ value: i.id, label: i.orgName }))}
            onChange={(v: string) => set({ assignmentId: v })}
          />
          <Segmented<AnnouncementVersion>
            value={version}
            options={ANNOUNCEMENT_VERSIONS.map((v) => ({ value: v, label: ANNOUNCEMENT_VERSION_LABELS[v] }))}
            onChange={(v) => set({ version: v })}
          />
          <Button icon={<PrinterOutlined />} disabled={!shown} onClick={() => window.print()}>
            打印
          </Button>
          <DocumentButtons kind="announcement" id={selected?.id} versions disabled={!shown} />
          {selected?.can.editDetails && (
            <Button type="primary" icon={<EditOutlined />} disabled={!shown} onClick={() => setEditing(true)}>
              编辑下一步工作和联系方式
            </Button>
          )}
        </Space>
      </Card>
      {version === "public" && (
        <Alert
          type="info"
          showIcon
          message="公开版已将记录中已知的人名（责任领导、单位书记和分管领导、系统用户、问责对象）替换为“姓+某”；正文中其他人名请在发布前核对。"
        />
      )}
      {!shown ? (
        <Card>{doc.failed ? <Empty description="该公告无法加载或您无权查看" /> : <Spin />}</Card>
      ) : (
        <>
          <Figures f={shown.figures} />
          <Card
            size="small"
            title={`${shown.versionLabel}预览`}
            extra={
              <Typography.Text type="secondary">
                数字截至 {shown.asOf}，由反馈意见和整改台账计算
                {shown.details.updatedAt ? `；公告内容 ${fmtDateTime(shown.details.updatedAt)} 修改` : ""}
              </Typography.Text>
            }
          >
            <AnnouncementDocument doc={shown} />
          </Card>
          {createPortal(
            <div className="xc-print-root">
              <AnnouncementDocument doc={shown} />
            </div>,
            document.body,
          )}
          {selected && (
            <DetailsFormModal
              open={editing}
              assignmentId={selected.id}
              details={shown.details}
              onClose={() => setEditing(false)}
              onSaved={() => {
                setEditing(false);
                doc.reload();
              }}
            />
          )}
        </>
      )}
    </Space>
  );
}
