/**
 * 公文模板 (the office): the particulars printed on every document (发文机关信息), and each kind's template with its
 * placeholders and a live preview. The documents themselves are generated where their records are seen
 * (“生成公文” on the assignment, plan, letter, announcement, round and statistics screens).
 */
import { Card, Empty, Spin, Tabs, Tag } from "antd";
import { useState } from "react";
import { useSearchParams } from "react-router-dom";
import { isDocumentKind, type DocumentKind } from "../../../domain/documents.ts";
import { useGet } from "../../components/useGet.ts";
import { ProfileCard } from "./ProfileCard.tsx";
import { TemplateEditor } from "./TemplateEditor.tsx";
import type { TemplateView } from "./types.ts";

export default function DocumentsPage() {
  const { data, loading, reload } = useGet<{ items: TemplateView[] }>("/api/document-templates");
  const [params, setParams] = useSearchParams();
  const [profileTick, setProfileTick] = useState(0);
  const wanted = params.get("kind");
  const active: DocumentKind = wanted && isDocumentKind(wanted) ? wanted : "feedback_opinion";

  return (
    <div style={{ display: "flex", flexDirection: "column", gap: 16 }}>
      <ProfileCard onSaved={() => setProfileTick((n) => n + 1)} />
      <Card title="公文模板" styles={{ body: { paddingTop: 8 } }}>
        {!data ? (
          loading ? (
            <Spin />
          ) : (
            <Empty description="未能加载公文模板" />
          )
        ) : (
          <Tabs
            activeKey={active}
            onChange={(k) => setParams({ kind: k }, { replace: true })}
            items={data.items.map((t) => ({
              key: t.kind,
              label: (
                <span>
                  {t.kindLabel}
                  {!t.isDefault && (
                    <Tag color="blue" bordered={false} style={{ marginLeft: 6, marginRight: 0 }}>
                      已修改
                    </Tag>
                  )}
                </span>
              ),
              children: (
                <TemplateEditor
                  key={`${t.kind}:${t.version ?? 0}:${t.isDefault}`}
                  template={t}
                  refresh={profileTick}
                  onSaved={reload}
                />
              ),
            }))}
          />
        )}
      </Card>
    </div>
  );
}
