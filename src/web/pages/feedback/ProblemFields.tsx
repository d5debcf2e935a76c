/** One aspect's problems in the registration form: text, linked findings, optional refined rows. */
import { DeleteOutlined, PlusOutlined } from "@ant-design/icons";
import { Button, Form, Input, Select, Space, Typography, theme } from "antd";
import type { FindingOption } from "./types.ts";

interface Props {
  /** The aspect's index in the form's aspects list. */
  aspectIndex: number;
  /** The number the aspect's first problem gets (problems are numbered across aspects). */
  firstNumber: number;
  findings: FindingOption[];
  /** Findings already linked to some problem in the form (chosen elsewhere → disabled here). */
  taken: Set<string>;
}

export function ProblemFields({ aspectIndex, firstNumber, findings, taken }: Props) {
  const { token } = theme.useToken();
  const form = Form.useFormInstance();
  return (
    <Form.List name={[aspectIndex, "problems"]}>
      {(problems, { add, remove }) => (
        <>
          {problems.map((p, pi) => {
            const mine = new Set<string>(form.getFieldValue(["aspects", aspectIndex, "problems", p.name, "findingIds"]) ?? []);
            return (
              <div
                key={p.key}
                style={{
                  border: `1px solid ${token.colorBorderSecondary}`,
                  borderRadius: 6,
                  padding: "12px 12px 0",
                  marginBottom: 12,
                }}
              >
                <div style={{ display: "flex", justifyContent: "space-between", marginBottom: 8 }}>
                  <Typography.Text strong>问题 {firstNumber + pi}</Typography.Text>
                  {problems.length > 1 && (
                    <Button type="link" size="small" danger icon={<DeleteOutlined />} onClick={() => remove(p.name)}>
                      删除问题
                    </Button>
                  )}
                </div>
                <Form.Item name={[p.name, "text"]} rules={[{ required: true, whitespace: true, message: "请填写问题" }]}>
                  <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} maxLength={4000} placeholder="反馈意见中表述的问题" />
                </Form.Item>
                <Form.Item name={[p.name, "findingIds"]} label="归并的巡察发现问题">
                  <Select
                    mode="multiple"
                    allowClear
                    placeholder={findings.length ? "选择本问题归并的巡察发现问题（可多选）" : "暂无未归并的巡察发现问题"}
                    optionFilterProp="label"
                    options={findings.map((f) => ({
                      value: f.id,
                      label: `【${f.categoryLabel}】${f.text}`,
                      disabled: taken.has(f.id) && !mine.has(f.id),
                    }))}
                  />
                </Form.Item>
                <Form.List name={[p.name, "rows"]}>
                  {(rows, rowOps) => (
                    <Form.Item
                      label="细化整改任务"
                      extra={rows.length ? `将登记为 ${rows.length} 条台账条目` : "不细化则按问题本身登记为一条"}
                    >
                      {rows.map((r, ri) => (
                        <Space key={r.key} align="start" style={{ display: "flex", marginBottom: 8 }}>
                          <Typography.Text type="secondary" style={{ display: "inline-block", width: 44, lineHeight: "32px" }}>
                            {firstNumber + pi}.{ri + 1}
                          </Typography.Text>
                          <Form.Item
                            name={[r.name, "text"]}
                            noStyle
                            rules={[{ required: true, whitespace: true, message: "请填写细化问题" }]}
                          >
                            <Input.TextArea
                              autoSize={{ minRows: 1, maxRows: 4 }}
                              maxLength={4000}
                              style={{ width: 520 }}
                              placeholder="细化后的具体问题"
                            />
                          </Form.Item>
                          <Button
                            type="text"
                            danger
                            icon={<DeleteOutlined />}
                            onClick={() => rowOps.remove(r.name)}
                            aria-label="删除细化任务"
                          />
                        </Space>
                      ))}
                      <Button type="dashed" size="small" icon={<PlusOutlined />} onClick={() => rowOps.add({ text: "" })}>
                        添加细化任务
                      </Button>
                    </Form.Item>
                  )}
                </Form.List>
              </div>
            );
          })}
          <Button type="dashed" block icon={<PlusOutlined />} onClick={() => add({ text: "", findingIds: [], rows: [] })}>
            添加问题
          </Button>
        </>
      )}
    </Form.List>
  );
}
