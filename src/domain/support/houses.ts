/**
 * A house built or repaired with support (nhà đại đoàn kết, hỗ trợ nhà ở): approved → under
 * construction → completed → handed over, each step dated no earlier than the one before, and
 * the rule that puts a house on the "behind schedule" list.
 */
import { vietnameseDate } from '../calendar';
import type { Localized } from '../poverty';

export const HOUSE_STAGES = ['approved', 'under_construction', 'completed', 'handed_over'] as const;
export type HouseStage = (typeof HOUSE_STAGES)[number];

export const HOUSE_STAGE_LABELS: Record<HouseStage, Localized> = {
  approved: { vi: 'Đã phê duyệt', en: 'Approved' },
  under_construction: { vi: 'Đang xây dựng', en: 'Under construction' },
  completed: { vi: 'Đã hoàn thành', en: 'Completed' },
  handed_over: { vi: 'Đã bàn giao', en: 'Handed over' },
};

/** The dates a house has reached (YYYY-MM-DD); the approved date always, the rest as it goes. */
export type HouseDates = { approved: string } & Partial<Record<Exclude<HouseStage, 'approved'>, string>>;

export interface HouseProgress {
  dates: HouseDates;
  /** The planned completion date set at approval. */
  plannedCompletion: string;
}

export function stageOf(dates: HouseDates): HouseStage {
  return [...HOUSE_STAGES].reverse().find((s) => dates[s] !== undefined) ?? 'approved';
}

export type StepResult = { ok: true; dates: HouseDates } | { ok: false; reason: Localized };

/** Move a house to its next stage on a date: only the next stage, never dated before the last step. */
export function advance(dates: HouseDates, to: HouseStage, on: string): StepResult {
  const current = stageOf(dates);
  const next = HOUSE_STAGES[HOUSE_STAGES.indexOf(current) + 1];
  if (to !== next) {
    const label = HOUSE_STAGE_LABELS;
    return {
      ok: false,
      reason: next
        ? {
            vi: `Nhà đang ở bước "${label[current].vi}": bước tiếp theo là "${label[next].vi}", không phải "${label[to].vi}".`,
            en: `The house is "${label[current].en}": the next stage is "${label[next].en}", not "${label[to].en}".`,
          }
        : { vi: 'Nhà đã được bàn giao.', en: 'The house has already been handed over.' },
    };
  }
  const last = dates[current]!;
  if (on < last)
    return {
      ok: false,
      reason: {
        vi: `Ngày ${vietnameseDate(on)} sớm hơn ngày của bước trước (${vietnameseDate(last)}).`,
        en: `${vietnameseDate(on)} is earlier than the previous stage (${vietnameseDate(last)}).`,
      },
    };
  return { ok: true, dates: { ...dates, [to]: on } };
}

/** Days after approval within which building should start. */
export const START_WITHIN_DAYS = 60;

const addDays = (date: string, days: number) =>
  new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

/**
 * Why a house is behind schedule on `today`, or null: not started within 60 days of approval,
 * or not completed by its planned completion date. Completed and handed-over houses are not.
 */
export function behindSchedule(house: HouseProgress, today: string): Localized | null {
  const stage = stageOf(house.dates);
  if (stage === 'completed' || stage === 'handed_over') return null;
  if (today > house.plannedCompletion)
    return {
      vi: `Quá hạn hoàn thành (${vietnameseDate(house.plannedCompletion)}).`,
      en: `Past its planned completion (${vietnameseDate(house.plannedCompletion)}).`,
    };
  const startBy = addDays(house.dates.approved, START_WITHIN_DAYS);
  if (stage === 'approved' && today > startBy)
    return {
      vi: `Chưa khởi công sau ${START_WITHIN_DAYS} ngày kể từ khi phê duyệt (${vietnameseDate(house.dates.approved)}).`,
      en: `Not started ${START_WITHIN_DAYS} days after approval (${vietnameseDate(house.dates.approved)}).`,
    };
  return null;
}
