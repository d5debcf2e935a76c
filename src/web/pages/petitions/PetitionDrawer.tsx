/**
 * One petition: content, files, handling history; the sender's identity behind a button for the few who may see
 * it (each look is recorded); the handling dialog for those who handle.
 */
import { EyeOutlined, PaperClipOutlined, UploadOutlined } from "@ant-design/icons";
import {
  Alert,
  App,
  Button,
  Descriptions,
  Divider,
  Drawer,
  Empty,
  List,
  Popconfirm,
  Result,
  Space,
  Spin,
  Tag,
  Timeline,
  Typography,
  Upload,
} from "antd";
import { useEffect, useState } from "react";
import type { PetitionIdentity } from "../../../domain/petition.ts";
import { api } from "../../api.ts";
import { fmtDateTime } from "../../components/format.ts";
import { useApiError } from "../../components/useApiError.ts";
import { useGet } from "../../components/useGet.ts";
import { STATUS_COLORS, type Petition, type PetitionDetail } from "./types.ts";

const kb = (n: number) => (n >= 1024 * 1024 ? `${(n / 1024 / 1024).toFixed(1)} MB` : `${Math.max(1, Math.round(n / 1024))} KB`);

function IdentitySection({ p }: { p: Petition }) {
  const showError = useApiError();
  const [shown, setShown] = useState<{ identity: PetitionIdentity; notice: string } | null>(null);
  if (p.anonymous) return <Typography.Text type="secondary">匿名举报，未留存举报人身份信息。</Typography.Text>;
  if (!p.can.viewIdentity)
    return <Typography.Text type="secondary">实名举报。举报人身份信息仅限巡察组组长和巡察办主任查看。</Typography.Text>;
  if (shown)
    return (
      <Alert
        type="warning"
        showIcon
        message={shown.notice}
        description={
          <Descriptions size="small" column={1} style={{ marginTop: 8 }} data-testid="petition-identity">
            <Descriptions.Item label="姓名">{shown.identity.name}</Descriptions.Item>
            <Descriptions.Item label="联系电话">{shown.identity.phone}</Descriptions.Item>
            <Descriptions.Item label="其他联系方式">{shown.identity.contact ?? "—"}</Descriptions.Item>
          </Descriptions>
        }
      />
    );
  return (
    <Popconfirm
      title="查看举报人身份"
      description="举报人身份信息严格保密。本次查看将记入审计日志，确定查看？"
      okText="查看"
      onConfirm={async () => {
        try {
          setShown(await api.get(`/api/petitions/${p.id}/identity`));
        } catch (e) {
          showError(e);
        }
      }}
    >
      <Button icon={<EyeOutlined />}>查看举报人身份</Button>
    </Popconfirm>
  );
}

export function PetitionDrawer({
  id,
  onClose,
  onHandle,
  onChanged,
  refreshKey,
}: {
  id: string | null;
  onClose: () => void;
  onHandle: (p: Petition) => void;
  onChanged: () => void;
  /** Changes when the petition was handled elsewhere (the handling dialog): the drawer reloads it. */
  refreshKey: number;
}) {
  const { message } = App.useApp();
  const showError = useApiError();
  const detail = useGet<PetitionDetail>(id ? `/api/petitions/${id}` : null, { quietWhenEmpty: true });
  const reload = detail.reload;
  useEffect(() => {
    if (refreshKey) reload();
  }, [refreshKey, reload]);
  const d = detail.data?.petition.id === id ? detail.data : undefined;
  const p = d?.petition;

  const upload = async (file: File) => {
    if (!p) return;
    try {
      await api.upload(`/api/petitions/${p.id}/attachments`, file);
      void message.success(`已上传：${file.name}`);
      detail.reload();
      onChanged();
    } catch (e) {
      showError(e);
    }
  };

  return (
    <Drawer
      open={id !== null}
      onClose={onClose}
      width={720}
      title={p ? `信访举报（${p.channelLabel}）` : "信访举报"}
      extra={
        p?.can.handle && (
          <Button type="primary" onClick={() => onHandle(p)}>
            办理
          </Button>
        )
      }
    >
      {!d ? (
        detail.failed ? (
          <Result status="warning" title="无法加载该信访举报" />
        ) : (
          <Spin />
        )
      ) : (
        p && (
          <>
            <Descriptions size="small" column={2} bordered>
              <Descriptions.Item label="被巡察单位" span={2}>
                {p.orgName}（{p.roundName} · {p.teamName}）
              </Descriptions.Item>
              <Descriptions.Item label="来源">{p.channelLabel}</Descriptions.Item>
              <Descriptions.Item label="收到时间">{fmtDateTime(p.receivedAt)}</Descriptions.Item>
              <Descriptions.Item label="查询码">
                <Typography.Text code>{p.receiptCode}</Typography.Text>
              </Descriptions.Item>
              <Descriptions.Item label="办理状态">
                <Tag color={STATUS_COLORS[p.status]}>{p.statusLabel}</Tag>
              </Descriptions.Item>
              {p.transferredTo && (
                <Descriptions.Item label="转办单位" span={2}>
                  {p.transferredTo}
                </Descriptions.Item>
              )}
              <Descriptions.Item label="办理情况" span={2}>
                {p.handlingNote ?? "—"}
              </Descriptions.Item>
              <Descriptions.Item label="答复举报人" span={2}>
                {p.reply ? `${p.reply}（${fmtDateTime(p.repliedAt)}）` : "尚未答复"}
              </Descriptions.Item>
            </Descriptions>

            <Divider orientation="left">反映内容</Divider>
            <Typography.Paragraph style={{ whiteSpace: "pre-wrap" }}>{p.content}</Typography.Paragraph>

            <Divider orientation="left">举报人</Divider>
            <IdentitySection key={p.id} p={p} />

            <Divider orientation="left">附件</Divider>
            {d.attachments.length ? (
              <List
                size="small"
                dataSource={d.attachments}
                renderItem={(a) => (
                  <List.Item>
                    <Space>
                      <PaperClipOutlined />
                      <a href={`/api/petitions/${p.id}/attachments/${a.id}`} download={a.fileName}>
                        {a.fileName}
                      </a>
                      <Typography.Text type="secondary">{kb(a.size)}</Typography.Text>
                    </Space>
                  </List.Item>
                )}
              />
            ) : (
              <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="没有附件" />
            )}
            {p.can.addAttachment && (
              <Upload
                showUploadList={false}
                beforeUpload={(f) => {
                  void upload(f);
                  return false;
                }}
              >
                <Button size="small" icon={<UploadOutlined />} style={{ marginTop: 8 }}>
                  上传附件
                </Button>
              </Upload>
            )}

            <Divider orientation="left">办理记录</Divider>
            <Timeline
              items={d.history.map((h) => ({
                children: (
                  <>
                    <Typography.Text strong>{h.actionLabel}</Typography.Text>
                    <Typography.Text type="secondary">
                      {" "}
                      {fmtDateTime(h.at)} · {h.actorName}
                    </Typography.Text>
                    {h.detail && <div>{h.detail}</div>}
                  </>
                ),
              }))}
            />
          </>
        )
      )}
    </Drawer>
  );
}
