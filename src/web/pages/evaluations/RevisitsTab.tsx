/** 回头看: draw a reproducible sample of the round, check that a draw matches its seed, record each check's result. */
import { PlusOutlined } from "@ant-design/icons";
import { App, Button, Card, Empty, Space, Table, Tag, Tooltip, Typography } from "antd";
import { useState } from "react";
import { REVISIT_RESULT_LABELS, type RevisitResult } from "../../../domain/evaluation.ts";
import { api } from "../../api.ts";
import { fmtDate } from "../../components/format.ts";
import { useApiError } from "../../components/useApiError.ts";
import { useGet } from "../../components/useGet.ts";
import { RevisitDrawModal } from "./RevisitDrawModal.tsx";
import { RevisitRecordModal } from "./RevisitRecordModal.tsx";
import type { Revisit, RevisitItem } from "./types.ts";

const RESULT_COLORS: Record<RevisitResult, string> = {
  pending: "default",
  confirmed: "success",
  unfinished: "warning",
  relapse: "error",
};

export function RevisitsTab({ roundId, office }: { roundId: string | undefined; office: boolean }) {
  const { message } = App.useApp();
  const showError = useApiError();
  const list = useGet<{ items: Revisit[] }>(roundId ? `/api/rounds/${roundId}/revisits` : null);
  const [selected, setSelected] = useState<string | null>(null);
  const current = list.data?.items.find((v) => v.id === selected) ?? list.data?.items[0];
  const detail = useGet<{ revisit: Revisit; items: RevisitItem[] }>(current ? `/api/revisits/${current.id}` : null);
  const [drawing, setDrawing] = useState(false);
  const [recording, setRecording] = useState<RevisitItem | null>(null);

  if (!roundId) return <Empty description="请先选择巡察轮次" />;

  const check = async (v: Revisit) => {
    try {
      const res = await api.get<{ matches: boolean; seed: string }>(`/api/revisits/${v.id}/redraw-check`);
      if (res.matches) void message.success(`用种子“${res.seed}”重新抽取，结果与原样本一致`);
      else void message.warning(`用种子“${res.seed}”重新抽取，结果与原样本不一致（台账条目可能已有增减）`);
    } catch (e) {
      showError(e);
    }
  };

  return (
    <Space direction="vertical" size="middle" style={{ width: "100%" }}>
      <Card
        size="small"
        title="回头看抽样"
        extra={
          office && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setDrawing(true)}>
              抽取样本
            </Button>
          )
        }
      >
        <Typography.Paragraph type="secondary">
          随机抽取本轮有台账条目的单位中不少于三分之一，并从每个被抽中单位的台账条目中抽取不少于三分之一；抽样种子记录在案，可复核。
        </Typography.Paragraph>
        <Table<Revisit>
          rowKey="id"
          size="small"
          loading={list.loading}
          dataSource={list.data?.items ?? []}
          pagination={{ pageSize: 5, hideOnSinglePage: true }}
          locale={{ emptyText: "本轮次尚未抽取回头看样本" }}
          rowSelection={{
            type: "radio",
            selectedRowKeys: current ? [current.id] : [],
            onChange: (keys) => setSelected((keys[0] as string | undefined) ?? null),
          }}
          columns={[
            { title: "抽样日期", dataIndex: "drawnOn", width: 110, render: (v: string) => fmtDate(v) },
            {
              title: "抽样种子",
              dataIndex: "seed",
              render: (v: string) => (
                <Typography.Text code copyable>
                  {v}
                </Typography.Text>
              ),
            },
            { title: "抽中单位", key: "orgs", width: 110, render: (_, v) => `${v.orgCount} / ${v.orgTotal}` },
            { title: "抽查条目", dataIndex: "itemCount", width: 90 },
            {
              title: "核查进度",
              key: "results",
              render: (_, v) => (
                <Space size={2} wrap>
                  {(Object.keys(v.results) as RevisitResult[])
                    .filter((r) => v.results[r] > 0)
                    .map((r) => (
                      <Tag key={r} color={RESULT_COLORS[r]}>
                        {REVISIT_RESULT_LABELS[r]} {v.results[r]}
                      </Tag>
                    ))}
                </Space>
              ),
            },
            { title: "备注", dataIndex: "note", ellipsis: true, render: (v: string | null) => v ?? "" },
            {
              title: "操作",
              key: "action",
              width: 100,
              render: (_, v) => (
                <Button type="link" size="small" onClick={() => void check(v)}>
                  复核抽样
                </Button>
              ),
            },
          ]}
        />
      </Card>
      {current && (
        <Card size="small" title={`抽查条目（${current.drawnOn}，种子 ${current.seed}）`}>
          <Table<RevisitItem>
            rowKey="id"
            size="middle"
            loading={detail.loading}
            dataSource={detail.data?.items ?? []}
            pagination={{ pageSize: 20, hideOnSinglePage: true }}
            locale={{ emptyText: "暂无抽查条目" }}
            columns={[
              { title: "被巡察单位", dataIndex: "orgName", width: 180 },
              { title: "序号", dataIndex: "seqLabel", width: 70 },
              { title: "问题", dataIndex: "text", ellipsis: { showTitle: true } },
              {
                title: "台账状态",
                key: "status",
                width: 120,
                render: (_, i) => (
                  <Space size={2}>
                    <Tag>{i.statusLabel}</Tag>
                    {i.relapseCount > 0 && <Tag color="red">反弹 {i.relapseCount}</Tag>}
                  </Space>
                ),
              },
              {
                title: "核查结果",
                key: "result",
                width: 110,
                render: (_, i) => <Tag color={RESULT_COLORS[i.result]}>{i.resultLabel}</Tag>,
              },
              {
                title: "核查情况",
                key: "finding",
                width: 220,
                render: (_, i) =>
                  i.finding && (
                    <Tooltip title={i.finding}>
                      <Space direction="vertical" size={0}>
                        <Typography.Text ellipsis style={{ maxWidth: 200 }}>
                          {i.finding}
                        </Typography.Text>
                        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                          {i.checkedOn} {i.checkedBy ?? ""}
                        </Typography.Text>
                      </Space>
                    </Tooltip>
                  ),
              },
              {
                title: "操作",
                key: "action",
                width: 80,
                render: (_, i) =>
                  i.can.record && (
                    <Button type="link" size="small" onClick={() => setRecording(i)}>
                      登记
                    </Button>
                  ),
              },
            ]}
          />
        </Card>
      )}
      <RevisitDrawModal
        roundId={roundId}
        open={drawing}
        onClose={() => setDrawing(false)}
        onDrawn={(v) => {
          setDrawing(false);
          setSelected(v.id);
          list.reload();
        }}
      />
      <RevisitRecordModal
        item={recording}
        drawnOn={current?.drawnOn}
        onClose={() => setRecording(null)}
        onSaved={() => {
          setRecording(null);
          detail.reload();
          list.reload();
        }}
      />
    </Space>
  );
}
