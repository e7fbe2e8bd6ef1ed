/** Dates as Vietnam lives them (UTC+7, no daylight saving), whatever the server's clock zone. */

/** Today in Vietnam as `YYYY-MM-DD`. */
export function todayInVietnam(now = new Date()): string {
  return new Date(now.getTime() + 7 * 3_600_000).toISOString().slice(0, 10);
}
