/** 佐证材料: files proving the rectification, downloadable by whoever sees the row; the contact uploads and deletes. */
import { DeleteOutlined, PaperClipOutlined, UploadOutlined } from "@ant-design/icons";
import { App, Button, Empty, List, Popconfirm, Typography, Upload } from "antd";
import { useState } from "react";
import { api } from "../../api.ts";
import { fmtDateTime } from "../../components/format.ts";
import { useApiError } from "../../components/useApiError.ts";
import type { EvidenceFile } from "./types.ts";

const ACCEPT = ".pdf,.jpg,.jpeg,.png,.docx,.xlsx,.doc,.xls,.ofd,.txt";

export const sizeText = (n: number) =>
  n < 1024 ? `${n} B` : n < 1024 * 1024 ? `${(n / 1024).toFixed(1)} KB` : `${(n / 1024 / 1024).toFixed(1)} MB`;

interface Props {
  rowId: string;
  files: EvidenceFile[];
  canEdit: boolean;
  onChanged: () => void;
}

export function EvidencePanel({ rowId, files, canEdit, onChanged }: Props) {
  const { message } = App.useApp();
  const showError = useApiError();
  const [uploading, setUploading] = useState(0);

  const upload = async (file: File) => {
    setUploading((n) => n + 1);
    try {
      await api.upload(`/api/ledger/${rowId}/evidence`, file);
      void message.success(`已上传“${file.name}”`);
      onChanged();
    } catch (e) {
      showError(e);
    } finally {
      setUploading((n) => n - 1);
    }
  };

  const remove = async (f: EvidenceFile) => {
    try {
      await api.del(`/api/ledger/${rowId}/evidence/${f.id}`);
      void message.success(`已删除“${f.fileName}”`);
      onChanged();
    } catch (e) {
      showError(e);
    }
  };

  const download = (f: EvidenceFile) => api.download(`/api/evidence/${f.id}`, f.fileName).catch(showError);

  return (
    <>
      {canEdit && (
        <div style={{ marginBottom: 12 }}>
          <Upload
            accept={ACCEPT}
            multiple
            showUploadList={false}
            beforeUpload={(file) => {
              void upload(file);
              return false;
            }}
          >
            <Button icon={<UploadOutlined />} loading={uploading > 0}>
              上传佐证材料
            </Button>
          </Upload>
          <Typography.Text type="secondary" style={{ marginLeft: 12, fontSize: 12 }}>
            支持 PDF、图片（JPG/PNG）、Word、Excel、OFD、TXT
          </Typography.Text>
        </div>
      )}
      {files.length ? (
        <List
          size="small"
          bordered
          dataSource={files}
          renderItem={(f) => (
            <List.Item
              actions={
                canEdit
                  ? [
                      <Popconfirm
                        key="del"
                        title={`删除“${f.fileName}”？`}
                        okText="删除"
                        okButtonProps={{ danger: true }}
                        onConfirm={() => remove(f)}
                      >
                        <Button type="link" size="small" danger icon={<DeleteOutlined />}>
                          删除
                        </Button>
                      </Popconfirm>,
                    ]
                  : []
              }
            >
              <List.Item.Meta
                avatar={<PaperClipOutlined />}
                title={<Typography.Link onClick={() => void download(f)}>{f.fileName}</Typography.Link>}
                description={`${sizeText(f.size)} · ${f.uploadedBy || "—"} 上传于 ${fmtDateTime(f.createdAt)}`}
              />
            </List.Item>
          )}
        />
      ) : (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="暂无佐证材料" />
      )}
    </>
  );
}
