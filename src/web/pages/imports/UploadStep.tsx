/** Step 1: choose the assignment whose ledger the file holds, then upload the .xlsx (with upload progress). */
import { InboxOutlined } from "@ant-design/icons";
import { Alert, Form, Progress, Select, Typography, Upload } from "antd";
import { useMemo, useState } from "react";
import { useGet } from "../../components/useGet.ts";

interface AssignmentOption {
  id: string;
  roundName: string;
  orgName: string;
  feedbackDate: string | null;
  feedbackRegistered: boolean;
}

interface Props {
  assignmentId: string | undefined;
  onAssignment: (id: string | undefined) => void;
  onUploaded: (jobId: string) => void;
}

/** POST multipart through XMLHttpRequest: fetch cannot report upload progress. */
function send(url: string, file: File, onProgress: (percent: number) => void): Promise<{ id: string }> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open("POST", url);
    xhr.withCredentials = true;
    xhr.setRequestHeader("Accept", "application/json");
    xhr.upload.onprogress = (e) => {
      if (e.lengthComputable) onProgress(Math.round((e.loaded / e.total) * 100));
    };
    xhr.onerror = () => reject(new Error("无法连接服务器，请检查网络后重试"));
    xhr.onload = () => {
      let body: { id?: string; message?: string } = {};
      try {
        body = JSON.parse(xhr.responseText) as typeof body;
      } catch {
        // not JSON: the status decides
      }
      if (xhr.status >= 200 && xhr.status < 300 && body.id) resolve({ id: body.id });
      else reject(new Error(body.message ?? `上传失败（${xhr.status}）`));
    };
    const form = new FormData();
    form.append("file", file);
    xhr.send(form);
  });
}

export function UploadStep({ assignmentId, onAssignment, onUploaded }: Props) {
  const list = useGet<{ items: AssignmentOption[] }>("/api/assignments");
  const [percent, setPercent] = useState<number | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const options = useMemo(
    () =>
      (list.data?.items ?? []).map((a) => ({
        value: a.id,
        label: `${a.orgName}（${a.roundName}）${a.feedbackRegistered ? "" : " · 未登记反馈意见"}`,
        disabled: !a.feedbackRegistered,
      })),
    [list.data],
  );

  return (
    <div style={{ maxWidth: 720 }}>
      <Form layout="vertical">
        <Form.Item
          label="巡察任务（被巡察单位）"
          required
          extra="文件中没有台账编号的行，将作为新的台账条目登记到该巡察任务下；有台账编号的行须属于该巡察任务。"
        >
          <Select
            showSearch
            allowClear
            aria-label="巡察任务"
            placeholder="选择被巡察单位和巡察轮次"
            optionFilterProp="label"
            loading={list.loading}
            options={options}
            value={assignmentId}
            onChange={(v?: string) => onAssignment(v || undefined)}
          />
        </Form.Item>
        <Form.Item label="Excel 台账文件" required>
          <Upload.Dragger
            accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            showUploadList={false}
            disabled={!assignmentId || percent !== null}
            customRequest={({ file }) => {
              if (!assignmentId) return;
              setFailure(null);
              setPercent(0);
              send(`/api/imports?assignmentId=${assignmentId}`, file as File, setPercent).then(
                ({ id }) => {
                  setPercent(null);
                  onUploaded(id);
                },
                (e: Error) => {
                  setPercent(null);
                  setFailure(e.message);
                },
              );
            }}
          >
            <p className="ant-upload-drag-icon">
              <InboxOutlined />
            </p>
            <p className="ant-upload-text">{assignmentId ? "点击或拖入 .xlsx 文件" : "请先选择巡察任务"}</p>
            <p className="ant-upload-hint">
              可上传本系统导出的整改台账（修改后再导入），或办里已有的 Excel 台账；不超过 20 MB，最多 50000 行。
            </p>
          </Upload.Dragger>
        </Form.Item>
      </Form>
      {percent !== null && (
        <div>
          <Typography.Text>正在上传…</Typography.Text>
          <Progress percent={percent} status="active" />
        </div>
      )}
      {failure && <Alert type="error" showIcon message="上传失败" description={failure} />}
    </div>
  );
}
