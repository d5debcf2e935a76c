/** 附件: the files of a pre-inspection request, on-site record, finding or petition; download, and upload when allowed. */
import { PaperClipOutlined, UploadOutlined } from "@ant-design/icons";
import { App, Button, List, Typography, Upload } from "antd";
import { useState } from "react";
import type { AttachmentOwnerType } from "../../../domain/onsite.ts";
import { api, withQuery } from "../../api.ts";
import { fmtDateTime } from "../../components/format.ts";
import { useApiError } from "../../components/useApiError.ts";
import { sizeText } from "../ledger/EvidencePanel.tsx";
import type { Attachment } from "./types.ts";

const ACCEPT = ".pdf,.jpg,.jpeg,.png,.docx,.xlsx,.doc,.xls,.ofd,.txt";

interface Props {
  ownerType: AttachmentOwnerType;
  ownerId: string;
  files: Attachment[];
  canAdd: boolean;
  onChanged: () => void;
  uploadLabel?: string;
  emptyText?: string;
}

export function AttachmentList({
  ownerType,
  ownerId,
  files,
  canAdd,
  onChanged,
  uploadLabel = "上传附件",
  emptyText = "暂无附件",
}: Props) {
  const { message } = App.useApp();
  const showError = useApiError();
  const [uploading, setUploading] = useState(0);

  const upload = async (file: File) => {
    setUploading((n) => n + 1);
    try {
      await api.upload(withQuery("/api/attachments", { ownerType, ownerId }), file);
      void message.success(`已上传“${file.name}”`);
      onChanged();
    } catch (e) {
      showError(e);
    } finally {
      setUploading((n) => n - 1);
    }
  };

  return (
    <div>
      {canAdd && (
        <div style={{ marginBottom: 8 }}>
          <Upload
            accept={ACCEPT}
            multiple
            showUploadList={false}
            beforeUpload={(file) => {
              void upload(file);
              return false;
            }}
          >
            <Button size="small" icon={<UploadOutlined />} loading={uploading > 0}>
              {uploadLabel}
            </Button>
          </Upload>
          <Typography.Text type="secondary" style={{ marginLeft: 8, fontSize: 12 }}>
            支持 PDF、图片（JPG/PNG）、Word、Excel、OFD、TXT
          </Typography.Text>
        </div>
      )}
      {files.length ? (
        <List
          size="small"
          dataSource={files}
          renderItem={(f) => (
            <List.Item style={{ paddingInline: 0 }}>
              <List.Item.Meta
                avatar={<PaperClipOutlined />}
                title={
                  <Typography.Link onClick={() => void api.download(`/api/attachments/${f.id}`, f.fileName).catch(showError)}>
                    {f.fileName}
                  </Typography.Link>
                }
                description={`${sizeText(f.size)} · ${f.uploadedBy || "—"} 上传于 ${fmtDateTime(f.createdAt)}`}
              />
            </List.Item>
          )}
        />
      ) : (
        <Typography.Text type="secondary">{emptyText}</Typography.Text>
      )}
    </div>
  );
}
