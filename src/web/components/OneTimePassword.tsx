/** Shows a one-time password exactly once, with a copy button and the rule that goes with it. */
import { Alert, Modal, Typography } from "antd";

export interface OneTimePasswordInfo {
  title: string;
  username: string;
  displayName: string;
  password: string;
}

export function OneTimePasswordModal({ info, onClose }: { info: OneTimePasswordInfo | null; onClose: () => void }) {
  return (
    <Modal
      open={info !== null}
      title={info?.title}
      onOk={onClose}
      onCancel={onClose}
      okText="我已记下"
      cancelButtonProps={{ style: { display: "none" } }}
      maskClosable={false}
      destroyOnHidden
    >
      {info && (
        <>
          <p>
            账号：<Typography.Text strong>{info.username}</Typography.Text>（{info.displayName}）
          </p>
          <p>
            一次性密码：
            <Typography.Text code copyable={{ text: info.password, tooltips: ["复制", "已复制"] }} style={{ fontSize: 18 }}>
              {info.password}
            </Typography.Text>
          </p>
          <Alert
            type="warning"
            showIcon
            message="此密码只显示这一次"
            description="请通过安全途径交给本人。用户首次登录后须立即修改密码。"
          />
        </>
      )}
    </Modal>
  );
}
