import { scopeCovers, scopeFromCodes, type Area } from '../../../domain/access';
import { formatVnd, type TaskEvidenceKind } from '../../../domain/coordination';
import { SUPPORT_KIND_LABELS } from '../../../domain/support/catalog';
import type { Actor } from '../../platform/access';
import { recordAudit } from '../../platform/audit/audit';
import type { Db } from '../../platform/db/database';
import { AppError, errors, whenUniqueViolated } from '../../platform/errors';
import { getCampaign, getFund } from '../fund/service';
import { getModel } from '../models/service';
import { supportsByIds } from '../support/service';
import { getDistributionSummary } from '../support/distribution-view';
import * as repo from './repo';
import type { EvidenceLinkReq, EvidenceView } from './schemas';
import { canManageProgramme, requireManageProgramme } from './service';

/**
 * Evidence a task links from other modules (issue 6, point 2): a fund campaign, a support, a
 * distribution of supports (one piece of evidence for its whole list), a model. Each is read through its own module as the caller (so a record the caller may not see
 * is unknown), must lie inside the area of the task's programme, and is kept as a reference.
 */

const ENTITY = 'coordination_task_evidence';

const unknownRecord = () =>
  errors.invalid('refId', 'Bản ghi không tồn tại hoặc nằm ngoài địa bàn của bạn.', 'Unknown or out-of-scope record.');

/** What is kept of a linked record: where it lies, what it is called, its date. */
interface Reference extends Area {
  provinceCode: string;
  label: string;
  date: string;
}

/** A 404 from the other module means the caller may not see the record: bad input here. */
const orUnknown = <T>(read: Promise<T>) =>
  read.catch((e: unknown) => {
    throw e instanceof AppError && e.code === 'not_found' ? unknownRecord() : e;
  });

const RESOLVE: Record<TaskEvidenceKind, (db: Db, actor: Actor, id: string) => Promise<Reference>> = {
  fund_campaign: async (db, actor, id) => {
    const campaign = await orUnknown(getCampaign(db, actor, id));
    const fund = await getFund(db, actor, campaign.fundId);
    return {
      provinceCode: fund.provinceCode,
      communeCode: fund.communeCode,
      label: campaign.name,
      date: campaign.startDate,
    };
  },
  support: async (db, actor, id) => {
    const [support] = await supportsByIds(db, actor, [id]);
    if (!support) throw unknownRecord();
    if (support.cancelled) {
      throw errors.invalid('refId', 'Khoản hỗ trợ đã bị hủy, không làm minh chứng.', 'The support was cancelled.');
    }
    return {
      provinceCode: support.provinceCode,
      communeCode: support.communeCode,
      label: `${SUPPORT_KIND_LABELS[support.kind].vi}: ${formatVnd(support.value)}`,
      date: support.date,
    };
  },
  distribution: async (db, actor, id) => {
    const distribution = await orUnknown(getDistributionSummary(db, actor, id));
    if (distribution.households === 0) {
      throw errors.invalid(
        'refId',
        'Mọi hỗ trợ của đợt phát đã bị hủy, không làm minh chứng.',
        'Every support of the distribution was cancelled.',
      );
    }
    return {
      provinceCode: distribution.provinceCode,
      communeCode: distribution.communeCode,
      label: distribution.title,
      date: distribution.date,
    };
  },
  model: async (db, actor, id) => {
    const model = await orUnknown(getModel(db, actor, id));
    return {
      provinceCode: model.provinceCode,
      communeCode: model.communeCode,
      label: model.name,
      date: model.startsOn,
    };
  },
};

async function requireTaskToManage(db: Db, actor: Actor, taskId: string) {
  const row = await repo.findTask(db, taskId, actor.scope);
  if (!row) throw errors.notFound('nhiệm vụ', 'Task');
  requireManageProgramme(actor, row.task);
  return row.task;
}

function present(actor: Actor, task: Area, r: repo.EvidenceRow): EvidenceView {
  return {
    id: r.id,
    taskId: r.taskId,
    kind: r.kind as TaskEvidenceKind,
    refId: r.refId,
    label: r.label,
    date: r.date,
    provinceCode: r.provinceCode,
    communeCode: r.communeCode,
    canUnlink: canManageProgramme(actor, task),
  };
}

/** The task's linked records that lie where the caller may see them. */
export async function listEvidence(db: Db, actor: Actor, taskId: string) {
  const row = await repo.findTask(db, taskId, actor.scope);
  if (!row) throw errors.notFound('nhiệm vụ', 'Task');
  return { items: (await repo.evidenceOf(db, taskId, actor.scope)).map((r) => present(actor, row.task, r)) };
}

export async function linkEvidence(db: Db, actor: Actor, taskId: string, input: EvidenceLinkReq) {
  const task = await requireTaskToManage(db, actor, taskId);
  const ref = await RESOLVE[input.kind](db, actor, input.refId);
  if (!scopeCovers(scopeFromCodes(task), ref)) {
    throw errors.invalid(
      'refId',
      'Bản ghi nằm ngoài địa bàn của chương trình phối hợp.',
      "The record lies outside the programme's area.",
    );
  }
  return db.transaction(async (tx) => {
    const row = await repo
      .insertEvidence(tx, { taskId, kind: input.kind, refId: input.refId, ...ref, createdBy: actor.id })
      .catch(
        whenUniqueViolated('coordination_task_evidence_ref', () =>
          errors.conflict(
            'evidence_already_linked',
            'Bản ghi này đã là minh chứng của nhiệm vụ.',
            'The record is already linked to the task.',
            'refId',
          ),
        ),
      );
    const view = present(actor, task, row);
    await recordAudit(tx, actor, {
      action: 'task.evidence.link',
      entity: ENTITY,
      entityId: row.id,
      area: task,
      after: view,
    });
    return view;
  });
}

export async function unlinkEvidence(db: Db, actor: Actor, id: string) {
  const row = await repo.findEvidence(db, id);
  if (!row) throw errors.notFound('minh chứng', 'Evidence');
  const task = await requireTaskToManage(db, actor, row.taskId);
  await db.transaction(async (tx) => {
    await repo.deleteEvidence(tx, id);
    await recordAudit(tx, actor, {
      action: 'task.evidence.unlink',
      entity: ENTITY,
      entityId: id,
      area: task,
      before: present(actor, task, row),
    });
  });
}
