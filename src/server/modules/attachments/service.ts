import { createHash } from 'node:crypto';
import { and, asc, count, eq, inArray, isNull, sql } from 'drizzle-orm';
import { insideOrAboveScope, type Actor } from '../../platform/access';
import { recordAudit } from '../../platform/audit/audit';
import type { Db, Executor } from '../../platform/db/database';
import { AppError, errors, whenUniqueViolated } from '../../platform/errors';
import { users } from '../users/tables';
import {
  ACCEPTED_FILES,
  ACCEPTED_FILES_EN,
  FILE_TYPES,
  IMAGE_TYPES,
  detectFileType,
  type FileType,
} from './file-types';
import { requireOwner, type OwnerKind } from './owners';
import type { AttachmentView, OwnerReq, UploadReq } from './schemas';
import { attachments } from './tables';

const ENTITY = 'attachment';
/** A phone photo is 2–6 MB; a scanned signed programme of a few pages fits too. */
export const MAX_FILE_BYTES = 10 * 1024 * 1024;
/** Enough for every stage of a house or an activity's photo set; more is a mistake. */
export const MAX_FILES_PER_OWNER = 50;

const notFound = () => errors.notFound('tệp đính kèm', 'Attachment');
export const tooLarge = () =>
  new AppError(
    413,
    'file_too_large',
    'Tệp lớn hơn 10 MB. Hãy giảm kích thước ảnh hoặc chia nhỏ tài liệu.',
    'The file is larger than 10 MB. Make the photo smaller or split the document.',
    [
      {
        field: 'file',
        message: 'Tệp lớn hơn 10 MB.',
        messageEn: 'The file is larger than 10 MB.',
      },
    ],
  );

const columns = {
  id: attachments.id,
  ownerKind: attachments.ownerKind,
  ownerId: attachments.ownerId,
  provinceCode: attachments.provinceCode,
  communeCode: attachments.communeCode,
  fileName: attachments.fileName,
  fileType: attachments.fileType,
  sizeBytes: attachments.sizeBytes,
  sha256: attachments.sha256,
  caption: attachments.caption,
  createdAt: attachments.createdAt,
  createdByName: users.fullName,
};
/** Live (not removed) attachments, inside or above the actor's area, in SQL. */
const visible = (actor: Actor) =>
  and(
    isNull(attachments.removedAt),
    insideOrAboveScope(actor.scope, { province: attachments.provinceCode, commune: attachments.communeCode }),
  );

const selectRows = (db: Executor) =>
  db.select(columns).from(attachments).leftJoin(users, eq(users.id, attachments.createdBy));

type Row = Awaited<ReturnType<typeof selectRows>>[number];

function present(r: Row, canRemove: boolean): AttachmentView {
  const type = FILE_TYPES[r.fileType as FileType];
  return {
    id: r.id,
    ownerKind: r.ownerKind as OwnerKind,
    ownerId: r.ownerId,
    fileName: r.fileName,
    fileType: r.fileType as FileType,
    mediaType: type.mediaType,
    image: type.image,
    sizeBytes: r.sizeBytes,
    sha256: r.sha256,
    caption: r.caption,
    createdAt: r.createdAt.toISOString(),
    createdByName: r.createdByName,
    canRemove,
  };
}

export async function listAttachments(db: Db, actor: Actor, { ownerKind, ownerId }: OwnerReq) {
  const owner = await requireOwner(db, actor, ownerKind, ownerId);
  const rows = await selectRows(db)
    .where(and(eq(attachments.ownerKind, ownerKind), eq(attachments.ownerId, ownerId), visible(actor)))
    .orderBy(asc(attachments.createdAt));
  return { items: rows.map((r) => present(r, owner.canManage)) };
}

/** A file's name as the user sees it: without any folder the browser or a tool put in front. */
const baseName = (name: string) => name.split(/[\\/]/u).pop()!.trim();

export async function addAttachment(db: Db, actor: Actor, input: UploadReq, content: Buffer) {
  const owner = await requireOwner(db, actor, input.ownerKind, input.ownerId);
  if (!owner.canManage) throw errors.forbidden();
  const fileName = baseName(input.fileName);
  if (!fileName) throw errors.invalid('querystring.fileName', 'Thiếu tên tệp.', 'The file name is missing.');
  if (content.length === 0) throw errors.invalid('file', 'Tệp rỗng (0 byte).', 'The file is empty.');
  if (content.length > MAX_FILE_BYTES) throw tooLarge();
  const fileType = detectFileType(content, fileName);
  if (!fileType)
    throw errors.invalid(
      'file',
      `Tệp "${fileName}" không phải loại được nhận. Chỉ nhận ${ACCEPTED_FILES}.`,
      `"${fileName}" is not a kind of file we keep. Accepted: ${ACCEPTED_FILES_EN}.`,
    );
  const sha256 = createHash('sha256').update(content).digest('hex');
  return db.transaction(async (tx) => {
    // One upload at a time per record, so two cannot pass the limit together.
    await tx.execute(sql`SELECT pg_advisory_xact_lock(hashtextextended(${input.ownerId}::text, 0))`);
    const [counted] = await tx
      .select({ n: count() })
      .from(attachments)
      .where(
        and(
          eq(attachments.ownerKind, input.ownerKind),
          eq(attachments.ownerId, input.ownerId),
          isNull(attachments.removedAt),
        ),
      );
    if (counted!.n >= MAX_FILES_PER_OWNER)
      throw errors.conflict(
        'too_many_attachments',
        `Hồ sơ này đã có ${MAX_FILES_PER_OWNER} tệp đính kèm; hãy gỡ bớt tệp không cần.`,
        `This record already has ${MAX_FILES_PER_OWNER} files; remove some first.`,
      );
    const [row] = await tx
      .insert(attachments)
      .values({
        ownerKind: input.ownerKind,
        ownerId: input.ownerId,
        ...owner.area,
        fileName,
        fileType,
        sizeBytes: content.length,
        sha256,
        caption: input.caption ?? null,
        content,
        createdBy: actor.id,
      })
      .returning({ id: attachments.id })
      .catch(
        whenUniqueViolated('attachments_owner_file', () =>
          errors.conflict(
            'duplicate_attachment',
            'Tệp này (cùng nội dung) đã được đính kèm vào hồ sơ.',
            'This file (the same content) is already attached to the record.',
            'file',
          ),
        ),
      );
    const [created] = await selectRows(tx).where(eq(attachments.id, row!.id));
    const view = present(created!, true);
    await recordAudit(tx, actor, {
      action: 'attachment.add',
      entity: ENTITY,
      entityId: view.id,
      area: owner.area,
      after: view,
    });
    return view;
  });
}

/** A live attachment inside or above the actor's area, with its owner as the actor sees it. */
async function requireAttachment(db: Db, actor: Actor, id: string) {
  const [row] = await db
    .select({ ownerKind: attachments.ownerKind, ownerId: attachments.ownerId })
    .from(attachments)
    .where(and(eq(attachments.id, id), visible(actor)));
  if (!row) throw notFound();
  return { ...row, owner: await requireOwner(db, actor, row.ownerKind as OwnerKind, row.ownerId) };
}

/** A live file's name, type and bytes (callers check who may read it). */
export async function contentOf(db: Db, id: string) {
  const [row] = await db
    .select({ fileName: attachments.fileName, fileType: attachments.fileType, content: attachments.content })
    .from(attachments)
    .where(and(eq(attachments.id, id), isNull(attachments.removedAt)));
  if (!row) throw notFound();
  return { fileName: row.fileName, type: FILE_TYPES[row.fileType as FileType], content: Buffer.from(row.content!) };
}

/** The file's bytes, for whoever can see its record. */
export async function readAttachment(db: Db, actor: Actor, id: string) {
  await requireAttachment(db, actor, id);
  return contentOf(db, id);
}

/** The live photos of records, oldest first (for pages that show a record's photos). */
export function photosOf(db: Executor, ownerKind: OwnerKind, ownerIds: string[]) {
  if (ownerIds.length === 0) return Promise.resolve([]);
  return db
    .select({ id: attachments.id, ownerId: attachments.ownerId, caption: attachments.caption })
    .from(attachments)
    .where(
      and(
        eq(attachments.ownerKind, ownerKind),
        inArray(attachments.ownerId, ownerIds),
        inArray(attachments.fileType, IMAGE_TYPES),
        isNull(attachments.removedAt),
      ),
    )
    .orderBy(asc(attachments.createdAt));
}

/** Take a file off its record: the bytes are erased, the fact and the reason stay. */
export async function removeAttachment(db: Db, actor: Actor, id: string, reason: string) {
  const { owner } = await requireAttachment(db, actor, id);
  if (!owner.canManage) throw errors.forbidden();
  return db.transaction(async (tx) => {
    const [before] = await selectRows(tx).where(and(eq(attachments.id, id), isNull(attachments.removedAt)));
    if (!before) throw notFound();
    await tx
      .update(attachments)
      .set({ content: null, removedAt: new Date(), removedBy: actor.id, removeReason: reason })
      .where(eq(attachments.id, id));
    const view = present(before, true);
    await recordAudit(tx, actor, {
      action: 'attachment.remove',
      entity: ENTITY,
      entityId: id,
      area: owner.area,
      before: view,
      after: { removed: true, reason },
    });
  });
}
