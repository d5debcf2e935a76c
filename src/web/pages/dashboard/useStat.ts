/**
 * Loads one figure of the statistics API for the dashboard's filter. Unlike useGet it hands the failure to the card
 * that shows it: a refusal (403, e.g. leads for someone who may not see them) hides the card, any other failure is
 * shown on the card in Chinese. The previous answer stays on screen while a new filter loads.
 */
import { useCallback, useEffect, useState } from "react";
import type { StatFigure, StatFilter, StatResult } from "../../../domain/stats.ts";
import { ApiError, api, withQuery } from "../../api.ts";
import { filterQuery } from "./filter.ts";

export interface StatState {
  figure: StatFigure;
  data: StatResult | undefined;
  loading: boolean;
  /** The server's Chinese message when the figure could not be loaded (not for a refusal). */
  error: string | null;
  /** The user may not see this figure: its card is left out. */
  forbidden: boolean;
  reload: () => void;
}

interface Loaded {
  url: string;
  data: StatResult | undefined;
  error: string | null;
  forbidden: boolean;
}

export const statUrl = (figure: StatFigure, filter: StatFilter): string => withQuery(`/api/stats/${figure}`, filterQuery(filter));

/** Which figures the user may see (GET /api/stats); undefined while that list loads. */
export type Availability = Partial<Record<StatFigure, boolean>> | undefined;

export function useStat(figure: StatFigure, filter: StatFilter, available: Availability): StatState {
  const allowed = available?.[figure];
  // Nothing is asked before the list of figures says whether this one may be seen, nor when it may not.
  const url = allowed ? statUrl(figure, filter) : null;
  const [tick, setTick] = useState(0);
  const key = `${url}#${tick}`;
  const [loaded, setLoaded] = useState<Loaded & { key: string | null }>({
    key: null,
    url: "",
    data: undefined,
    error: null,
    forbidden: false,
  });

  useEffect(() => {
    if (!url) return;
    let live = true;
    api.get<StatResult>(url).then(
      (data) => {
        if (live) setLoaded({ key, url, data, error: null, forbidden: false });
      },
      (e: unknown) => {
        if (!live) return;
        const forbidden = e instanceof ApiError && e.status === 403;
        const error = e instanceof ApiError ? e.message : "统计数据加载失败，请稍后重试";
        setLoaded((old) => ({ key, url, data: forbidden ? undefined : old.data, error: forbidden ? null : error, forbidden }));
      },
    );
    return () => {
      live = false;
    };
  }, [url, key]);

  const reload = useCallback(() => setTick((t) => t + 1), []);
  const current = loaded.url === url;
  return {
    figure,
    data: loaded.data,
    loading: url !== null && loaded.key !== key,
    error: current ? loaded.error : null,
    // Who may see a figure does not depend on the filter: a refused card stays hidden while another filter loads.
    forbidden: allowed === false || loaded.forbidden,
    reload,
  };
}
