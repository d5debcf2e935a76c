/** Keeps one broken screen from blanking the app; a failed page load (new version deployed) offers a reload. */
import { Button, Result } from "antd";
import { Component, type ErrorInfo, type ReactNode } from "react";

interface State {
  error: Error | null;
}

export class ErrorBoundary extends Component<{ children: ReactNode; resetKey?: string }, State> {
  override state: State = { error: null };

  static getDerivedStateFromError(error: Error): State {
    return { error };
  }

  override componentDidUpdate(prev: { resetKey?: string }): void {
    if (this.state.error && prev.resetKey !== this.props.resetKey) this.setState({ error: null });
  }

  override componentDidCatch(error: Error, info: ErrorInfo): void {
    console.warn("页面出错", error, info.componentStack);
  }

  override render(): ReactNode {
    const { error } = this.state;
    if (!error) return this.props.children;
    const loadFailed = /dynamically imported module|Failed to fetch|Importing a module script failed|module script/i.test(
      error.message,
    );
    return (
      <Result
        status="warning"
        title={loadFailed ? "页面加载失败" : "页面出错了"}
        subTitle={loadFailed ? "系统可能已更新，请刷新页面后重试。" : "请刷新页面后重试；如问题持续，请联系系统管理员。"}
        extra={
          <Button type="primary" onClick={() => window.location.reload()}>
            刷新页面
          </Button>
        }
      />
    );
  }
}
