/**
 * 登记反馈意见: aspects → problems → optional refined rows, each problem linking the findings it groups.
 * One submission creates the ledger rows; it can be made once per assignment.
 */
import { DeleteOutlined, PlusOutlined } from "@ant-design/icons";
import { Alert, Button, Card, DatePicker, Form, Input, Space, Typography, theme } from "antd";
import dayjs from "dayjs";
import { useMemo } from "react";
import { chineseOrdinal } from "../../../domain/feedback.ts";
import { api } from "../../api.ts";
import { keepEnterInDates } from "../../components/dateEnter.ts";
import { isoOf } from "../../components/format.ts";
import { useFormSubmit } from "../../components/useFormSubmit.ts";
import { useGet } from "../../components/useGet.ts";
import { ProblemFields } from "./ProblemFields.tsx";
import { totalsLine, type FeedbackFormValues, type FindingOption } from "./types.ts";

const emptyProblem = () => ({ text: "", findingIds: [], rows: [] });

function countsOf(aspects: FeedbackFormValues["aspects"] | undefined) {
  const list = aspects ?? [];
  const problems = list.flatMap((a) => a?.problems ?? []);
  return {
    aspects: list.length,
    problems: problems.length,
    rows: problems.reduce((n, p) => n + Math.max(1, p?.rows?.length ?? 0), 0),
  };
}

export function FeedbackForm({ assignmentId, onDone }: { assignmentId: string; onDone: () => void }) {
  const [form] = Form.useForm<FeedbackFormValues>();
  const { token } = theme.useToken();
  const found = useGet<{ items: FindingOption[] }>(`/api/assignments/${assignmentId}/findings`);
  const free = useMemo(() => (found.data?.items ?? []).filter((f) => !f.problemId), [found.data]);
  const aspects = Form.useWatch("aspects", form);
  const counts = countsOf(aspects);
  const taken = new Set((aspects ?? []).flatMap((a) => (a?.problems ?? []).flatMap((p) => p?.findingIds ?? [])));
  const linked = taken.size;

  const { saving, finish } = useFormSubmit(form, async (v) => {
    const body = {
      feedbackDate: isoOf(v.feedbackDate),
      aspects: v.aspects.map((a) => ({
        title: a.title?.trim() ?? "",
        problems: (a.problems ?? []).map((p) => ({
          text: p.text?.trim() ?? "",
          findingIds: p.findingIds ?? [],
          rows: (p.rows ?? []).map((r) => ({ text: r.text?.trim() ?? "" })),
        })),
      })),
    };
    const res = await api.post<{ aspects: number; problems: number; rows: number }>(
      `/api/assignments/${assignmentId}/feedback`,
      body,
    );
    onDone();
    return `已登记反馈意见：${res.aspects} 个方面 ${res.problems} 个问题，细化为 ${res.rows} 条`;
  });

  // Problems are numbered across aspects, as in the documents and the ledger's 序号.
  const firstNumbers: number[] = [];
  let next = 1;
  for (const a of aspects ?? []) {
    firstNumbers.push(next);
    next += a?.problems?.length ?? 0;
  }

  return (
    <Form<FeedbackFormValues>
      form={form}
      layout="vertical"
      onFinish={finish}
      onKeyDown={keepEnterInDates}
      initialValues={{ feedbackDate: dayjs(), aspects: [{ title: "", problems: [emptyProblem()] }] }}
      scrollToFirstError
    >
      <Alert
        type="info"
        showIcon
        style={{ marginBottom: 16 }}
        message="反馈意见尚未登记"
        description="按反馈意见的方面、问题逐项登记；每个问题可细化为多条整改任务，登记后生成整改台账，由被巡察单位填报整改。反馈意见只能登记一次，请核对后提交。"
      />
      <Form.Item name="feedbackDate" label="反馈日期" rules={[{ required: true, message: "请选择反馈日期" }]}>
        <DatePicker style={{ width: 200 }} />
      </Form.Item>
      <Form.List name="aspects">
        {(fields, { add, remove }) => (
          <>
            {fields.map((f, i) => (
              <Card
                key={f.key}
                size="small"
                style={{ marginBottom: 16 }}
                title={`${chineseOrdinal(i + 1)}、方面`}
                extra={
                  fields.length > 1 && (
                    <Button type="link" size="small" danger icon={<DeleteOutlined />} onClick={() => remove(f.name)}>
                      删除方面
                    </Button>
                  )
                }
              >
                <Form.Item
                  name={[f.name, "title"]}
                  label="方面标题"
                  rules={[{ required: true, whitespace: true, message: "请填写方面标题" }]}
                >
                  <Input maxLength={200} placeholder="如：学习贯彻党中央重大决策部署不够及时" />
                </Form.Item>
                <ProblemFields aspectIndex={f.name} firstNumber={firstNumbers[i] ?? 1} findings={free} taken={taken} />
              </Card>
            ))}
            <Button
              type="dashed"
              block
              icon={<PlusOutlined />}
              onClick={() => add({ title: "", problems: [emptyProblem()] })}
              style={{ marginBottom: 16 }}
            >
              添加方面
            </Button>
          </>
        )}
      </Form.List>
      <div
        style={{
          position: "sticky",
          bottom: 0,
          zIndex: 2,
          padding: "12px 0",
          background: token.colorBgContainer,
          borderTop: `1px solid ${token.colorBorderSecondary}`,
        }}
      >
        <Space size="large" wrap>
          <Button type="primary" htmlType="submit" loading={saving}>
            登记反馈意见
          </Button>
          <Typography.Text>{totalsLine(counts)}</Typography.Text>
          {found.data && (
            <Typography.Text type="secondary">
              已归并巡察发现问题 {linked} / {free.length} 条
            </Typography.Text>
          )}
        </Space>
      </div>
    </Form>
  );
}
