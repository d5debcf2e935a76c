/** An audit entry's changes as "field: before → after" lines ({ field: [before, after] }, or a plain payload). */
import { Typography } from "antd";
import { useState } from "react";

const FOLDED = 4;

const show = (v: unknown): string => {
  if (v === null || v === undefined || v === "") return "（空）";
  if (typeof v === "string") return v;
  if (typeof v === "boolean") return v ? "是" : "否";
  return JSON.stringify(v);
};

function lines(changes: unknown): Array<{ field: string; before?: string; after: string; diff: boolean }> {
  if (Array.isArray(changes)) {
    return changes.map((c: { field?: string; before?: unknown; after?: unknown }, i) =>
      c && typeof c === "object" && "field" in c
        ? { field: String(c.field), before: show(c.before), after: show(c.after), diff: true }
        : { field: String(i + 1), after: show(c), diff: false },
    );
  }
  if (!changes || typeof changes !== "object")
    return changes === undefined || changes === null ? [] : [{ field: "", after: show(changes), diff: false }];
  return Object.entries(changes as Record<string, unknown>).map(([field, v]) => {
    if (Array.isArray(v) && v.length === 2) return { field, before: show(v[0]), after: show(v[1]), diff: true };
    if (v && typeof v === "object" && ("before" in v || "after" in v)) {
      const o = v as { before?: unknown; after?: unknown };
      return { field, before: show(o.before), after: show(o.after), diff: true };
    }
    return { field, after: show(v), diff: false };
  });
}

export function AuditChanges({ changes }: { changes: unknown }) {
  const [open, setOpen] = useState(false);
  const ls = lines(changes);
  if (!ls.length) return <Typography.Text type="secondary">—</Typography.Text>;
  const shown = open || ls.length <= FOLDED + 1 ? ls : ls.slice(0, FOLDED);
  return (
    <div style={{ fontSize: 12, lineHeight: "20px" }}>
      {shown.map((l, i) => (
        <div key={`${l.field}-${i}`} style={{ wordBreak: "break-all" }}>
          {l.field && <Typography.Text type="secondary">{l.field}：</Typography.Text>}
          {l.diff ? (
            <>
              <Typography.Text delete type="secondary">
                {l.before}
              </Typography.Text>
              {" → "}
              <Typography.Text>{l.after}</Typography.Text>
            </>
          ) : (
            <Typography.Text>{l.after}</Typography.Text>
          )}
        </div>
      ))}
      {ls.length > FOLDED + 1 && (
        <Typography.Link style={{ fontSize: 12 }} onClick={() => setOpen(!open)}>
          {open ? "收起" : `展开全部（${ls.length} 项）`}
        </Typography.Link>
      )}
    </div>
  );
}
