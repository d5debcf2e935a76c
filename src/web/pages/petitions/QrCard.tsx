/** The assignment's public form address as a QR code (码上巡察): made or replaced by the office or the team leader, printed as an A5 poster. */
import { PrinterOutlined, QrcodeOutlined } from "@ant-design/icons";
import { App, Button, Card, Empty, Modal, Popconfirm, Space, Typography } from "antd";
import { useState } from "react";
import { api } from "../../api.ts";
import { fmtDateTime } from "../../components/format.ts";
import { useApiError } from "../../components/useApiError.ts";
import { useGet } from "../../components/useGet.ts";
import type { PetitionLink } from "./types.ts";

type Link = NonNullable<PetitionLink["link"]>;

const escapeHtml = (s: string) =>
  s.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]!);

/** The poster as a page of its own, A5 portrait, so the browser prints exactly it. */
function posterHtml(l: Link): string {
  return `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>码上巡察 · ${escapeHtml(l.orgName)}</title>
<style>
@page { size: A5 portrait; margin: 10mm; }
body { margin: 0; font-family: "Microsoft YaHei", "PingFang SC", "Noto Sans CJK SC", sans-serif; text-align: center; color: #222; }
.org { font-size: 16pt; margin-top: 8mm; }
h1 { color: #b71c1c; font-size: 40pt; letter-spacing: 6pt; margin: 4mm 0 2mm; }
.round { font-size: 12pt; color: #555; }
img { width: 90mm; height: 90mm; margin: 6mm auto 4mm; display: block; }
.ask { font-size: 14pt; font-weight: bold; }
.note { font-size: 10.5pt; color: #555; margin: 2mm 8mm; line-height: 1.6; }
.url { font-size: 8pt; color: #888; word-break: break-all; margin-top: 4mm; }
</style></head><body>
<div class="org">${escapeHtml(l.orgName)}</div>
<h1>码上巡察</h1>
<div class="round">${escapeHtml(l.roundName)}</div>
<img src="${l.qrDataUrl}" alt="二维码">
<div class="ask">手机扫码，向巡察组反映问题</div>
<div class="note">可匿名反映；实名反映的身份信息加密保存、严格保密。<br>提交后请保存查询码，凭码查询办理进度和答复。</div>
<div class="url">${escapeHtml(l.url)}</div>
</body></html>`;
}

function Poster({ l }: { l: Link }) {
  // A5 is 148 × 210 mm: the preview keeps the ratio.
  return (
    <div
      data-testid="qr-poster"
      style={{
        width: 370,
        height: 525,
        margin: "0 auto",
        border: "1px solid #d9d9d9",
        textAlign: "center",
        padding: "24px 20px",
        background: "#fff",
      }}
    >
      <div style={{ fontSize: 18 }}>{l.orgName}</div>
      <div style={{ color: "#b71c1c", fontSize: 40, fontWeight: 700, letterSpacing: 6, margin: "8px 0 2px" }}>码上巡察</div>
      <div style={{ color: "#595959" }}>{l.roundName}</div>
      <img
        src={l.qrDataUrl}
        alt="码上巡察二维码"
        style={{ width: 230, height: 230, margin: "14px auto 10px", display: "block" }}
      />
      <div style={{ fontSize: 16, fontWeight: 600 }}>手机扫码，向巡察组反映问题</div>
      <div style={{ color: "#595959", fontSize: 12, marginTop: 6, lineHeight: 1.7 }}>
        可匿名反映；实名反映的身份信息加密保存、严格保密。
        <br />
        提交后请保存查询码，凭码查询办理进度和答复。
      </div>
      <div style={{ color: "#8c8c8c", fontSize: 10, marginTop: 16, wordBreak: "break-all" }}>{l.url}</div>
    </div>
  );
}

export function QrCard({ assignmentId }: { assignmentId: string }) {
  const { message } = App.useApp();
  const showError = useApiError();
  const got = useGet<PetitionLink>(`/api/assignments/${assignmentId}/petition-link`);
  const [busy, setBusy] = useState(false);
  const [poster, setPoster] = useState(false);
  const l = got.data?.link ?? null;

  const make = async () => {
    setBusy(true);
    try {
      await api.post(`/api/assignments/${assignmentId}/petition-link`);
      void message.success(l ? "已更换二维码，原二维码已失效" : "已生成码上巡察二维码");
      got.reload();
    } catch (e) {
      showError(e);
    } finally {
      setBusy(false);
    }
  };

  const print = () => {
    if (!l) return;
    const w = window.open("", "_blank", "width=700,height=960");
    if (!w) {
      void message.error("浏览器阻止了打印窗口，请允许弹出窗口后重试");
      return;
    }
    w.document.open();
    w.document.write(posterHtml(l));
    w.document.close();
    w.onload = () => {
      w.focus();
      w.print();
    };
  };

  const manage = got.data?.canManage ?? false;
  return (
    <Card
      size="small"
      title="码上巡察二维码"
      loading={got.loading && !got.data}
      extra={
        manage &&
        (l ? (
          <Popconfirm
            title="更换二维码"
            description="更换后原二维码立即失效，已张贴的海报需要重新打印。确定更换？"
            okText="更换"
            onConfirm={make}
          >
            <Button size="small" disabled={busy}>
              更换二维码
            </Button>
          </Popconfirm>
        ) : (
          <Button size="small" type="primary" icon={<QrcodeOutlined />} loading={busy} onClick={() => void make()}>
            生成二维码
          </Button>
        ))
      }
    >
      {l ? (
        <Space direction="vertical" align="center" style={{ width: "100%" }}>
          <img src={l.qrDataUrl} alt="码上巡察二维码" style={{ width: 180, height: 180 }} />
          <Typography.Text
            copyable={{ text: l.url, tooltips: ["复制地址", "已复制"] }}
            style={{ fontSize: 12, wordBreak: "break-all" }}
          >
            {l.url}
          </Typography.Text>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            生成于 {fmtDateTime(l.createdAt)}
          </Typography.Text>
          <Button icon={<PrinterOutlined />} onClick={() => setPoster(true)}>
            打印海报
          </Button>
        </Space>
      ) : (
        <Empty
          image={Empty.PRESENTED_IMAGE_SIMPLE}
          description={
            manage ? "尚未生成二维码。生成后可打印海报张贴，群众扫码即可反映问题。" : "巡察组组长或巡察办尚未生成二维码"
          }
        />
      )}
      <Modal
        open={poster && l !== null}
        title="码上巡察海报（A5）"
        onCancel={() => setPoster(false)}
        width={460}
        footer={[
          <Button key="close" onClick={() => setPoster(false)}>
            关闭
          </Button>,
          <Button key="print" type="primary" icon={<PrinterOutlined />} onClick={print}>
            打印
          </Button>,
        ]}
      >
        {l && <Poster l={l} />}
      </Modal>
    </Card>
  );
}
