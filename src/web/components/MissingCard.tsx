/** A detail page's placeholder while its record loads, or when it is gone or not the reader's to see. */
import { Card, Empty, Spin } from "antd";
import { Link } from "react-router-dom";

export function MissingCard({ loading, what, back }: { loading: boolean; what: string; back: { to: string; label: string } }) {
  return (
    <Card>
      {loading ? (
        <Spin />
      ) : (
        <Empty description={`该${what}不存在或您无权查看`}>
          <Link to={back.to}>{back.label}</Link>
        </Empty>
      )}
    </Card>
  );
}
