import { Descriptions } from 'antd';
import { useT } from '../../i18n';
import type { Dwelling } from './api';

const FACTS = [
  'cleanWater',
  'hygienicLatrine',
  'telecomSubscription',
  'hearsLoudspeaker',
  'internetUse',
  'wasteHandledHygienically',
] as const;

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
          children: d[part] ? t(`households.durabilities.${d[part]}`) : unknown,
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
        ...FACTS.map((fact) => ({ key: fact, label: t(`households.${fact}`), children: yesNo(d[fact]) })),
        {
          key: 'devices',
          label: t('households.devices'),
          children:
            d.devices === null
              ? unknown
              : d.devices.length === 0
                ? t('households.no')
                : d.devices.map((x) => t(`households.deviceNames.${x}`)).join(', '),
        },
      ]}
    />
  );
}
