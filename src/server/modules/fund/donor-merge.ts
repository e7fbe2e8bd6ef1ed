/**
 * Merging duplicate donors (nhà hảo tâm nhập trùng): the same person or organisation entered
 * twice ("Cty TNHH Minh Phát", "Công ty TNHH Minh Phát"). The ledger never changes, so the
 * duplicate's receipts keep its id and the name they were written with; the duplicate is marked
 * merged into the donor kept (the survivor), disappears from lists, and every sum over donors
 * counts its receipts under the survivor, whose consent to be named applies. Undone by an unmerge.
 */
import type { Actor } from '../../platform/access';
import { recordAudit, recordAudits } from '../../platform/audit/audit';
import { updateVersioned } from '../../platform/changes';
import type { Db } from '../../platform/db/database';
import { errors } from '../../platform/errors';
import type { DonorDuplicates, DonorMergeReq, DonorUnmergeReq } from './donor-merge-schemas';
import * as mergeRepo from './donor-merge-repo';
import { fundArea, requirePostingOn } from './policy';
import { presentDonor } from './presenter';
import * as repo from './repo';
import { fundDonors } from './tables';
import { presentFundDonors, requireFund } from './service';

const donorNotFound = () => errors.notFound('nhà hảo tâm', 'Donor');

/** The officers who keep the fund of the donor's unit, and the version they read. */
function requireKeeper(actor: Actor, donor: repo.DonorRow, version: number) {
  requirePostingOn(actor, donor);
  if (donor.version !== version) throw errors.staleVersion();
}

/**
 * Merge the donor `id` into `intoId`. A donor named to keep that was itself merged resolves to its
 * survivor (no chains: a merge always points at a donor standing on its own), and the duplicates
 * already merged into `id` follow it to the survivor. Both donors of the same fund's unit, in the
 * user's area; anonymous donors have no name to match and are not merged.
 */
export async function mergeDonor(db: Db, actor: Actor, id: string, input: DonorMergeReq) {
  return db.transaction(async (tx) => {
    const locked = new Map((await mergeRepo.lockForMerge(tx, id, input.intoId, actor.scope)).map((d) => [d.id, d]));
    const duplicate = locked.get(id);
    if (!duplicate) throw donorNotFound();
    requireKeeper(actor, duplicate, input.version);
    if (duplicate.mergedInto) {
      throw errors.conflict(
        'donor_merged',
        'Nhà hảo tâm này đã được gộp vào người khác; hãy tách ra trước khi gộp lại.',
        'This donor is already merged into another; unmerge it first.',
      );
    }
    if (duplicate.kind === 'anonymous') {
      throw errors.conflict(
        'donor_anonymous',
        'Nhà hảo tâm ẩn danh không có tên để đối chiếu nên không gộp được.',
        'An anonymous donor has no name to match and cannot be merged.',
      );
    }
    if (input.intoId === id) {
      throw errors.invalid(
        'intoId',
        'Không thể gộp nhà hảo tâm vào chính mình.',
        'A donor cannot be merged into itself.',
      );
    }
    const named = locked.get(input.intoId);
    if (!named) {
      throw errors.invalid(
        'intoId',
        'Không tìm thấy nhà hảo tâm được giữ lại trong cùng quỹ.',
        'No donor to keep of the same fund was found.',
      );
    }
    const survivor = named.mergedInto ? locked.get(named.mergedInto) : named;
    // The donor named to keep was merged or unmerged between the read and the lock.
    if (!survivor || survivor.mergedInto) throw errors.staleVersion();
    if (survivor.id === id) {
      throw errors.invalid(
        'intoId',
        'Nhà hảo tâm được chọn đã được gộp vào chính nhà hảo tâm này.',
        'The donor chosen was merged into this very donor.',
      );
    }
    if (survivor.kind === 'anonymous') {
      throw errors.invalid(
        'intoId',
        'Không gộp vào nhà hảo tâm ẩn danh: hãy chọn người có tên.',
        'Cannot merge into an anonymous donor: choose a named one.',
      );
    }
    const moved = await mergeRepo.moveMerged(tx, id, survivor.id, actor.scope);
    // Locked above with its version checked: the update finds it.
    const updated = (await updateVersioned(tx, fundDonors, id, input.version, {
      mergedInto: survivor.id,
      mergedAt: new Date(),
    }))!;
    const into = { id: survivor.id, name: survivor.name };
    await recordAudits(tx, actor, [
      {
        action: 'fund.donor.merge',
        entity: 'fund_donor',
        entityId: id,
        area: fundArea(duplicate),
        before: presentDonor(duplicate),
        after: { ...presentDonor(updated), into, reason: input.reason ?? null },
      },
      ...moved.map((m) => ({
        action: 'fund.donor.merge',
        entity: 'fund_donor',
        entityId: m.id,
        area: fundArea(m),
        // Followed the donor it had been merged into.
        after: { ...presentDonor(m), into, followed: { id, name: duplicate.name } },
      })),
    ]);
    return presentDonor(updated);
  });
}

/** Undo a merge: the duplicate stands on its own again, its receipts counted under it. */
export async function unmergeDonor(db: Db, actor: Actor, id: string, input: DonorUnmergeReq) {
  return db.transaction(async (tx) => {
    const row = await repo.lockDonor(tx, id, actor.scope);
    if (!row) throw donorNotFound();
    requireKeeper(actor, row, input.version);
    if (!row.mergedInto) {
      throw errors.conflict('donor_not_merged', 'Nhà hảo tâm này chưa được gộp vào ai.', 'This donor is not merged.');
    }
    const updated = (await updateVersioned(tx, fundDonors, id, input.version, { mergedInto: null, mergedAt: null }))!;
    await recordAudit(tx, actor, {
      action: 'fund.donor.unmerge',
      entity: 'fund_donor',
      entityId: id,
      area: fundArea(row),
      before: presentDonor(row),
      after: { ...presentDonor(updated), reason: input.reason },
    });
    return presentDonor(updated);
  });
}

/** At most this many groups are suggested at once: merging them brings up the next ones. */
const SUGGESTED_GROUPS = 50;

/** Likely duplicates among a fund's donors: named donors whose names read the same (see donorNameKey). */
export async function likelyDuplicates(db: Db, actor: Actor, fundId: string): Promise<DonorDuplicates> {
  const fund = await requireFund(db, actor, fundId);
  const rows = await mergeRepo.likelyDuplicates(db, fund, SUGGESTED_GROUPS);
  const donors = await presentFundDonors(db, rows);
  const groups = new Map<string, DonorDuplicates['groups'][number]>();
  rows.forEach((r, i) => {
    const group = groups.get(r.key) ?? { key: r.key, donors: [] };
    group.donors.push(donors[i]!);
    groups.set(r.key, group);
  });
  return { groups: [...groups.values()] };
}
