/**
 * "生成公文": a small dropdown that downloads the official documents of the record on screen, as Word or PDF,
 * under the server's Chinese file name. One kind or several (the assignment page offers its feedback opinion,
 * ledger and announcement together); `versions` offers the announcement's internal and public versions; the
 * statistics report takes the statistics filter as `query` instead of an id.
 */
import { DownOutlined, FilePdfOutlined, FileWordOutlined } from "@ant-design/icons";
import { Button, Dropdown, type MenuProps } from "antd";
import { useState } from "react";
import type { AnnouncementVersion } from "../../domain/announcement.ts";
import {
  DOCUMENT_FORMAT_LABELS,
  DOCUMENT_FORMATS,
  DOCUMENT_KIND_LABELS,
  type DocumentFormat,
  type DocumentKind,
} from "../../domain/documents.ts";
import { api, withQuery } from "../api.ts";
import { useApiError } from "./useApiError.ts";

type Query = Record<string, string | number | boolean | null | undefined>;

export interface DocumentButtonsProps {
  kind: DocumentKind | DocumentKind[];
  /** The record the documents are made from (assignment, plan, letter, round); none for the statistics report. */
  id?: string;
  /** Announcement: both versions (true) or just this one. */
  versions?: boolean | AnnouncementVersion;
  /** The statistics filter (statistics report). */
  query?: Query;
  label?: string;
  size?: "small" | "middle";
  disabled?: boolean;
}

interface Choice {
  kind: DocumentKind;
  version: AnnouncementVersion | null;
}

const urlOf = (c: Choice, format: DocumentFormat, id: string | undefined, query: Query | undefined): string =>
  c.kind === "statistics_report"
    ? withQuery("/api/documents/statistics_report", { ...query, format })
    : withQuery(`/api/documents/${c.kind}/${id}`, { format, version: c.version ?? undefined });

const VERSION_SHORT: Record<AnnouncementVersion, string> = { internal: "党内版", public: "公开版" };
const titleOf = (c: Choice): string =>
  c.version ? `${DOCUMENT_KIND_LABELS[c.kind]}（${VERSION_SHORT[c.version]}）` : DOCUMENT_KIND_LABELS[c.kind];

export function DocumentButtons({
  kind,
  id,
  versions,
  query,
  label = "生成公文",
  size = "middle",
  disabled,
}: DocumentButtonsProps) {
  const [busy, setBusy] = useState(false);
  const showError = useApiError();
  const kinds = Array.isArray(kind) ? kind : [kind];
  const choices: Choice[] = kinds.flatMap((k): Choice[] => {
    if (k !== "announcement") return [{ kind: k, version: null }];
    if (versions === true)
      return [
        { kind: k, version: "internal" },
        { kind: k, version: "public" },
      ];
    return [{ kind: k, version: versions || "internal" }];
  });

  const download = async (c: Choice, format: DocumentFormat) => {
    setBusy(true);
    try {
      await api.download(urlOf(c, format, id, query), `${titleOf(c)}.${format}`);
    } catch (e) {
      showError(e);
    } finally {
      setBusy(false);
    }
  };

  const formatItems = (c: Choice, i: number) =>
    DOCUMENT_FORMATS.map((format) => ({
      key: `${i}:${format}`,
      icon: format === "pdf" ? <FilePdfOutlined /> : <FileWordOutlined />,
      label: choices.length > 1 ? DOCUMENT_FORMAT_LABELS[format] : `${titleOf(c)}（${DOCUMENT_FORMAT_LABELS[format]}）`,
      onClick: () => void download(c, format),
    }));
  const items: MenuProps["items"] =
    choices.length > 1
      ? choices.map((c, i) => ({ type: "group" as const, key: `g${i}`, label: titleOf(c), children: formatItems(c, i) }))
      : formatItems(choices[0]!, 0);

  return (
    <Dropdown menu={{ items }} trigger={["click"]} disabled={disabled || busy}>
      <Button size={size} icon={<FileWordOutlined />} loading={busy}>
        {label} <DownOutlined />
      </Button>
    </Dropdown>
  );
}
