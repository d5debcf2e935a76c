/** The filter every chart shares: 届次, 巡察轮次, 时间段, 单位 (with its subtree). */
import { Button, DatePicker, Form, Select } from "antd";
import type { StatFilter } from "../../../domain/stats.ts";
import { dayOf, isoOf } from "../../components/format.ts";
import { OrgTreeSelect } from "../../components/OrgTreeSelect.tsx";
import type { Round, Term } from "../rounds/types.ts";
import { isEmptyFilter } from "./filter.ts";

interface Props {
  filter: StatFilter;
  onChange: (f: StatFilter) => void;
  /** null: the user may not list terms and rounds (the two pickers are left out). */
  terms: Term[] | null;
  rounds: Round[] | null;
  loading: boolean;
}

export function FilterBar({ filter, onChange, terms, rounds, loading }: Props) {
  const set = (patch: Partial<StatFilter>) => {
    const next: StatFilter = { ...filter, ...patch };
    for (const k of Object.keys(next) as Array<keyof StatFilter>) if (!next[k]) delete next[k];
    onChange(next);
  };
  const roundsOfTerm = (rounds ?? []).filter((r) => !filter.termId || r.termId === filter.termId);

  return (
    <Form layout="inline" style={{ rowGap: 8 }}>
      {terms && (
        <Form.Item label="届次" htmlFor="stats-term">
          <Select
            id="stats-term"
            allowClear
            showSearch
            optionFilterProp="label"
            placeholder="全部届次"
            style={{ width: 180 }}
            loading={loading}
            value={filter.termId}
            options={terms.map((t) => ({ value: t.id, label: t.name }))}
            onChange={(termId?: string) => {
              // A round of another term no longer fits.
              const round = rounds?.find((r) => r.id === filter.roundId);
              set({ termId, roundId: round && termId && round.termId !== termId ? undefined : filter.roundId });
            }}
          />
        </Form.Item>
      )}
      {rounds && (
        <Form.Item label="巡察轮次" htmlFor="stats-round">
          <Select
            id="stats-round"
            allowClear
            showSearch
            optionFilterProp="label"
            placeholder="全部轮次"
            style={{ width: 250 }}
            loading={loading}
            value={filter.roundId}
            popupMatchSelectWidth={false}
            notFoundContent="暂无轮次"
            options={roundsOfTerm.map((r) => ({ value: r.id, label: r.name }))}
            onChange={(roundId?: string) => set({ roundId })}
          />
        </Form.Item>
      )}
      <Form.Item label="时间段">
        <DatePicker.RangePicker
          allowEmpty={[true, true]}
          style={{ width: 240 }}
          value={[dayOf(filter.from), dayOf(filter.to)]}
          onChange={(v) => set({ from: isoOf(v?.[0]), to: isoOf(v?.[1]) })}
        />
      </Form.Item>
      <Form.Item label="单位" tooltip="所选单位及其全部下属单位">
        <div style={{ width: 200 }}>
          <OrgTreeSelect optional placeholder="全部单位" value={filter.orgId} onChange={(orgId) => set({ orgId })} />
        </div>
      </Form.Item>
      <Form.Item>
        <Button disabled={isEmptyFilter(filter)} onClick={() => onChange({})}>
          重置
        </Button>
      </Form.Item>
    </Form>
  );
}
