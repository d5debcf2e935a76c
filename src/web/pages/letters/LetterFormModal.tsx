/**
 * 制发函件: kind, addressee (text, with the organisation or account that will see and answer it), subject, body,
 * dates, and the ledger rows or feedback problems it concerns. Opens pre-filled from a draft the server suggests
 * (the rows a warning named, or the problems of a common problem).
 */
import { Alert, DatePicker, Form, Input, Select, Spin } from "antd";
import type { Dayjs } from "dayjs";
import { useEffect } from "react";
import { LETTER_KIND_LABELS, LETTER_KINDS, type LetterKind } from "../../../domain/letter.ts";
import { api, withQuery } from "../../api.ts";
import { dayOf, isoOf } from "../../components/format.ts";
import { FormModal } from "../../components/FormModal.tsx";
import { OrgTreeSelect } from "../../components/OrgTreeSelect.tsx";
import { useGet } from "../../components/useGet.ts";
import { LedgerPicker } from "./LedgerPicker.tsx";
import { itemLabel, letterTitle, type LetterDetail, type LetterDraft, type LetterRequest } from "./types.ts";

interface Values {
  kind: LetterKind;
  addressee: string;
  addresseeOrgId?: string;
  addresseeUserId?: string;
  subject: string;
  body?: string;
  sentOn: Dayjs;
  replyDue?: Dayjs | null;
  rowIds: string[];
  problemIds: string[];
}

export function LetterFormModal({
  request,
  onClose,
  onSaved,
}: {
  request: LetterRequest | null;
  onClose: () => void;
  onSaved: (saved: LetterDetail) => void;
}) {
  const [form] = Form.useForm<Values>();
  const draft = useGet<LetterDraft>(
    request
      ? withQuery("/api/letters/draft", {
          kind: request.kind,
          rowIds: request.rowIds.join(","),
          commonProblemId: request.commonProblemId,
        })
      : null,
  );
  const people = useGet<{ items: Array<{ id: string; username: string; displayName: string }> }>(request ? "/api/people" : null);
  const d = request && !draft.loading ? draft.data : undefined;
  // A draft that cannot be made (its message is shown) leaves nothing to open.
  const failed = request !== null && draft.failed;
  useEffect(() => {
    if (failed) onClose();
  }, [failed, onClose]);

  return (
    <>
      {/* While the draft loads, a spinner stands in for the form. */}
      {request && !d && !draft.failed && <Spin fullscreen />}
      <FormModal<Values>
        open={d !== undefined}
        title={d?.commonProblemTitle ? `制发巡察建议书：${d.commonProblemTitle}` : "制发函件"}
        okText="制发"
        form={form}
        name="letterForm"
        width={760}
        destroyOnHidden
        initialValues={
          d && {
            kind: d.kind,
            addressee: d.addressee ?? undefined,
            addresseeOrgId: d.addresseeOrgId ?? undefined,
            subject: d.subject ?? undefined,
            sentOn: dayOf(d.sentOn)!,
            rowIds: d.rows.map((r) => r.rowId!),
            problemIds: d.problems.map((p) => p.problemId!),
          }
        }
        onClose={onClose}
        onSubmit={async (v) => {
          const saved = await api.post<LetterDetail>("/api/letters", {
            kind: v.kind,
            addressee: v.addressee.trim(),
            addresseeOrgId: v.addresseeOrgId ?? null,
            addresseeUserId: v.addresseeUserId ?? null,
            subject: v.subject.trim(),
            body: v.body?.trim() || null,
            sentOn: isoOf(v.sentOn),
            replyDue: isoOf(v.replyDue) ?? null,
            rowIds: v.rowIds ?? [],
            problemIds: v.problemIds ?? [],
            commonProblemId: d?.commonProblemId ?? null,
          });
          onSaved(saved);
          return `已制发${letterTitle(saved.letter)}`;
        }}
      >
        {d?.commonProblemTitle && (
          <Alert
            type="info"
            showIcon
            style={{ marginBottom: 16 }}
            message={`关于共性问题“${d.commonProblemTitle}”，已列入其涉及的 ${d.problems.length} 个反馈问题`}
          />
        )}
        <Form.Item name="kind" label="函件类型" rules={[{ required: true, message: "请选择函件类型" }]}>
          <Select options={LETTER_KINDS.map((k) => ({ value: k, label: LETTER_KIND_LABELS[k] }))} />
        </Form.Item>
        <Form.Item
          name="addressee"
          label="主送单位（人）"
          rules={[
            { required: true, whitespace: true, message: "请填写主送单位（人）" },
            { max: 200, message: "不能超过 200 个字" },
          ]}
        >
          <Input />
        </Form.Item>
        <Form.Item name="addresseeOrgId" label="主送单位" extra="选择后，该单位联络人及其分管（联系）领导可查看并回复">
          <OrgTreeSelect
            optional
            onPick={(org) => {
              if (org && !form.getFieldValue("addressee")) form.setFieldValue("addressee", org.name);
            }}
          />
        </Form.Item>
        <Form.Item name="addresseeUserId" label="主送账号" extra="选择后，该账号可查看并回复（如分管领导、职能部门）">
          <Select
            allowClear
            showSearch
            optionFilterProp="label"
            loading={people.loading}
            placeholder="可不选"
            options={(people.data?.items ?? []).map((p) => ({ value: p.id, label: `${p.displayName}（${p.username}）` }))}
          />
        </Form.Item>
        <Form.Item
          name="subject"
          label="事由"
          rules={[
            { required: true, whitespace: true, message: "请填写事由" },
            { max: 200, message: "不能超过 200 个字" },
          ]}
        >
          <Input />
        </Form.Item>
        <Form.Item name="body" label="正文" rules={[{ max: 20000, message: "不能超过 20000 个字" }]}>
          <Input.TextArea rows={5} />
        </Form.Item>
        <Form.Item style={{ marginBottom: 0 }}>
          <Form.Item
            name="sentOn"
            label="发出日期"
            rules={[{ required: true, message: "请选择发出日期" }]}
            style={{ display: "inline-block", width: "calc(50% - 8px)", marginRight: 16 }}
          >
            <DatePicker style={{ width: "100%" }} />
          </Form.Item>
          <Form.Item
            name="replyDue"
            label="回复时限"
            extra={d ? `不填则为发出日期后的规定工作日数（如今日发出为 ${d.replyDue}）` : undefined}
            style={{ display: "inline-block", width: "calc(50% - 8px)" }}
          >
            <DatePicker style={{ width: "100%" }} placeholder="按规定自动计算" />
          </Form.Item>
        </Form.Item>
        <Form.Item name="rowIds" label="涉及的台账条目">
          <LedgerPicker pick="row" known={d?.rows.map((r) => ({ value: r.rowId!, label: itemLabel(r) }))} />
        </Form.Item>
        <Form.Item
          name="problemIds"
          label="涉及的反馈问题"
          dependencies={["rowIds"]}
          rules={[
            ({ getFieldValue }) => ({
              validator: (_, v?: string[]) =>
                (v?.length ?? 0) + ((getFieldValue("rowIds") as string[] | undefined)?.length ?? 0) > 0
                  ? Promise.resolve()
                  : Promise.reject(new Error("请至少选择一个台账条目或反馈问题")),
            }),
          ]}
        >
          <LedgerPicker pick="problem" known={d?.problems.map((p) => ({ value: p.problemId!, label: itemLabel(p) }))} />
        </Form.Item>
      </FormModal>
    </>
  );
}
