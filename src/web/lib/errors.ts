import type { FormInstance } from 'antd';
import { ApiError, NETWORK_ERROR } from '../api/client';
import { useT, type TFunction } from '../i18n';

/** The message a user should read for a failed request, in the chosen language. */
export function errorText(t: TFunction, error: unknown): string {
  if (error instanceof ApiError) {
    if (error.code === NETWORK_ERROR) return t('errors.network');
    const text = t.lang === 'en' ? (error.detailEn ?? error.detail) : (error.detail ?? error.detailEn);
    return text ?? t('errors.unexpected', { status: error.status });
  }
  return t('errors.unexpected', { status: '—' });
}

export function useErrorText(): (error: unknown) => string {
  const t = useT();
  return (error: unknown) => errorText(t, error);
}

/**
 * Put the server's per-field messages under the matching form fields. Returns true when at
 * least one field matched (then no separate banner is needed).
 */
export function applyFieldErrors(form: FormInstance, t: TFunction, error: unknown): boolean {
  if (!(error instanceof ApiError) || error.errors.length === 0) return false;
  const known = new Set(Object.keys(form.getFieldsValue(true) as object));
  const fields = error.errors
    .map((e) => ({ name: e.field.replace(/^body\./u, ''), message: t.lang === 'en' ? e.messageEn : e.message }))
    .filter((e) => known.has(e.name));
  form.setFields(fields.map((f) => ({ name: f.name, errors: [f.message] })));
  return fields.length > 0;
}
