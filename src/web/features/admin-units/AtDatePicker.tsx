import { DatePicker } from 'antd';
import dayjs from 'dayjs';
import { useSearchParams } from 'react-router-dom';
import { useT } from '../../i18n';

/** "View as at" date, kept in the address (?at=YYYY-MM-DD) so a link shows the same structure. */
export function useAtDate(): [string | undefined, (at: string | undefined) => void] {
  const [params, setParams] = useSearchParams();
  const at = params.get('at') ?? undefined;
  const setAt = (next: string | undefined) => {
    const copy = new URLSearchParams(params);
    if (next) copy.set('at', next);
    else copy.delete('at');
    setParams(copy, { replace: true });
  };
  return [at, setAt];
}

export function AtDatePicker() {
  const t = useT();
  const [at, setAt] = useAtDate();
  return (
    <DatePicker
      format="DD/MM/YYYY"
      value={at ? dayjs(at) : null}
      onChange={(d) => setAt(d ? d.format('YYYY-MM-DD') : undefined)}
      placeholder={t('adminUnits.atToday')}
      aria-label={t('adminUnits.atDate')}
      prefix={t('adminUnits.atDate')}
      style={{ minWidth: 240 }}
    />
  );
}
