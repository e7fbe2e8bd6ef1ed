/** Dates as Vietnamese offices write them: dd/mm/yyyy and dd/mm/yyyy HH:mm, Hanoi time. */
const TIME_ZONE = 'Asia/Ho_Chi_Minh';

const dateTimeParts = new Intl.DateTimeFormat('en-GB', {
  timeZone: TIME_ZONE,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});

export function formatDateTime(value: string | null | undefined): string {
  if (!value) return '';
  const date = new Date(value);
  if (Number.isNaN(date.getTime())) return value;
  const parts = Object.fromEntries(dateTimeParts.formatToParts(date).map((p) => [p.type, p.value]));
  return `${parts.day}/${parts.month}/${parts.year} ${parts.hour}:${parts.minute}`;
}

/** A business date `YYYY-MM-DD` (or a timestamp) as dd/mm/yyyy. */
export function formatDate(value: string | null | undefined): string {
  if (!value) return '';
  const match = /^(\d{4})-(\d{2})-(\d{2})$/u.exec(value);
  if (match) return `${match[3]}/${match[2]}/${match[1]}`;
  return formatDateTime(value).slice(0, 10);
}

/** Thousands with dots, as in "1.500.000". */
export function formatNumber(value: number): string {
  return new Intl.NumberFormat('vi-VN').format(value);
}
