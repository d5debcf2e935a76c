/** Loads one GET resource for a screen: data (kept while reloading), loading flag, reload(). url = null waits. */
import { useCallback, useEffect, useState } from "react";
import { api } from "../api.ts";
import { useApiError } from "./useApiError.ts";

interface Loaded<T> {
  key: string | null;
  data: T | undefined;
  failed: boolean;
}

export function useGet<T>(url: string | null): { data: T | undefined; loading: boolean; failed: boolean; reload: () => void } {
  const [tick, setTick] = useState(0);
  const [loaded, setLoaded] = useState<Loaded<T>>({ key: null, data: undefined, failed: false });
  const showError = useApiError();
  const key = url === null ? null : `${url}#${tick}`;

  useEffect(() => {
    if (url === null || key === null) return;
    let live = true;
    api.get<T>(url).then(
      (data) => {
        if (live) setLoaded({ key, data, failed: false });
      },
      (e: unknown) => {
        if (!live) return;
        setLoaded((old) => ({ key, data: old.data, failed: true }));
        showError(e);
      },
    );
    return () => {
      live = false;
    };
  }, [url, key, showError]);

  const reload = useCallback(() => setTick((t) => t + 1), []);
  return { data: loaded.data, loading: url !== null && loaded.key !== key, failed: loaded.failed, reload };
}
