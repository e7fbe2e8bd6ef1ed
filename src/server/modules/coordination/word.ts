import { ORGANISATION_KINDS, type OrganisationKind } from '../../../domain/reference';
import type { Actor } from '../../platform/access';
import type { Db, Executor } from '../../platform/db/database';
import { fileName, officialDocx, type Block } from '../../platform/word/official';
import { citation } from '../legal-documents/service';
import { organisationKinds } from '../organisations/service';
import type { ProgrammeView } from './schemas';
import { getProgramme } from './service';

/** Who signs for each kind of organisation ("TM." = on behalf of the collective). */
const SIGNER: Record<OrganisationKind, string> = {
  front_committee: 'TM. Ban Thường trực',
  government_department: 'Giám đốc',
  peoples_committee: 'TM. Ủy ban nhân dân',
  member_organisation: 'TM. Ban Thường vụ',
  bank: 'Giám đốc',
  business: 'Giám đốc',
  other: 'Đại diện',
};
const signerOf = (kind: string | undefined) =>
  SIGNER[ORGANISATION_KINDS.includes(kind as OrganisationKind) ? (kind as OrganisationKind) : 'other'];

/** The numbered contents, each with who leads and who coordinates. */
export function contentBlocks(p: ProgrammeView): Block[] {
  return p.contents.flatMap((c) => [
    { kind: 'heading' as const, text: `${c.position}. ${c.title}` },
    { kind: 'paragraph' as const, text: c.scope },
    { kind: 'paragraph' as const, text: `Đơn vị chủ trì: ${c.responsible.name}.`, italic: true },
    ...(c.coordinating.length
      ? [
          {
            kind: 'paragraph' as const,
            text: `Đơn vị phối hợp: ${c.coordinating.map((o) => o.name).join(', ')}.`,
            italic: true,
          },
        ]
      : []),
  ]);
}

export function programmeBlocks(p: ProgrammeView): Block[] {
  return [
    ...p.legalBases.map((d) => ({ kind: 'paragraph' as const, text: citation(d), italic: true })),
    {
      kind: 'paragraph',
      text: `${p.parties.map((o) => o.name).join(' và ')} thống nhất ban hành Chương trình phối hợp giai đoạn ${p.periodFrom}–${p.periodTo} với những nội dung sau:`,
    },
    { kind: 'heading', text: 'I. MỤC ĐÍCH, YÊU CẦU' },
    { kind: 'heading', text: '1. Mục đích' },
    { kind: 'paragraph', text: p.purposes },
    { kind: 'heading', text: '2. Yêu cầu' },
    { kind: 'paragraph', text: p.requirements },
    { kind: 'heading', text: 'II. NỘI DUNG PHỐI HỢP' },
    ...contentBlocks(p),
    ...(p.implementation
      ? [
          { kind: 'heading' as const, text: 'III. TỔ CHỨC THỰC HIỆN' },
          { kind: 'paragraph' as const, text: p.implementation },
        ]
      : []),
  ];
}

export async function signatures(db: Executor, parties: { id: string; name: string }[]) {
  const kinds = await organisationKinds(
    db,
    parties.map((p) => p.id),
  );
  return parties.map((o) => ({ organisation: o.name, role: signerOf(kinds.get(o.id)) }));
}

/** The programme as a Word document in the official layout (Decree 30/2020/NĐ-CP). */
export async function programmeDocx(db: Db, actor: Actor, id: string) {
  const p = await getProgramme(db, actor, id);
  const buffer = await officialDocx({
    issuers: p.parties.map((o) => o.name),
    number: p.number,
    place: p.signedPlace,
    date: p.signedOn,
    kind: 'Chương trình phối hợp',
    title: p.title,
    body: programmeBlocks(p),
    recipients: [...p.parties.map((o) => o.name), 'Lưu: VT'],
    signatures: await signatures(db, p.parties),
  });
  return { buffer, filename: fileName('chuong-trinh-phoi-hop', p.number) };
}
