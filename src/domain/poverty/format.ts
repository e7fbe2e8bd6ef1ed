/**
 * Number formatting for explanations. Written out rather than Intl so that server and browser
 * print exactly the same text whatever ICU data they carry: "1.500.000 đ" / "1,500,000 VND".
 */
export type Language = 'vi' | 'en';

const SEPARATORS: Record<Language, { group: string; decimal: string }> = {
  vi: { group: '.', decimal: ',' },
  en: { group: ',', decimal: '.' },
};

/** Up to `decimals` places, trailing zeros dropped: 6.4 → "6,4" (vi), 1500000 → "1.500.000". */
export function formatNumber(value: number, language: Language, decimals = 0): string {
  const { group, decimal } = SEPARATORS[language];
  const fixed = Math.abs(value).toFixed(decimals);
  const [whole = '0', fraction] = (decimals > 0 ? fixed.replace(/\.?0+$/u, '') : fixed).split('.');
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/gu, group);
  return `${value < 0 ? '-' : ''}${grouped}${fraction ? decimal + fraction : ''}`;
}

export function formatVnd(value: number, language: Language): string {
  return `${formatNumber(value, language)} ${language === 'vi' ? 'đ' : 'VND'}`;
}
