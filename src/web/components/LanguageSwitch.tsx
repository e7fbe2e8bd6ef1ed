import { Segmented } from 'antd';
import { useLang, useT, type Lang } from '../i18n';

/** VI | EN switch; the choice is remembered in localStorage. */
export function LanguageSwitch() {
  const { lang, setLang } = useLang();
  const t = useT();
  return (
    <Segmented<Lang>
      aria-label={t('lang.label')}
      size="small"
      value={lang}
      onChange={setLang}
      options={[
        { value: 'vi', label: <span title={t('lang.vi')}>{t('lang.viShort')}</span> },
        { value: 'en', label: <span title={t('lang.en')}>{t('lang.enShort')}</span> },
      ]}
    />
  );
}
