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

/** "members.0.citizenId" → ['members', 0, 'citizenId'], as antd forms name nested fields. */
export function fieldPath(field: string): (string | number)[] {
  return field
    .replace(/^body\./u, '')
    .split('.')
    .map((part) => (/^\d+$/u.test(part) ? Number(part) : part));
}

/**
 * Put the server's per-field messages under the matching form fields (nested ones too, such as
 * `members.0.citizenId`). Returns true when at least one field matched (then no separate banner
 * is needed).
 */
export function applyFieldErrors(form: FormInstance, t: TFunction, error: unknown): boolean {
  if (!(error instanceof ApiError) || error.errors.length === 0) return false;
  const known = new Set(Object.keys(form.getFieldsValue(true) as object));
  const fields = error.errors
    .map((e) => ({ name: fieldPath(e.field), message: t.lang === 'en' ? e.messageEn : e.message }))
    .filter((e) => known.has(String(e.name[0])));
  form.setFields(fields.map((f) => ({ name: f.name, errors: [f.message] })));
  return fields.length > 0;
}
