/** Excel import of organisations: all rows or none. Rejected files list every problem by row and column. */
import { DownloadOutlined, UploadOutlined } from "@ant-design/icons";
import { App, Button, Modal, Space, Table, Upload } from "antd";
import { useState } from "react";
import { api, ApiError } from "../../api.ts";
import { useApiError } from "../../components/useApiError.ts";

interface ImportProblem {
  key?: number;
  row: number;
  column: string;
  message: string;
}

function importedCount(res: unknown): number | null {
  if (!res || typeof res !== "object") return null;
  const r = res as { imported?: unknown; count?: unknown; created?: unknown; items?: unknown };
  for (const v of [r.imported, r.count, r.created]) if (typeof v === "number") return v;
  if (Array.isArray(r.items)) return r.items.length;
  return null;
}

export function OrgImport({ onImported }: { onImported: () => void }) {
  const [uploading, setUploading] = useState(false);
  const [downloading, setDownloading] = useState(false);
  const [problems, setProblems] = useState<ImportProblem[] | null>(null);
  const { message } = App.useApp();
  const showError = useApiError();

  const upload = async (file: File) => {
    setUploading(true);
    try {
      const res = await api.upload<unknown>("/api/orgs/import", file, "file");
      const n = importedCount(res);
      void message.success(n === null ? "导入完成" : `已导入 ${n} 个单位`);
      onImported();
    } catch (e) {
      const errors =
        e instanceof ApiError && e.code === "import_rejected"
          ? (e.details as { errors?: ImportProblem[] } | undefined)?.errors
          : undefined;
      if (errors?.length) setProblems(errors.map((p, i) => ({ ...p, key: i })));
      else showError(e);
    } finally {
      setUploading(false);
    }
  };

  const template = async () => {
    setDownloading(true);
    try {
      await api.download("/api/orgs/import-template", "单位导入模板.xlsx");
    } catch (e) {
      showError(e);
    } finally {
      setDownloading(false);
    }
  };

  return (
    <Space>
      <Button icon={<DownloadOutlined />} loading={downloading} onClick={() => void template()}>
        下载模板
      </Button>
      <Upload
        accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
        showUploadList={false}
        beforeUpload={(file) => {
          void upload(file);
          return false;
        }}
      >
        <Button icon={<UploadOutlined />} loading={uploading}>
          导入
        </Button>
      </Upload>
      <Modal
        open={problems !== null}
        title="导入失败，未导入任何数据"
        onCancel={() => setProblems(null)}
        onOk={() => setProblems(null)}
        okText="知道了"
        cancelButtonProps={{ style: { display: "none" } }}
        width={680}
      >
        <p>请按下列提示修改 Excel 文件后重新导入：</p>
        <Table<ImportProblem>
          rowKey="key"
          size="small"
          dataSource={problems ?? []}
          pagination={{ pageSize: 10, size: "small", hideOnSinglePage: true }}
          columns={[
            { title: "行", dataIndex: "row", width: 70 },
            { title: "列", dataIndex: "column", width: 140 },
            { title: "问题", dataIndex: "message" },
          ]}
        />
      </Modal>
    </Space>
  );
}
