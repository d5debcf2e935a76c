/** Shows a failed request the way users expect: the server's Chinese message, and field errors on the form. */
import { App, type FormInstance } from "antd";
import { useCallback } from "react";
import { ApiError } from "../api.ts";

/** "days.0.date" → ["days", 0, "date"] (antd NamePath). */
const namePath = (field: string): (string | number)[] => field.split(".").map((p) => (/^\d+$/.test(p) ? Number(p) : p));

export function useApiError(): (e: unknown, form?: FormInstance) => void {
  const { message } = App.useApp();
  return useCallback(
    (e: unknown, form?: FormInstance) => {
      if (e instanceof ApiError) {
        if (e.handled) return;
        if (form && e.fields.length) {
          const known = new Set(form.getFieldsError().map((f) => f.name.join(".")));
          const mine = e.fields.filter((f) => known.has(f.field));
          if (mine.length) {
            form.setFields(mine.map((f) => ({ name: namePath(f.field), errors: [f.message] })));
            if (mine.length === e.fields.length) {
              void message.error("提交的内容有误，请按提示修改");
              return;
            }
          }
        }
        void message.error(e.message);
        return;
      }
      void message.error(e instanceof Error && e.message ? e.message : "操作失败，请稍后重试");
    },
    [message],
  );
}
