/**
 * The one submit sequence of every form: check the fields (the form shows what is missing), mark it saving, send,
 * show the success message, and on failure show the server's message with field errors on the form.
 */
import { App, type FormInstance } from "antd";
import { useState } from "react";
import { useApiError } from "./useApiError.ts";

export interface SubmitOptions {
  /** Handles a failure itself (e.g. a stale version); returns false to leave it to the usual message. */
  onError?: (e: unknown) => boolean;
}

/**
 * `save` sends the values and resolves to the success message (or nothing to show); it throws to fail. Errors it
 * throws (an ApiError, or an Error with a Chinese message) are shown as usual.
 */
export function useFormSubmit<V>(
  form: FormInstance<V>,
  save: (values: V) => Promise<string | void>,
  { onError }: SubmitOptions = {},
): {
  saving: boolean;
  /** Checks the fields, then sends: for a button outside the form (a dialog's OK). */
  submit: () => Promise<void>;
  /** Sends values the form has checked already: for the form's onFinish. */
  finish: (values: V) => Promise<void>;
} {
  const [saving, setSaving] = useState(false);
  const { message } = App.useApp();
  const showError = useApiError();

  const finish = async (values: V) => {
    setSaving(true);
    try {
      const done = await save(values);
      if (done) void message.success(done);
    } catch (e) {
      if (!onError?.(e)) showError(e, form);
    } finally {
      setSaving(false);
    }
  };

  const submit = async () => {
    let values: V;
    try {
      values = await form.validateFields();
    } catch {
      return; // the form shows what is missing
    }
    await finish(values);
  };

  return { saving, submit, finish };
}
