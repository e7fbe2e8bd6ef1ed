/** Dates as Vietnam lives them (UTC+7, no daylight saving), whatever the server's clock zone. */

/** Today in Vietnam as `YYYY-MM-DD`. */
export function todayInVietnam(now = new Date()): string {
  return new Date(now.getTime() + 7 * 3_600_000).toISOString().slice(0, 10);
}

/** A `YYYY-MM-DD` date as Vietnamese documents write it: dd/mm/yyyy. */
export function vietnameseDate(iso: string): string {
  return `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}`;
}
