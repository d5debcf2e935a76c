/** 系统设置 (system administrator): every rule the office may tune, with limits from the shared schema. */
import { SaveOutlined, UndoOutlined } from "@ant-design/icons";
import { Button, Card, Empty, Form, Input, InputNumber, Space, Spin } from "antd";
import type { Rule } from "antd/es/form";
import { useEffect } from "react";
import { DEFAULT_SETTINGS, SETTING_LABELS, settingsSchema, type Settings } from "../../../domain/settings.ts";
import { api } from "../../api.ts";
import { useFormSubmit } from "../../components/useFormSubmit.ts";
import { useGet } from "../../components/useGet.ts";

type Key = keyof Settings;
const KEYS = Object.keys(settingsSchema.shape) as Key[];

interface Limits {
  kind: "number" | "string";
  min: number | null;
  max: number | null;
}

function limitsOf(key: Key): Limits {
  const s = settingsSchema.shape[key] as unknown as {
    def: { type: string };
    minValue?: number | null;
    maxValue?: number | null;
    minLength?: number | null;
    maxLength?: number | null;
  };
  return s.def.type === "number"
    ? { kind: "number", min: s.minValue ?? null, max: s.maxValue ?? null }
    : { kind: "string", min: s.minLength ?? null, max: s.maxLength ?? null };
}

function rulesFor(label: string, l: Limits): Rule[] {
  if (l.kind === "string") {
    return [
      { required: true, whitespace: true, message: `请填写${label}` },
      ...(l.max !== null ? [{ max: l.max, message: `不能超过 ${l.max} 个字符` }] : []),
    ];
  }
  const range = `应为 ${l.min ?? "-∞"} 至 ${l.max ?? "∞"} 之间的整数`;
  return [
    { required: true, message: `请填写${label}` },
    { type: "integer", message: range },
    ...(l.min !== null ? [{ type: "number" as const, min: l.min, message: range }] : []),
    ...(l.max !== null ? [{ type: "number" as const, max: l.max, message: range }] : []),
  ];
}

export default function SettingsPage() {
  const { data, loading, reload } = useGet<{ settings: Partial<Settings>; labels?: Partial<Record<Key, string>> }>(
    "/api/settings",
  );
  const [form] = Form.useForm<Settings>();

  useEffect(() => {
    if (data) form.setFieldsValue(data.settings);
  }, [data, form]);

  const labelOf = (k: Key) => data?.labels?.[k] ?? SETTING_LABELS[k];

  const { saving, finish } = useFormSubmit(form, async (v) => {
    const body = { ...v, officeName: typeof v.officeName === "string" ? v.officeName.trim() : v.officeName };
    const res = await api.put<{ settings?: Settings }>("/api/settings", body);
    if (res?.settings) form.setFieldsValue(res.settings);
    return "设置已保存";
  });

  if (!data && loading) {
    return (
      <Card title="系统设置">
        <Spin />
      </Card>
    );
  }
  if (!data) {
    return (
      <Card title="系统设置">
        <Empty description="未能加载系统设置">
          <Button onClick={reload}>重试</Button>
        </Empty>
      </Card>
    );
  }

  return (
    <Card title="系统设置">
      <Form<Settings>
        name="settingsForm"
        form={form}
        layout="horizontal"
        labelCol={{ flex: "220px" }}
        wrapperCol={{ flex: "320px" }}
        onFinish={finish}
      >
        {KEYS.map((k) => {
          const l = limitsOf(k);
          const label = labelOf(k);
          return (
            <Form.Item
              key={k}
              name={k}
              label={label}
              rules={rulesFor(label, l)}
              extra={`默认值：${String(DEFAULT_SETTINGS[k] ?? "—")}${l.kind === "number" && l.min !== null && l.max !== null ? `；可设 ${l.min}–${l.max}` : ""}`}
            >
              {l.kind === "number" ? (
                <InputNumber min={l.min ?? undefined} max={l.max ?? undefined} precision={0} style={{ width: 160 }} />
              ) : (
                <Input maxLength={l.max ?? undefined} />
              )}
            </Form.Item>
          );
        })}
        <Form.Item label=" " colon={false}>
          <Space>
            <Button type="primary" htmlType="submit" icon={<SaveOutlined />} loading={saving}>
              保存
            </Button>
            <Button icon={<UndoOutlined />} onClick={() => form.setFieldsValue(data.settings)}>
              撤销修改
            </Button>
          </Space>
        </Form.Item>
      </Form>
    </Card>
  );
}
