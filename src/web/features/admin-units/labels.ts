import { useT, type MessageKey } from '../../i18n';

const KNOWN_TYPES = new Set([
  'province',
  'municipality',
  'commune',
  'ward',
  'special_administrative_region',
  'district',
  'urban_district',
  'district_level_town',
  'provincial_city',
  'municipal_city',
  'commune_level_town',
]);

/** The name of a unit type code ("ward" → "Phường"); unknown codes are shown as they are. */
export function useUnitTypeLabel(): (code: string) => string {
  const t = useT();
  return (code) => (KNOWN_TYPES.has(code) ? t(`unitTypes.${code}` as MessageKey) : code);
}
