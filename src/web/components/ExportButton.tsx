/**
 * 导出 Excel: the rows a list screen shows, as the user sees them (column titles and cell texts), POSTed to
 * /api/exports/table which returns the workbook. With `href` instead, the server builds the file itself (the
 * ledger's streamed three-sheet workbook) and the button downloads it.
 */
import { DownloadOutlined } from "@ant-design/icons";
import { Button, Tooltip } from "antd";
import { useState } from "react";
import { api } from "../api.ts";
import { useApiError } from "./useApiError.ts";

export type ExportCell = string | number | null;

export interface ExportColumn<T> {
  title: string;
  /** A field of the row (dotted for nested ones), exported as it is. */
  key?: string;
  /** The cell's text as the screen shows it (labels rather than codes). */
  text?: (row: T) => ExportCell | boolean | string[] | undefined;
}

interface Props<T> {
  /** The sheet's and the file's name, e.g. "督办函件". */
  title: string;
  columns?: Array<ExportColumn<T>>;
  rows?: readonly T[];
  /** A GET address of a workbook the server builds (then columns and rows are not used). */
  href?: string;
  label?: string;
  size?: "small" | "middle";
}

/** At most this many rows in one export (the server refuses more). */
export const EXPORT_MAX_ROWS = 50_000;

function cellOf(v: unknown): ExportCell {
  if (v === null || v === undefined || v === "") return null;
  if (typeof v === "number") return Number.isFinite(v) ? v : null;
  if (typeof v === "boolean") return v ? "是" : "否";
  if (Array.isArray(v))
    return (
      v
        .map((x) => cellOf(x))
        .filter((x) => x !== null)
        .join("、") || null
    );
  if (typeof v === "object") return null;
  return String(v);
}

const pick = (row: unknown, key: string): unknown =>
  key.split(".").reduce<unknown>((o, k) => (o && typeof o === "object" ? (o as Record<string, unknown>)[k] : undefined), row);

export function tableRows<T>(columns: Array<ExportColumn<T>>, rows: readonly T[]): ExportCell[][] {
  return rows.map((r) => columns.map((c) => cellOf(c.text ? c.text(r) : c.key ? pick(r, c.key) : undefined)));
}

export function ExportButton<T>({ title, columns = [], rows, href, label = "导出 Excel", size }: Props<T>) {
  const [busy, setBusy] = useState(false);
  const showError = useApiError();
  const count = rows?.length ?? 0;
  const tooMany = !href && count > EXPORT_MAX_ROWS;
  const disabled = !href && (count === 0 || tooMany);

  const run = async () => {
    setBusy(true);
    try {
      if (href) await api.download(href, `${title}.xlsx`);
      else
        await api.download("/api/exports/table", `${title}.xlsx`, {
          title,
          columns: columns.map((c) => c.title),
          rows: tableRows(columns, rows ?? []),
        });
    } catch (e) {
      showError(e);
    } finally {
      setBusy(false);
    }
  };

  const tip = href
    ? "按当前筛选条件导出"
    : tooMany
      ? `一次最多导出 ${EXPORT_MAX_ROWS} 行，请缩小筛选范围`
      : count
        ? `导出当前列表的 ${count} 行`
        : "当前列表没有可导出的行";
  return (
    <Tooltip title={tip}>
      <Button icon={<DownloadOutlined />} loading={busy} disabled={disabled} size={size} onClick={() => void run()}>
        {label}
      </Button>
    </Tooltip>
  );
}
