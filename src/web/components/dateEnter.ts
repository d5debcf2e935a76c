/**
 * For a form that saves with its own submit button: Enter in a date field takes the typed date (the picker handles
 * that first) but does not submit the form around it as well. Put it on the Form: `onKeyDown={keepEnterInDates}`.
 */
import type { KeyboardEvent } from "react";

export function keepEnterInDates(e: KeyboardEvent<HTMLFormElement>): void {
  if (e.key === "Enter" && e.target instanceof HTMLElement && e.target.closest(".ant-picker")) e.preventDefault();
}
