import { useMutation } from '@tanstack/react-query';
import { Alert, Form, Modal } from 'antd';
import { useEffect, useState, type ReactNode } from 'react';
import { useT } from '../i18n';
import { applyFieldErrors, useErrorText } from '../lib/errors';

/**
 * A dialog around a form that is sent to the server: the OK button submits the form, waits for
 * `submit`, then calls `onSaved`. A refusal that names fields is shown under those fields; any
 * other refusal in a banner above the form. The form starts again from `initialValues` each time
 * the dialog opens.
 */
export function FormModal<V extends object, R>({
  open,
  title,
  okText,
  danger = false,
  intro,
  initialValues,
  submit,
  onSaved,
  onClose,
  children,
  maskClosable = false,
  cancelText,
  dismissible = true,
  requiredMark,
  width,
}: {
  open: boolean;
  title: ReactNode;
  okText: string;
  /** A destructive action: the OK button is red. */
  danger?: boolean;
  /** Shown above the form: an explanation, or the record as it is now. */
  intro?: ReactNode;
  initialValues?: Partial<V>;
  submit: (values: V) => Promise<R>;
  /** Called with the server's answer; the dialog stays busy while a returned promise runs. */
  onSaved: (result: R) => unknown;
  /** Cancel, the close button, Escape (and a click outside when `maskClosable`). */
  onClose: () => void;
  /** The form's items. */
  children: ReactNode;
  /** Close on a click outside the dialog (off by default, so that typing is not lost). */
  maskClosable?: boolean;
  cancelText?: string;
  /** False: no close button and no Escape; only OK or Cancel leave the dialog. */
  dismissible?: boolean;
  requiredMark?: boolean;
  /** Wider than the default for long forms (capped by the screen). */
  width?: number;
}) {
  const t = useT();
  const errorText = useErrorText();
  const [form] = Form.useForm<V>();
  const [error, setError] = useState<unknown>(null);

  useEffect(() => setError(null), [open]);

  const mutation = useMutation({
    mutationFn: submit,
    onSuccess: (result) => onSaved(result),
    onError: (e) => setError(applyFieldErrors(form, t, e) ? null : e),
  });

  return (
    <Modal
      open={open}
      title={title}
      okText={okText}
      okButtonProps={danger ? { danger: true } : undefined}
      cancelText={cancelText ?? t('common.cancel')}
      onOk={() => form.submit()}
      onCancel={onClose}
      confirmLoading={mutation.isPending}
      closable={dismissible}
      keyboard={dismissible}
      mask={{ closable: maskClosable }}
      destroyOnHidden
      width={width}
    >
      {intro}
      {error !== null && <Alert type="error" showIcon title={errorText(error)} style={{ marginBottom: 16 }} />}
      <Form<V>
        form={form}
        layout="vertical"
        preserve={false}
        requiredMark={requiredMark}
        onFinish={(v) => mutation.mutate(v)}
        initialValues={initialValues}
      >
        {children}
      </Form>
    </Modal>
  );
}
