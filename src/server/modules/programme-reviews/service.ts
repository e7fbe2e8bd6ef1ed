import { contentSummary, reviewFigures, REVIEW_KIND_LABELS, type ReviewKind } from '../../../domain/coordination';
import type { Actor } from '../../platform/access';
import { recordAudit } from '../../platform/audit/audit';
import type { Db, Executor } from '../../platform/db/database';
import { errors } from '../../platform/errors';
import { programmeActivities } from '../activities/service';
import { householdsEscapedPoverty } from '../assessments/service';
import type { ProgrammeRow } from '../coordination/repo';
import {
  canManageProgramme,
  contentsOfProgrammes,
  requireManageProgramme,
  requireProgramme,
} from '../coordination/service';
import { tasksInPeriod } from '../coordination/tasks';
import { programmeCommendations } from '../emulation/service';
import { programmeSupervisions } from '../supervision/service';
import * as repo from './repo';
import { resourceFigures } from './resources';
import type { ReviewCreateReq, ReviewFiguresView, ReviewSections, ReviewUpdateReq, ReviewView } from './schemas';

const ENTITY = 'programme_review';
const notFound = () => errors.notFound('báo cáo sơ kết, tổng kết', 'Review report');

/**
 * The figures of a programme's review for a period, drawn from the records: activities (by start
 * date), supervisions (by the start of the period supervised) and their recommendations,
 * commendations (by decision date), tasks (by due date); and for the programme's area, households
 * that escaped poverty in the list years of the period and the resources mobilised (resources.ts).
 */
export async function draftFigures(
  db: Executor,
  programme: ProgrammeRow,
  from: string,
  to: string,
): Promise<ReviewFiguresView> {
  const [activities, supervisions, commendations, tasks, contents, householdsEscaped, resources] = await Promise.all([
    programmeActivities(db, programme.id, from, to),
    programmeSupervisions(db, programme.id, from, to),
    programmeCommendations(db, programme.id, from, to),
    tasksInPeriod(db, programme.id, from, to),
    contentsOfProgrammes(db, [programme.id]),
    householdsEscapedPoverty(db, programme, Number(from.slice(0, 4)), Number(to.slice(0, 4))),
    resourceFigures(db, programme, from, to),
  ]);
  const { total, byContent } = reviewFigures({
    activities,
    supervisions,
    commendations,
    tasks: tasks.map((t) => ({ contentId: t.contentId, status: t.status as never })),
  });
  const empty = reviewFigures({ activities: [], supervisions: [], commendations: [], tasks: [] }).total;
  return {
    total,
    byContent: [
      ...contents.map((c) => ({
        contentId: c.id,
        position: c.position,
        title: c.title,
        figures: byContent.get(c.id) ?? empty,
      })),
      ...(byContent.has(null)
        ? [
            {
              contentId: null,
              position: null,
              title: 'Hoạt động chung của chương trình',
              figures: byContent.get(null)!,
            },
          ]
        : []),
    ],
    householdsEscaped,
    resources,
    draftedAt: new Date().toISOString(),
  };
}

function draftSections(figures: ReviewFiguresView): ReviewSections {
  return {
    contents: figures.byContent.flatMap((c) =>
      c.contentId ? [{ contentId: c.contentId, text: contentSummary(c.figures) }] : [],
    ),
    difficulties: null,
    directions: null,
  };
}

function present(actor: Actor, programme: ProgrammeRow, r: repo.ReviewRow): ReviewView {
  return {
    id: r.id,
    programmeId: r.programmeId,
    programmeNumber: programme.number,
    kind: r.kind as ReviewKind,
    periodFrom: r.periodFrom,
    periodTo: r.periodTo,
    number: r.number,
    figures: r.figures as ReviewFiguresView,
    sections: r.sections as ReviewSections,
    canManage: canManageProgramme(actor, r),
    updatedAt: r.updatedAt.toISOString(),
    version: r.version,
  };
}

export async function listReviews(db: Db, actor: Actor, programmeId: string) {
  const programme = await requireProgramme(db, actor, programmeId);
  return { items: (await repo.ofProgramme(db, programmeId)).map((r) => present(actor, programme, r)) };
}

export async function getReview(db: Db, actor: Actor, id: string) {
  const row = await repo.find(db, id, actor.scope);
  if (!row) throw notFound();
  return present(actor, await requireProgramme(db, actor, row.programmeId), row);
}

/** Draft the review report of a programme for a period: figures from the data, text to be edited. */
export async function draftReview(db: Db, actor: Actor, programmeId: string, input: ReviewCreateReq) {
  return db.transaction(async (tx) => {
    const programme = await requireProgramme(tx, actor, programmeId);
    requireManageProgramme(actor, programme);
    const figures = await draftFigures(tx, programme, input.periodFrom, input.periodTo);
    const row = await repo.insert(tx, {
      programmeId,
      provinceCode: programme.provinceCode,
      communeCode: programme.communeCode,
      kind: input.kind,
      periodFrom: input.periodFrom,
      periodTo: input.periodTo,
      number: input.number ?? null,
      figures,
      sections: draftSections(figures),
    });
    const view = present(actor, programme, row);
    await recordAudit(tx, actor, {
      action: 'review.draft',
      entity: ENTITY,
      entityId: row.id,
      area: programme,
      after: view,
    });
    return view;
  });
}

async function changeReview(
  db: Db,
  actor: Actor,
  id: string,
  version: number,
  action: string,
  apply: (tx: Executor, row: repo.ReviewRow, programme: ProgrammeRow) => Promise<Partial<repo.NewReviewRow>>,
) {
  return db.transaction(async (tx) => {
    const row = await repo.find(tx, id, actor.scope, true);
    if (!row) throw notFound();
    const programme = await requireProgramme(tx, actor, row.programmeId);
    requireManageProgramme(actor, row);
    if (row.version !== version) throw errors.staleVersion();
    const updated = await repo.update(tx, id, version, await apply(tx, row, programme));
    if (!updated) throw errors.staleVersion();
    const before = present(actor, programme, row);
    const after = present(actor, programme, updated);
    await recordAudit(tx, actor, { action, entity: ENTITY, entityId: id, area: row, before, after });
    return after;
  });
}

/** Save the edited text (contents of the programme only, each once). */
export const editReview = (db: Db, actor: Actor, id: string, input: ReviewUpdateReq) =>
  changeReview(db, actor, id, input.version, 'review.edit', async (tx, row) => {
    const known = new Set((await contentsOfProgrammes(tx, [row.programmeId])).map((c) => c.id));
    const seen = new Set<string>();
    for (const [i, c] of input.sections.contents.entries()) {
      if (!known.has(c.contentId) || seen.has(c.contentId)) {
        throw errors.invalid(
          `sections.contents.${i}.contentId`,
          'Nội dung không thuộc chương trình hoặc bị lặp.',
          'Not a content of the programme, or repeated.',
        );
      }
      seen.add(c.contentId);
    }
    return { sections: input.sections, number: input.number === undefined ? row.number : input.number };
  });

/** Draw the figures again from the data (the edited text is kept). */
export const refreshReview = (db: Db, actor: Actor, id: string, version: number) =>
  changeReview(db, actor, id, version, 'review.refresh', async (tx, row, programme) => ({
    figures: await draftFigures(tx, programme, row.periodFrom, row.periodTo),
  }));

export const reviewTitle = (r: Pick<ReviewView, 'kind' | 'periodFrom' | 'periodTo' | 'programmeNumber'>) =>
  `${REVIEW_KIND_LABELS[r.kind].vi} thực hiện Chương trình phối hợp số ${r.programmeNumber} (từ ${r.periodFrom.split('-').reverse().join('/')} đến ${r.periodTo.split('-').reverse().join('/')})`;
