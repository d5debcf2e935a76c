/** Loads one GET resource for a screen: data (kept while reloading), loading flag, reload(). url = null waits. */
import { useCallback, useEffect, useRef, useState } from "react";
import { api } from "../api.ts";
import { useApiError } from "./useApiError.ts";

interface Loaded<T> {
  key: string | null;
  data: T | undefined;
  failed: boolean;
}

interface Options {
  /**
   * The screen shows a failure itself while it has nothing of this url to show (e.g. a drawer's "cannot load"), so
   * only a failed reload is also told as a message.
   */
  quietWhenEmpty?: boolean;
}

export function useGet<T>(
  url: string | null,
  { quietWhenEmpty = false }: Options = {},
): { data: T | undefined; loading: boolean; failed: boolean; reload: () => void } {
  const [tick, setTick] = useState(0);
  const [loaded, setLoaded] = useState<Loaded<T>>({ key: null, data: undefined, failed: false });
  const showError = useApiError();
  const key = url === null ? null : `${url}#${tick}`;
  /** The url whose data the screen has (set when an answer arrives). */
  const shown = useRef<string | null>(null);

  useEffect(() => {
    if (url === null || key === null) return;
    let live = true;
    api.get<T>(url).then(
      (data) => {
        if (!live) return;
        shown.current = url;
        setLoaded({ key, data, failed: false });
      },
      (e: unknown) => {
        if (!live) return;
        setLoaded((old) => ({ key, data: old.data, failed: true }));
        if (!quietWhenEmpty || shown.current === url) showError(e);
      },
    );
    return () => {
      live = false;
    };
  }, [url, key, showError, quietWhenEmpty]);

  const reload = useCallback(() => setTick((t) => t + 1), []);
  return { data: loaded.data, loading: url !== null && loaded.key !== key, failed: loaded.failed, reload };
}
