/** 相似问题推荐: findings of different organisations with similar wording, proposed as common problems. */
import { Alert, Button, Card, Col, Empty, List, Row, Select, Slider, Space, Spin, Tag, Typography } from "antd";
import { useEffect, useState } from "react";
import { DEFAULT_SIMILARITY_THRESHOLD, MAX_SIMILARITY_THRESHOLD, MIN_SIMILARITY_THRESHOLD } from "../../../domain/common.ts";
import { withQuery } from "../../api.ts";
import { useGet } from "../../components/useGet.ts";
import type { Candidates, CandidateGroup } from "./types.ts";

interface RoundItem {
  id: string;
  name: string;
  termName?: string;
}

export function CandidatesTab({ onAccept, reloadKey }: { onAccept: (g: CandidateGroup) => void; reloadKey: number }) {
  const [roundId, setRoundId] = useState<string | null>(null);
  const [slider, setSlider] = useState(DEFAULT_SIMILARITY_THRESHOLD);
  const [threshold, setThreshold] = useState(DEFAULT_SIMILARITY_THRESHOLD);
  const rounds = useGet<{ items: RoundItem[] }>("/api/rounds");
  const { data, loading, reload } = useGet<Candidates>(withQuery("/api/common-problems/candidates", { roundId, threshold }));
  // An accepted proposal leaves the list: ask again after each acceptance.
  useEffect(() => {
    if (reloadKey > 0) reload();
  }, [reloadKey, reload]);

  return (
    <Space direction="vertical" size="middle" style={{ width: "100%" }}>
      <Card size="small">
        <Space wrap size="large" align="center">
          <Space>
            <Typography.Text>巡察轮次</Typography.Text>
            <Select
              style={{ width: 240 }}
              value={roundId ?? ""}
              loading={rounds.loading}
              onChange={(v) => setRoundId(v || null)}
              options={[
                { value: "", label: "全部轮次" },
                ...(rounds.data?.items ?? []).map((r) => ({
                  value: r.id,
                  label: r.termName ? `${r.termName} ${r.name}` : r.name,
                })),
              ]}
            />
          </Space>
          <Space style={{ minWidth: 360 }}>
            <Typography.Text>相似度阈值</Typography.Text>
            <Slider
              style={{ width: 220 }}
              min={MIN_SIMILARITY_THRESHOLD}
              max={MAX_SIMILARITY_THRESHOLD}
              step={0.01}
              value={slider}
              onChange={setSlider}
              onChangeComplete={setThreshold}
              marks={{ [DEFAULT_SIMILARITY_THRESHOLD]: "默认" }}
            />
            <Typography.Text strong>{slider.toFixed(2)}</Typography.Text>
          </Space>
        </Space>
        <Typography.Paragraph type="secondary" style={{ margin: "8px 0 0" }}>
          按问题描述的用词（分词后加权）比较不同单位的问题，把含义相近的归为一组；阈值越高，推荐越少越准，阈值越低，推荐越多越宽。已归入共性问题的问题不再推荐。
        </Typography.Paragraph>
      </Card>
      <Spin spinning={loading}>
        {data && (
          <Alert
            type="info"
            showIcon
            style={{ marginBottom: 12 }}
            message={`比较了 ${data.considered} 条尚未归入共性问题的问题，推荐 ${data.groups.length} 组`}
          />
        )}
        {data && data.groups.length === 0 && <Empty description="没有达到相似度阈值的问题组，可降低阈值后再看" />}
        <Row gutter={[12, 12]}>
          {(data?.groups ?? []).map((g) => (
            <Col key={g.findings.map((f) => f.id).join()} xs={24} xl={12}>
              <Card
                size="small"
                title={g.suggestedTitle}
                extra={
                  <Space>
                    <Tag color="geekblue">相似度 {g.score.toFixed(2)}</Tag>
                    <Button type="primary" size="small" onClick={() => onAccept(g)}>
                      采纳
                    </Button>
                  </Space>
                }
              >
                <Space wrap style={{ marginBottom: 8 }}>
                  <Typography.Text type="secondary">
                    {g.orgs.length} 个单位 · {g.findings.length} 条问题
                    {g.suggestedCategoryLabel ? ` · ${g.suggestedCategoryLabel}` : ""}
                  </Typography.Text>
                </Space>
                <List
                  size="small"
                  dataSource={g.findings}
                  renderItem={(f) => (
                    <List.Item>
                      <Space align="start">
                        <Tag color="blue" style={{ whiteSpace: "nowrap" }}>
                          {f.orgName}
                        </Tag>
                        <Typography.Text>{f.text}</Typography.Text>
                      </Space>
                    </List.Item>
                  )}
                />
              </Card>
            </Col>
          ))}
        </Row>
      </Spin>
    </Space>
  );
}
