import { Descriptions } from 'antd';
import { useT } from '../../i18n';
import { DURABILITY_LABELS, INFORMATION_DEVICE_LABELS } from '../../../domain/registry/survey-labels';
import type { Dwelling } from './api';
import { DWELLING_FACTS } from './logic';

/** The dwelling as recorded; what was never recorded says so. */
export function DwellingView({ dwelling: d }: { dwelling: Dwelling }) {
  const t = useT();
  const unknown = t('households.unknown');
  const yesNo = (v: boolean | null) => (v === null ? unknown : v ? t('households.yes') : t('households.no'));
  return (
    <Descriptions
      size="small"
      bordered
      column={{ xs: 1, md: 2 }}
      items={[
        ...(['walls', 'frame', 'roof'] as const).map((part) => ({
          key: part,
          label: t(`households.${part}`),
          children: d[part] ? t.label(DURABILITY_LABELS[d[part]]) : unknown,
        })),
        {
          key: 'floorArea',
          label: t('households.floorArea'),
          children:
            d.floorArea === null
              ? unknown
              : t('households.floorAreaValue', {
                  area: d.floorArea.toLocaleString(t.lang === 'en' ? 'en-GB' : 'vi-VN'),
                }),
        },
        ...DWELLING_FACTS.map((fact) => ({ key: fact, label: t(`households.${fact}`), children: yesNo(d[fact]) })),
        {
          key: 'devices',
          label: t('households.devices'),
          children:
            d.devices === null
              ? unknown
              : d.devices.length === 0
                ? t('households.no')
                : d.devices.map((x) => t.label(INFORMATION_DEVICE_LABELS[x])).join(', '),
        },
      ]}
    />
  );
}
