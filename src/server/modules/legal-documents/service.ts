import fs from 'node:fs';
import path from 'node:path';
import { eq } from 'drizzle-orm';
import type { Area } from '../../../domain/access';
import {
  formatDate,
  LEGAL_DOCUMENT_KIND_LABELS,
  LEGAL_DOCUMENT_KINDS,
  type LegalDocumentKind,
} from '../../../domain/coordination';
import { foldAccents, normalizeText, vietnameseSortKey } from '../../../domain/text';
import { requireInScope, type Actor } from '../../platform/access';
import { recordAudit } from '../../platform/audit/audit';
import { changeRecord, type VersionedRecord } from '../../platform/changes';
import { PROJECT_ROOT } from '../../platform/config';
import type { Db, Executor } from '../../platform/db/database';
import { appMeta } from '../../platform/db/tables';
import { errors, whenUniqueViolated } from '../../platform/errors';
import { parseCsv } from '../admin-units/reference-data';
import { requireCurrentUnit } from '../admin-units/service';
import { legalDocumentPolicy } from './policy';
import * as repo from './repo';
import type {
  LegalDocumentCreateReq,
  LegalDocumentListReq,
  LegalDocumentUpdateReq,
  LegalDocumentView,
} from './schemas';

const ENTITY = 'legal_document';
const notFound = () => errors.notFound('văn bản', 'Document');
const duplicate = () =>
  errors.conflict(
    'duplicate_document_number',
    'Đã có văn bản mang số, ký hiệu này trong thư viện.',
    'A document with this number is already in the library.',
    'number',
  );
/** Search finds a text by number, issuer, title or summary, without accents. */
const keys = (r: { number: string; issuer: string; title: string; summary?: string | null }) => ({
  sortKey: vietnameseSortKey(r.number),
  searchKey: foldAccents([r.number, r.issuer, r.title, r.summary ?? ''].join(' ')),
});

/** A text as cited (a programme's legal bases, a document's "Căn cứ"). */
function presentDocument(r: repo.LegalDocumentRow): Omit<LegalDocumentView, 'canManage'> {
  return {
    id: r.id,
    number: r.number,
    issuedOn: r.issuedOn,
    issuer: r.issuer,
    kind: r.kind as LegalDocumentKind,
    title: r.title,
    summary: r.summary,
    provinceCode: r.provinceCode,
    communeCode: r.communeCode,
    createdAt: r.createdAt.toISOString(),
    updatedAt: r.updatedAt.toISOString(),
    version: r.version,
  };
}

/** A text as the library shows it to the actor. */
const presentFor =
  (actor: Actor) =>
  (r: repo.LegalDocumentRow): LegalDocumentView => ({
    ...presentDocument(r),
    canManage: legalDocumentPolicy.manage(actor, r),
  });

function requireManage(actor: Actor, area: Area) {
  requireInScope(actor, area);
  if (!legalDocumentPolicy.manage(actor, area)) throw errors.forbidden();
}

export async function listLegalDocuments(db: Db, actor: Actor, query: LegalDocumentListReq) {
  const { items, total } = await repo.list(db, actor.scope, query);
  return { items: items.map(presentFor(actor)), total };
}

export async function getLegalDocument(db: Db, actor: Actor, id: string) {
  const row = await repo.findVisible(db, id, actor.scope);
  if (!row) throw notFound();
  return presentFor(actor)(row);
}

export async function createLegalDocument(db: Db, actor: Actor, input: LegalDocumentCreateReq) {
  const area: Area = input.unitCode
    ? (await requireCurrentUnit(db, input.unitCode, 'unitCode')).area
    : { provinceCode: null, communeCode: null };
  requireManage(actor, area);
  return db.transaction(async (tx) => {
    if (await repo.findByNumber(tx, input.number)) throw duplicate();
    const row = await repo
      .insert(tx, {
        number: input.number,
        issuedOn: input.issuedOn,
        issuer: input.issuer,
        kind: input.kind,
        title: input.title,
        summary: input.summary ?? null,
        ...area,
        ...keys(input),
      })
      .catch(whenUniqueViolated('legal_documents_number', duplicate));
    const view = presentFor(actor)(row);
    await recordAudit(tx, actor, {
      action: 'legal_document.create',
      entity: ENTITY,
      entityId: row.id,
      area,
      after: view,
    });
    return view;
  });
}

const documentRecord = (
  actor: Actor,
): VersionedRecord<repo.LegalDocumentRow, Partial<repo.NewLegalDocumentRow>, LegalDocumentView> => ({
  entity: ENTITY,
  notFound,
  findForUpdate: repo.findForUpdate,
  update: repo.update,
  present: async (_tx, row) => presentFor(actor)(row),
  areaOf: (row) => row,
});

export function updateLegalDocument(db: Db, actor: Actor, id: string, input: LegalDocumentUpdateReq) {
  return changeRecord(db, actor, documentRecord(actor), {
    id,
    version: input.version,
    action: 'legal_document.update',
    check: (row) => requireManage(actor, row),
    apply: (_tx, row) => {
      const next = {
        issuedOn: input.issuedOn === undefined ? row.issuedOn : input.issuedOn,
        issuer: input.issuer ?? row.issuer,
        kind: input.kind ?? row.kind,
        title: input.title ?? row.title,
        summary: input.summary === undefined ? row.summary : input.summary,
      };
      return { ...next, ...keys({ ...next, number: row.number }) };
    },
  });
}

/**
 * The texts a record cites, in the order given, each visible to the actor; a 400 naming the
 * field (`legalBasisIds.2`) when one is unknown or outside the actor's area.
 */
export async function requireLegalDocuments(db: Executor, actor: Actor, ids: string[], field: string) {
  const rows = await repo.visibleByIds(db, ids, actor.scope);
  const byId = new Map(rows.map((r) => [r.id, r]));
  return ids.map((id, i) => {
    const row = byId.get(id);
    if (!row) {
      throw errors.invalid(
        `${field}.${i}`,
        'Văn bản không có trong thư viện hoặc nằm ngoài địa bàn của bạn.',
        'Unknown or out-of-scope document.',
      );
    }
    return presentDocument(row);
  });
}

/** The texts with these ids, in the order given (for showing a programme's legal bases). */
export async function legalDocumentsByIds(db: Executor, ids: string[]) {
  const rows = await repo.visibleByIds(db, ids, { level: 'national' });
  const byId = new Map(rows.map((r) => [r.id, presentDocument(r)]));
  return ids.flatMap((id) => byId.get(id) ?? []);
}

const LIBRARY_FILE = path.join(PROJECT_ROOT, 'data/legal-documents/legal-documents.csv');
const META_KEY = 'reference.legal_documents';

/**
 * Pre-fill the library with the national texts shipped in data/ (those the programme rests on).
 * Idempotent: keyed by the file's row count in app_meta; texts already present are kept as edited.
 */
export async function ensureLegalDocuments(db: Db): Promise<number> {
  const rows = parseCsv(fs.readFileSync(LIBRARY_FILE, 'utf8')).map((r) => {
    const kind = r.kind as LegalDocumentKind;
    if (!LEGAL_DOCUMENT_KINDS.includes(kind)) throw new Error(`legal-documents.csv: unknown kind ${r.kind}`);
    const doc = {
      number: normalizeText(r.number!),
      issuedOn: r.issued_on || null,
      issuer: normalizeText(r.issuer!),
      kind,
      title: normalizeText(r.title!),
      summary: r.summary ? normalizeText(r.summary) : null,
    };
    return { ...doc, provinceCode: null, communeCode: null, ...keys(doc) };
  });
  const [loaded] = await db.select().from(appMeta).where(eq(appMeta.key, META_KEY));
  if ((loaded?.value as { rows?: number } | undefined)?.rows === rows.length) return 0;
  return db.transaction(async (tx) => {
    const added = await repo.insertMissing(tx, rows);
    await tx
      .insert(appMeta)
      .values({ key: META_KEY, value: { rows: rows.length } })
      .onConflictDoUpdate({ target: appMeta.key, set: { value: { rows: rows.length }, updatedAt: new Date() } });
    return added;
  });
}

/** How a document cites a text in its "Căn cứ": "Căn cứ Nghị định số 07/2021/NĐ-CP ngày 27/01/2021 của Chính phủ quy định …;" */
export function citation(d: {
  kind: LegalDocumentKind;
  number: string;
  issuedOn: string | null;
  issuer: string;
  title: string;
}) {
  const date = d.issuedOn ? ` ngày ${formatDate(d.issuedOn)}` : '';
  // A law is cited by its name: "Căn cứ Luật Tổ chức chính quyền địa phương ngày 16/06/2025;".
  if (d.kind === 'law') return `Căn cứ ${d.title}${date};`;
  const title = d.title.charAt(0).toLocaleLowerCase('vi') + d.title.slice(1);
  return `Căn cứ ${LEGAL_DOCUMENT_KIND_LABELS[d.kind].vi} số ${d.number}${date} của ${d.issuer} ${title};`;
}

/**
 * The "Căn cứ" lines of a generated document, picked from the library's national texts by number
 * (in the order given). A text missing from the library is still cited, by its number.
 */
export async function citationsOf(db: Executor, numbers: string[]) {
  const byNumber = new Map((await repo.nationalByNumbers(db, numbers)).map((r) => [r.number, r]));
  return numbers.map((n) => {
    const d = byNumber.get(n);
    return d ? citation({ ...d, kind: d.kind as LegalDocumentKind }) : `Căn cứ văn bản số ${n};`;
  });
}
