/**
 * Picks ledger rows — or the feedback problems they belong to — by searching the ledger (GET /api/ledger?q=…) as the
 * user types. Used as a form field: value and onChange are the chosen ids.
 */
import { Select, Spin } from "antd";
import { useEffect, useMemo, useRef, useState } from "react";
import { api, withQuery } from "../../api.ts";
import { useApiError } from "../../components/useApiError.ts";
import type { LedgerPageData } from "../ledger/types.ts";

export interface PickOption {
  value: string;
  label: string;
}

interface Props {
  pick: "row" | "problem";
  value?: string[];
  onChange?: (ids: string[]) => void;
  /** Labels of ids chosen before any search (a pre-filled form). */
  known?: PickOption[];
  placeholder?: string;
}

function optionsOf(pick: Props["pick"], page: LedgerPageData): PickOption[] {
  if (pick === "row")
    return page.items.map((r) => ({ value: r.id, label: `${r.orgName} 第${r.seqLabel}条（${r.statusLabel}）：${r.text}` }));
  const seen = new Map<string, PickOption>();
  for (const r of page.items)
    if (r.problemId && !seen.has(r.problemId))
      seen.set(r.problemId, { value: r.problemId, label: `${r.orgName}：${r.problemText}` });
  return [...seen.values()];
}

export function LedgerPicker({ pick, value, onChange, known, placeholder }: Props) {
  const showError = useApiError();
  const [found, setFound] = useState<PickOption[]>([]);
  const [searching, setSearching] = useState(false);
  const labels = useRef(new Map<string, string>());
  for (const o of known ?? []) labels.current.set(o.value, o.label);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const asked = useRef(0);

  const search = (q: string) => {
    clearTimeout(timer.current);
    timer.current = setTimeout(() => {
      const mine = ++asked.current;
      setSearching(true);
      api.get<LedgerPageData>(withQuery("/api/ledger", { q: q.trim(), pageSize: 30 })).then(
        (page) => {
          if (mine !== asked.current) return;
          const opts = optionsOf(pick, page);
          for (const o of opts) labels.current.set(o.value, o.label);
          setFound(opts);
          setSearching(false);
        },
        (e: unknown) => {
          if (mine !== asked.current) return;
          setSearching(false);
          showError(e);
        },
      );
    }, 300);
  };
  useEffect(() => () => clearTimeout(timer.current), []);

  // The chosen ids stay listed (with their labels) whatever the current search found.
  const options = useMemo(() => {
    const chosen = (value ?? []).map((id) => ({ value: id, label: labels.current.get(id) ?? id }));
    const ids = new Set(chosen.map((o) => o.value));
    return [...chosen, ...found.filter((o) => !ids.has(o.value))];
  }, [value, found]);

  return (
    <Select
      mode="multiple"
      value={value ?? []}
      onChange={(ids: string[]) => onChange?.(ids)}
      options={options}
      filterOption={false}
      showSearch
      onSearch={search}
      onFocus={() => {
        if (!found.length) search("");
      }}
      notFoundContent={searching ? <Spin size="small" /> : "没有找到，请换个关键词"}
      placeholder={placeholder ?? (pick === "row" ? "输入问题、措施或责任人搜索台账条目" : "输入关键词搜索反馈问题")}
      optionLabelProp="label"
      style={{ width: "100%" }}
    />
  );
}
