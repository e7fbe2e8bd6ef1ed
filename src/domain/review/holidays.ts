/**
 * Public holidays of Viet Nam (Labour Code 2019, Art. 112) as data, one list per year: the days
 * off that fall on a weekday (a weekend day is skipped anyway). Tết and the Hùng Kings' day follow
 * the lunar calendar; the government announces each year's swapped days, so the calendar is data
 * an administrator corrects, never a formula. `expected`: not yet announced when this was written.
 */
export interface Holiday {
  date: string;
  name: { vi: string; en: string };
  expected?: true;
}

const tet = { vi: 'Tết Nguyên đán', en: 'Lunar New Year (Tết)' };
const newYear = { vi: 'Tết Dương lịch', en: "New Year's Day" };
const hung = { vi: 'Giỗ Tổ Hùng Vương (10/3 âm lịch)', en: "Hùng Kings' Commemoration" };
const reunification = { vi: 'Ngày Chiến thắng (30/4)', en: 'Reunification Day (30 April)' };
const labour = { vi: 'Ngày Quốc tế Lao động (1/5)', en: 'International Labour Day (1 May)' };
const national = { vi: 'Quốc khánh (2/9)', en: 'National Day (2 September)' };
const swapped = { vi: 'Nghỉ bù, hoán đổi ngày làm việc', en: 'Swapped or compensatory day off' };

const days = (dates: string[], name: Holiday['name'], expected?: true): Holiday[] =>
  dates.map((date) => (expected ? { date, name, expected } : { date, name }));

export const HOLIDAYS: Record<number, Holiday[]> = {
  2025: [
    ...days(['2025-01-01'], newYear),
    // Tết Ất Tỵ (1/1 âm lịch = 29/01/2025): off 25/01 – 02/02.
    ...days(['2025-01-27', '2025-01-28', '2025-01-29', '2025-01-30', '2025-01-31'], tet),
    ...days(['2025-04-07'], hung),
    ...days(['2025-04-30'], reunification),
    ...days(['2025-05-01'], labour),
    ...days(['2025-05-02'], swapped),
    ...days(['2025-09-01', '2025-09-02'], national),
  ],
  2026: [
    ...days(['2026-01-01'], newYear),
    // Tết Bính Ngọ (1/1 âm lịch = 17/02/2026): off 14/02 – 22/02.
    ...days(['2026-02-16', '2026-02-17', '2026-02-18', '2026-02-19', '2026-02-20'], tet),
    // 10/3 âm lịch falls on Sunday 26/04/2026: the day off moves to Monday.
    ...days(['2026-04-27'], hung),
    ...days(['2026-04-30'], reunification),
    ...days(['2026-05-01'], labour),
    ...days(['2026-09-01', '2026-09-02'], national),
  ],
  2027: [
    ...days(['2027-01-01'], newYear, true),
    // Tết Đinh Mùi (1/1 âm lịch = 06/02/2027); the days off are expected, not yet announced.
    ...days(['2027-02-04', '2027-02-05', '2027-02-08', '2027-02-09', '2027-02-10'], tet, true),
    ...days(['2027-04-16'], hung, true),
    ...days(['2027-04-30'], reunification, true),
    // 1/5/2027 is a Saturday: compensatory Monday.
    ...days(['2027-05-03'], labour, true),
    ...days(['2027-09-02', '2027-09-03'], national, true),
  ],
};

export const ALL_HOLIDAYS: readonly Holiday[] = Object.values(HOLIDAYS).flat();
