import type { Area } from '../../../domain/access';
import type { Actor } from '../../platform/access';
import type { Db } from '../../platform/db/database';
import { getActivity } from '../activities/service';
import { canManageProgramme, requireProgramme } from '../coordination/service';
import { getLegalDocument } from '../legal-documents/service';
import { getNews } from '../news/service';
import { getSupervision } from '../supervision/service';
import { houseOwner } from '../support/houses';

/**
 * The records a file can be attached to. Each owner is read through its own module, so whoever
 * cannot see the record (another commune's activity) cannot see or add its files either, and
 * whoever may edit the record may attach to it.
 */
export const OWNER_KINDS = ['activity', 'supervision', 'programme', 'news', 'house', 'legal_document'] as const;
export type OwnerKind = (typeof OWNER_KINDS)[number];

export interface Owner {
  area: Area;
  canManage: boolean;
}

const owners: Record<OwnerKind, (db: Db, actor: Actor, id: string) => Promise<Owner>> = {
  activity: async (db, actor, id) => ownerOf(await getActivity(db, actor, id)),
  supervision: async (db, actor, id) => ownerOf(await getSupervision(db, actor, id)),
  news: async (db, actor, id) => ownerOf(await getNews(db, actor, id)),
  house: async (db, actor, id) => ownerOf(await houseOwner(db, actor, id)),
  // The text of a library document (its PDF): a national text's file is kept by national users.
  legal_document: async (db, actor, id) => ownerOf(await getLegalDocument(db, actor, id)),
  programme: async (db, actor, id) => {
    const row = await requireProgramme(db, actor, id);
    return ownerOf({ ...row, canManage: canManageProgramme(actor, row) });
  },
};

const ownerOf = (r: Area & { canManage: boolean }): Owner => ({
  area: { provinceCode: r.provinceCode, communeCode: r.communeCode },
  canManage: r.canManage,
});

/** The owner as the actor sees it: 404 when it does not exist or lies outside the actor's area. */
export const requireOwner = (db: Db, actor: Actor, kind: OwnerKind, id: string) => owners[kind](db, actor, id);
