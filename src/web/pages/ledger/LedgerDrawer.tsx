/** A ledger row in detail: context, 基本信息 and 填报, 进展记录, 佐证材料, 反弹记录, 相关函件, 操作历史; actions in the footer. */
import { Drawer, Result, Spin, Tabs, Typography } from "antd";
import { useGet } from "../../components/useGet.ts";
import { LettersOfRow } from "../letters/LettersOfRow.tsx";
import { EvidencePanel } from "./EvidencePanel.tsx";
import { FillForm } from "./FillForm.tsx";
import { HistoryPanel, RelapsesPanel } from "./HistoryPanel.tsx";
import { NotesPanel } from "./NotesPanel.tsx";
import { hasRowActions, RowActions } from "./RowActions.tsx";
import { RowContext, RowDescriptions } from "./RowInfo.tsx";
import type { LedgerDetail } from "./types.ts";

interface Props {
  rowId: string | null;
  onClose: () => void;
  /** Something changed: the list reloads too. */
  onChanged: () => void;
}

const count = (label: string, n: number) => (n ? `${label}（${n}）` : label);

export function LedgerDrawer({ rowId, onClose, onChanged }: Props) {
  // A row that cannot be loaded says so in the drawer, without a message on top.
  const { data, loading, failed, reload } = useGet<LedgerDetail>(rowId ? `/api/ledger/${rowId}` : null, {
    quietWhenEmpty: true,
  });
  const detail = data && data.row.id === rowId ? data : undefined;
  const changed = () => {
    reload();
    onChanged();
  };

  let body;
  if (!detail) {
    body = failed ? (
      <Result status="warning" title="无法加载该台账条目" />
    ) : (
      <Spin style={{ display: "block", margin: "80px auto" }} />
    );
  } else {
    const { row } = detail;
    body = (
      <Spin spinning={loading}>
        <RowContext row={row} />
        <Tabs
          items={[
            {
              key: "info",
              label: row.can.fill ? "基本信息与填报" : "基本信息",
              children: (
                <>
                  <RowDescriptions row={row} withFill={row.can.fill} />
                  {row.can.fill && (
                    <>
                      <Typography.Title level={5} style={{ marginTop: 20 }}>
                        填报整改情况
                      </Typography.Title>
                      <FillForm key={`${row.id}-${row.version}`} row={row} onSaved={changed} onStale={changed} />
                    </>
                  )}
                </>
              ),
            },
            {
              key: "notes",
              label: count("进展记录", detail.notes.length),
              children: <NotesPanel rowId={row.id} notes={detail.notes} canAdd={row.can.addNote} onChanged={changed} />,
            },
            {
              key: "evidence",
              label: count("佐证材料", detail.evidence.length),
              children: (
                <EvidencePanel rowId={row.id} files={detail.evidence} canEdit={row.can.addEvidence} onChanged={changed} />
              ),
            },
            {
              key: "relapses",
              label: count("反弹记录", detail.relapses.length),
              children: <RelapsesPanel relapses={detail.relapses} />,
            },
            { key: "letters", label: "相关函件", children: <LettersOfRow rowId={row.id} /> },
            { key: "history", label: "操作历史", children: <HistoryPanel history={detail.history} /> },
          ]}
        />
      </Spin>
    );
  }

  return (
    <Drawer
      open={rowId !== null}
      onClose={onClose}
      width={720}
      title={detail ? `${detail.row.orgName} · 台账第${detail.row.seqLabel}条` : "台账条目"}
      footer={detail && hasRowActions(detail.row) ? <RowActions row={detail.row} onDone={changed} /> : null}
      destroyOnHidden
    >
      {body}
    </Drawer>
  );
}
