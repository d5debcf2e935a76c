/**
 * A form in a dialog, the way the app asks for a record: the dialog with its OK button, the vertical form, a fresh
 * start (initialValues) on every opening, and the submit sequence of useFormSubmit. The caller keeps the fields.
 */
import { Form, Modal, type FormInstance, type FormProps } from "antd";
import { useEffect, type ReactNode } from "react";
import { useFormSubmit, type SubmitOptions } from "./useFormSubmit.ts";

interface Props<V> extends SubmitOptions {
  open: boolean;
  title: ReactNode;
  okText: string;
  /** From Form.useForm in the caller, which may watch fields or set them. */
  form: FormInstance<V>;
  /** The form's name: field ids derive from it, and the labels point at them. */
  name?: string;
  /** What the form shows each time it opens (it is reset to these). */
  initialValues?: FormProps<V>["initialValues"];
  /** Sends the values; resolves to the success message (or nothing to show); throws to fail. */
  onSubmit: (values: V) => Promise<string | void>;
  onClose: () => void;
  width?: number;
  /** A red OK button, for actions that send something back or reopen it. */
  danger?: boolean;
  /**
   * Unmounts the fields when closed, so the next opening starts from initialValues by itself. Otherwise they stay
   * rendered (hidden) and are reset on opening.
   */
  destroyOnHidden?: boolean;
  children: ReactNode;
}

export function FormModal<V>({
  open,
  title,
  okText,
  form,
  name,
  initialValues,
  onSubmit,
  onError,
  onClose,
  width,
  danger,
  destroyOnHidden,
  children,
}: Props<V>) {
  const { saving, submit } = useFormSubmit(form, onSubmit, { onError });

  // The Form has rendered with this opening's initialValues before the effect runs, so the reset takes them.
  useEffect(() => {
    if (open && !destroyOnHidden) form.resetFields();
  }, [open, destroyOnHidden, form]);

  return (
    <Modal
      open={open}
      title={title}
      okText={okText}
      okButtonProps={danger ? { danger } : undefined}
      onOk={() => void submit()}
      onCancel={onClose}
      confirmLoading={saving}
      width={width}
      forceRender={!destroyOnHidden}
      destroyOnHidden={destroyOnHidden}
    >
      <Form<V>
        name={name}
        form={form}
        layout="vertical"
        initialValues={initialValues}
        preserve={destroyOnHidden ? false : undefined}
      >
        {children}
      </Form>
    </Modal>
  );
}
