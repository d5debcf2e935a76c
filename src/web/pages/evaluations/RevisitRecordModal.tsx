/** 登记核查结果: confirmed, unfinished, or a relapse (which reopens the closed ledger row). */
import { Alert, DatePicker, Form, Input, Radio } from "antd";
import dayjs, { type Dayjs } from "dayjs";
import { REVISIT_FOUND_WHERE, REVISIT_RECORD_RESULTS, REVISIT_RESULT_LABELS } from "../../../domain/evaluation.ts";
import { api } from "../../api.ts";
import { dayOf, isoOf, todayInChina } from "../../components/format.ts";
import { FormModal } from "../../components/FormModal.tsx";
import type { RevisitItem } from "./types.ts";

interface Values {
  result: (typeof REVISIT_RECORD_RESULTS)[number];
  finding: string;
  checkedOn: Dayjs;
  foundWhere?: string;
}

export function RevisitRecordModal({
  item,
  drawnOn,
  onClose,
  onSaved,
}: {
  item: RevisitItem | null;
  drawnOn: string | undefined;
  onClose: () => void;
  onSaved: () => void;
}) {
  const [form] = Form.useForm<Values>();
  const result = Form.useWatch("result", form);
  const today = todayInChina();
  const closed = item?.status === "closed";
  const options = REVISIT_RECORD_RESULTS.map((r) => ({
    value: r,
    label: REVISIT_RESULT_LABELS[r],
    disabled: r === "relapse" && !closed,
  }));

  return (
    <FormModal<Values>
      open={item !== null}
      title={`登记核查结果：${item?.orgName ?? ""} 第${item?.seqLabel ?? ""}条`}
      okText={result === "relapse" ? "认定反弹并重新打开" : "保存"}
      danger={result === "relapse"}
      form={form}
      name="revisitRecordForm"
      destroyOnHidden
      initialValues={
        item
          ? {
              result: item.result === "pending" ? "confirmed" : item.result,
              finding: item.finding ?? undefined,
              checkedOn: dayOf(item.checkedOn) ?? dayjs(today),
            }
          : undefined
      }
      onClose={onClose}
      onSubmit={async (v) => {
        if (!item) return;
        await api.post(`/api/revisit-items/${item.id}`, {
          result: v.result,
          finding: v.finding.trim(),
          checkedOn: isoOf(v.checkedOn),
          foundWhere: v.result === "relapse" ? v.foundWhere?.trim() || null : null,
          version: item.version,
        });
        onSaved();
        return v.result === "relapse" ? "已认定问题反弹，台账条目已重新打开" : "已登记核查结果";
      }}
    >
      {item && (
        <Alert type="info" style={{ marginBottom: 16 }} message={item.text} description={`台账状态：${item.statusLabel}`} />
      )}
      <Form.Item
        name="result"
        label="核查结果"
        rules={[{ required: true, message: "请选择核查结果" }]}
        extra={closed ? "认定反弹将重新打开该已销号条目" : "该条目尚未销号，不能认定为问题反弹"}
      >
        <Radio.Group optionType="button" options={options} />
      </Form.Item>
      <Form.Item
        name="finding"
        label="核查情况"
        rules={[
          { required: true, whitespace: true, message: "请填写核查情况" },
          { max: 1000, message: "不能超过 1000 个字" },
        ]}
      >
        <Input.TextArea rows={3} />
      </Form.Item>
      <Form.Item name="checkedOn" label="核查日期" rules={[{ required: true, message: "请选择核查日期" }]}>
        <DatePicker
          style={{ width: "100%" }}
          disabledDate={(d) => d.format("YYYY-MM-DD") > today || (!!drawnOn && d.format("YYYY-MM-DD") < drawnOn)}
        />
      </Form.Item>
      {result === "relapse" && (
        <Form.Item name="foundWhere" label="发现途径" rules={[{ max: 200, message: "不能超过 200 个字" }]}>
          <Input placeholder={REVISIT_FOUND_WHERE} />
        </Form.Item>
      )}
    </FormModal>
  );
}
