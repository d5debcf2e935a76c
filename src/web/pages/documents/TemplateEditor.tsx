/**
 * One kind's template: title, opening, closing and (for letters) the 发文字号代字, with the kind's placeholders to
 * click into the field being edited, a live preview of the document on sample values or on a chosen record, save
 * (refused with the unknown placeholder named) and 恢复默认.
 */
import { SaveOutlined, UndoOutlined } from "@ant-design/icons";
import { Alert, Button, Col, Form, Input, Popconfirm, Row, Segmented, Select, Space, Spin, Tag, Tooltip, Typography } from "antd";
import { useEffect, useRef, useState } from "react";
import { ANNOUNCEMENT_VERSION_LABELS, ANNOUNCEMENT_VERSIONS, type AnnouncementVersion } from "../../../domain/announcement.ts";
import { DOCUMENT_SOURCE, LETTER_DOCUMENT_KINDS, type DocumentKind } from "../../../domain/documents.ts";
import { api, ApiError, withQuery } from "../../api.ts";
import { fmtDateTime } from "../../components/format.ts";
import { useApiError } from "../../components/useApiError.ts";
import { useFormSubmit } from "../../components/useFormSubmit.ts";
import { useGet } from "../../components/useGet.ts";
import { DocumentPreview } from "./DocumentPreview.tsx";
import type { Preview, TemplateView } from "./types.ts";

type Field = "title" | "opening" | "closing";
interface Values {
  title: string;
  opening: string;
  closing: string;
  numberPrefix?: string;
}

interface RecordOption {
  value: string;
  label: string;
}

/** Where the records a kind is made from are listed, and how each is named in the picker. */
function recordsUrl(kind: DocumentKind): string | null {
  const source = DOCUMENT_SOURCE[kind];
  if (source === "assignment") return "/api/announcements";
  if (source === "plan") return "/api/plans";
  if (source === "round") return "/api/rounds";
  if (source === "letter")
    return withQuery("/api/letters", { kind: LETTER_DOCUMENT_KINDS[kind as keyof typeof LETTER_DOCUMENT_KINDS] });
  return null;
}

type Listed = {
  id: string | null;
  name?: string;
  orgName?: string;
  roundName?: string;
  kindLabel?: string;
  documentNumber?: string;
  addressee?: string;
};
const optionOf = (i: Listed): RecordOption | null => {
  if (!i.id) return null;
  if (i.documentNumber) return { value: i.id, label: `${i.kindLabel ?? ""}${i.documentNumber} ${i.addressee ?? ""}` };
  if (i.orgName) return { value: i.id, label: `${i.orgName}（${i.roundName ?? ""}）` };
  return { value: i.id, label: i.name ?? i.id };
};

const FIELD_LABELS: Record<Field, string> = { title: "标题", opening: "开头（每行一段）", closing: "结尾（每行一段）" };

export function TemplateEditor({
  template: t,
  refresh,
  onSaved,
}: {
  template: TemplateView;
  refresh: number;
  onSaved: () => void;
}) {
  const [form] = Form.useForm<Values>();
  const showError = useApiError();
  const [recordId, setRecordId] = useState<string | undefined>();
  const [version, setVersion] = useState<AnnouncementVersion>("public");
  const [preview, setPreview] = useState<Preview | null>(null);
  const [previewing, setPreviewing] = useState(false);
  const [resetting, setResetting] = useState(false);
  const focused = useRef<{ field: Field; el: HTMLInputElement | HTMLTextAreaElement } | null>(null);
  const records = useGet<{ items: Listed[] }>(recordsUrl(t.kind));
  const options = (records.data?.items ?? []).map(optionOf).filter((o): o is RecordOption => o !== null);

  const title = Form.useWatch("title", form);
  const opening = Form.useWatch("opening", form);
  const closing = Form.useWatch("closing", form);
  const numberPrefix = Form.useWatch("numberPrefix", form);

  // The preview follows the text being typed, a moment after the typing stops.
  useEffect(() => {
    let live = true;
    const timer = setTimeout(() => {
      setPreviewing(true);
      api
        .post<Preview>(`/api/document-templates/${t.kind}/preview`, {
          title: title ?? t.title,
          opening: opening ?? t.opening,
          closing: closing ?? t.closing,
          numberPrefix: t.numbered ? (numberPrefix ?? t.numberPrefix ?? "") : undefined,
          recordId: recordId ?? null,
          version,
        })
        .then(
          (p) => live && setPreview(p),
          (e: unknown) => live && showError(e),
        )
        .finally(() => live && setPreviewing(false));
    }, 400);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [t, title, opening, closing, numberPrefix, recordId, version, refresh, showError]);

  const { saving, finish } = useFormSubmit(
    form,
    async (v) => {
      await api.put(`/api/document-templates/${t.kind}`, {
        title: v.title,
        opening: v.opening ?? "",
        closing: v.closing ?? "",
        numberPrefix: t.numbered ? v.numberPrefix?.trim() || null : null,
        version: t.version ?? undefined,
      });
      onSaved();
      return `${t.kindLabel}模板已保存`;
    },
    {
      // The server names the fields at fault (unknown placeholders, stray braces): mark them, and show the message.
      onError: (e) => {
        const fields =
          e instanceof ApiError ? (e.details as { fields?: Array<{ field: Field; message: string }> })?.fields : null;
        if (fields?.length) form.setFields(fields.map((f) => ({ name: f.field, errors: [f.message] })));
        return false;
      },
    },
  );

  const insert = (name: string) => {
    const target = focused.current ?? { field: "opening" as Field, el: null };
    const current = form.getFieldValue(target.field) ?? "";
    const token = `{{${name}}}`;
    const start = target.el?.selectionStart ?? current.length;
    const end = target.el?.selectionEnd ?? current.length;
    form.setFieldValue(target.field, current.slice(0, start) + token + current.slice(end));
    form.setFields([{ name: target.field, errors: [] }]);
    const el = target.el;
    if (el)
      requestAnimationFrame(() => {
        el.focus();
        el.setSelectionRange(start + token.length, start + token.length);
      });
  };
  const track = (field: Field) => ({
    onFocus: (e: React.FocusEvent<HTMLInputElement | HTMLTextAreaElement>) => {
      focused.current = { field, el: e.target };
    },
  });

  const reset = async () => {
    setResetting(true);
    try {
      await api.post(`/api/document-templates/${t.kind}/reset`, {});
      onSaved();
    } catch (e) {
      showError(e);
    } finally {
      setResetting(false);
    }
  };

  return (
    <Row gutter={24}>
      <Col xs={24} xl={11}>
        <Form<Values>
          form={form}
          name={`template-${t.kind}`}
          layout="vertical"
          initialValues={{ title: t.title, opening: t.opening, closing: t.closing, numberPrefix: t.numberPrefix ?? "" }}
          onFinish={finish}
        >
          <Form.Item
            name="title"
            label={FIELD_LABELS.title}
            rules={[{ required: true, whitespace: true, message: "请填写标题" }]}
          >
            <Input {...track("title")} />
          </Form.Item>
          <Form.Item name="opening" label={FIELD_LABELS.opening}>
            <Input.TextArea autoSize={{ minRows: 4, maxRows: 12 }} {...track("opening")} />
          </Form.Item>
          <Typography.Paragraph type="secondary" style={{ marginTop: -12 }}>
            开头与结尾之间是由记录生成的正文（{t.kindLabel}的问题、条目、表格等）。
          </Typography.Paragraph>
          <Form.Item name="closing" label={FIELD_LABELS.closing}>
            <Input.TextArea autoSize={{ minRows: 2, maxRows: 10 }} {...track("closing")} />
          </Form.Item>
          <Form.Item
            name="numberPrefix"
            label="发文字号代字"
            extra={t.numbered ? "发文字号 = 代字 + 〔年份〕 + 函件编号，如“县巡督〔2024〕3号”" : "该类公文不编发文字号"}
          >
            <Input disabled={!t.numbered} style={{ width: 200 }} />
          </Form.Item>
          <div style={{ marginBottom: 16 }}>
            <Typography.Text strong>可用的占位符</Typography.Text>
            <Typography.Text type="secondary">（点击插入到光标处）</Typography.Text>
            <div style={{ marginTop: 8, display: "flex", flexWrap: "wrap", gap: 6 }}>
              {t.placeholders.map((p) => (
                <Tooltip key={p.name} title={p.description}>
                  <Tag
                    color="blue"
                    style={{ cursor: "pointer", marginInlineEnd: 0 }}
                    onMouseDown={(e) => e.preventDefault()}
                    onClick={() => insert(p.name)}
                  >
                    {`{{${p.name}}}`}
                  </Tag>
                </Tooltip>
              ))}
            </div>
          </div>
          <Space wrap>
            <Button type="primary" htmlType="submit" icon={<SaveOutlined />} loading={saving}>
              保存模板
            </Button>
            <Popconfirm
              title="恢复默认模板？"
              description="已保存的模板将停用，改用系统默认的文字。"
              okText="恢复默认"
              cancelText="取消"
              disabled={t.isDefault}
              onConfirm={reset}
            >
              <Button icon={<UndoOutlined />} disabled={t.isDefault} loading={resetting}>
                恢复默认
              </Button>
            </Popconfirm>
            <Typography.Text type="secondary">
              {t.isDefault ? "正在使用默认模板" : `已保存（第${t.version}版，${fmtDateTime(t.updatedAt)}）`}
            </Typography.Text>
          </Space>
        </Form>
      </Col>
      <Col xs={24} xl={13}>
        <Space wrap style={{ marginBottom: 8 }}>
          {recordsUrl(t.kind) && (
            <Select
              allowClear
              showSearch
              optionFilterProp="label"
              style={{ width: 320 }}
              placeholder="以示例数据预览；或选择一条记录"
              loading={records.loading}
              value={recordId}
              options={options}
              onChange={(v?: string) => setRecordId(v)}
            />
          )}
          {t.kind === "announcement" && (
            <Segmented<AnnouncementVersion>
              value={version}
              options={ANNOUNCEMENT_VERSIONS.map((v) => ({ value: v, label: ANNOUNCEMENT_VERSION_LABELS[v] }))}
              onChange={setVersion}
            />
          )}
          {previewing && <Spin size="small" />}
        </Space>
        {preview?.problems.length ? (
          <Alert
            type="error"
            showIcon
            style={{ marginBottom: 8 }}
            message="模板有误，不能保存"
            description={
              <ul style={{ margin: 0, paddingLeft: 18 }}>
                {preview.problems.map((p, i) => (
                  <li key={i}>{p.message}</li>
                ))}
              </ul>
            }
          />
        ) : null}
        {preview ? <DocumentPreview doc={preview.document} /> : <Spin style={{ display: "block", margin: "80px auto" }} />}
      </Col>
    </Row>
  );
}
