import { CATEGORY_LABELS, type Category } from '../../../domain/poverty';
import { RELATION_LABELS, type Relation } from '../../../domain/registry/codes';
import type { Actor } from '../../platform/access';
import type { Db } from '../../platform/db/database';
import { errors } from '../../platform/errors';
import { findCurrentUnit } from '../admin-units/service';
import { getHousehold } from '../households/service';
import { citationsOf } from '../legal-documents/service';
import { villageNames } from '../villages/service';
import type { MeetingVote } from './meetings';
import { reviewPolicy } from './policy';
import * as repo from './repo';
import { applicationRefused, formatDate, requireRound } from './service';
import { officialHeader, renderPdf } from '../fund/pdf';
import { grid, heading, longDate, para, run, signature, wordDocument, type Section } from './word';

/**
 * The round's paperwork as Word documents: the village meeting's minutes, the lists to post, the
 * commune chairman's decision with its annexes (Mẫu 02), and the certificates (Mẫu 03).
 */

/** The texts a decision rests on, by number, cited from the document library. */
const LEGAL_BASES: Record<string, string[]> = {
  common: ['72/2025/QH15', '24/2021/QĐ-TTg', '07/2021/TT-BLĐTBXH', '02/2022/TT-BLĐTBXH'],
  '2022-2025': ['07/2021/NĐ-CP'],
  '2027-2030': ['351/2025/NĐ-CP'],
};

async function paperworkContext(db: Db, actor: Actor, roundId: string) {
  const round = await requireRound(db, actor, roundId);
  if (!reviewPolicy.seeAllCases(actor, round)) throw errors.forbidden();
  const [commune, province] = await Promise.all([
    findCurrentUnit(db, round.communeCode),
    findCurrentUnit(db, round.provinceCode),
  ]);
  const communeName = commune?.fullName ?? round.communeCode; // "Xã Thạch Hà"
  const issuer = ['ỦY BAN NHÂN DÂN', communeName.toUpperCase()];
  const place = commune?.name ?? communeName;
  return { round, communeName, provinceName: province?.fullName ?? '', issuer, place };
}

const label = (c: string | null) => (c ? CATEGORY_LABELS[c as Category].vi : '');
const capital = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/** Biên bản họp dân: the village meeting, each household's proposed result and the vote. */
export async function meetingMinutes(db: Db, actor: Actor, roundId: string, meetingId: string) {
  const { round, communeName, place } = await paperworkContext(db, actor, roundId);
  const meeting = await repo.findMeeting(db, round.id, meetingId);
  if (!meeting) throw errors.notFound('cuộc họp', 'Meeting');
  const village = (await villageNames(db, [meeting.villageId])).get(meeting.villageId) ?? '';
  const votes = meeting.votes as MeetingVote[];
  const children = [
    heading({ issuer: [communeName.toUpperCase(), village.toUpperCase()], place, date: meeting.heldOn }),
    para('BIÊN BẢN HỌP DÂN', { bold: true, align: 'center', size: 28, after: 0 }),
    para(`Thống nhất kết quả rà soát hộ nghèo, hộ cận nghèo năm ${round.year} (danh sách năm ${round.listYear})`, {
      bold: true,
      align: 'center',
    }),
    para(`Hôm nay, ${longDate(meeting.heldOn)}, tại ${village}, ${communeName}, tổ chức họp dân.`, { indent: true }),
    para(`Chủ trì: ${meeting.chair}. Số người dự họp: ${meeting.present} người.`, { indent: true }),
    para(
      'Thành phần: đại diện Ban chỉ đạo giảm nghèo xã, rà soát viên, Ban công tác Mặt trận, các tổ chức đoàn thể và đại diện các hộ gia đình trong thôn; Ủy ban Mặt trận Tổ quốc Việt Nam xã giám sát.',
      { indent: true },
    ),
    para(
      'Hội nghị đã biểu quyết kết quả rà soát của từng hộ; kết quả của hộ được thống nhất khi có trên 50% số người dự họp đồng ý, nếu không hộ được rà soát lại:',
      { indent: true },
    ),
    grid(
      ['STT', 'Mã hộ', 'Họ và tên chủ hộ', 'Kết quả rà soát', 'Số đồng ý', 'Tỷ lệ (%)', 'Kết luận'],
      votes.map((v, i) => [
        i + 1,
        v.householdCode,
        v.headName,
        capital(label(v.proposedCategory)),
        v.agreeing,
        ((v.agreeing / meeting.present) * 100).toFixed(1).replace('.', ','),
        v.agreed ? 'Thống nhất' : 'Rà soát lại',
      ]),
      [6, 12, 26, 20, 10, 10, 16],
    ),
    para(''),
    para(
      `Biên bản lập thành 02 bản (01 bản lưu tại thôn, 01 bản gửi Ủy ban nhân dân xã); thống nhất ${votes.filter((v) => v.agreed).length} hộ, rà soát lại ${votes.filter((v) => !v.agreed).length} hộ.`,
      { indent: true },
    ),
    signature(null, ['CHỦ TRÌ'], meeting.chair),
  ];
  return {
    fileName: `bien-ban-hop-dan-${meeting.heldOn}.docx`,
    buffer: await wordDocument('Biên bản họp dân', [{ children }]),
  };
}

type CaseRow = repo.CaseRow;
const category = (c: CaseRow) => c.finalCategory ?? c.proposedCategory;

/** The four annex lists of the decision (and of the posting). */
function annexLists(cases: CaseRow[]) {
  return {
    poor: cases.filter((c) => category(c) === 'poor'),
    nearPoor: cases.filter((c) => category(c) === 'near_poor'),
    escapedPoor: cases.filter((c) => c.previousCategory === 'poor' && category(c) && category(c) !== 'poor'),
    escapedNearPoor: cases.filter(
      (c) => c.previousCategory === 'near_poor' && (category(c) === 'average' || category(c) === 'not_poor'),
    ),
  };
}

function listTable(cases: CaseRow[], names: Map<string, string>) {
  return grid(
    ['STT', 'Mã hộ', 'Họ và tên chủ hộ', 'Thôn', 'Số chỉ số thiếu hụt', 'Ghi chú'],
    cases.map((c, i) => [i + 1, c.householdCode, c.headName, names.get(c.villageId) ?? '', c.deprivations.length, '']),
    [7, 14, 30, 22, 13, 14],
  );
}

/** The four annexes with their titles. */
function annexTitles(cases: CaseRow[], listYear: number): [string, CaseRow[]][] {
  const lists = annexLists(cases);
  return [
    [`PHỤ LỤC I. DANH SÁCH HỘ NGHÈO NĂM ${listYear}`, lists.poor],
    [`PHỤ LỤC II. DANH SÁCH HỘ CẬN NGHÈO NĂM ${listYear}`, lists.nearPoor],
    [`PHỤ LỤC III. DANH SÁCH HỘ THOÁT NGHÈO NĂM ${listYear}`, lists.escapedPoor],
    [`PHỤ LỤC IV. DANH SÁCH HỘ THOÁT CẬN NGHÈO NĂM ${listYear}`, lists.escapedNearPoor],
  ];
}

function annexSections(cases: CaseRow[], names: Map<string, string>, listYear: number, caption: string): Section[] {
  return annexTitles(cases, listYear).map(([title, rows]) => ({
    children: [
      para(title, { bold: true, align: 'center', after: 0 }),
      para(caption, { italics: true, align: 'center' }),
      rows.length ? listTable(rows, names) : para('(Không có hộ nào)', { italics: true, align: 'center' }),
    ],
  }));
}

/** The lists to post (niêm yết) at a village's cultural house, or the commune's for all villages. */
async function postingContent(db: Db, actor: Actor, roundId: string, villageId?: string) {
  const { round, communeName, place, issuer } = await paperworkContext(db, actor, roundId);
  if (!round.postedOn)
    throw errors.conflict('not_posted', 'Đợt rà soát chưa đến bước niêm yết.', 'The round has not reached posting.');
  const cases = await repo.allCases(db, round.id, villageId);
  const names = await villageNames(
    db,
    cases.map((c) => c.villageId),
  );
  const where = villageId ? `${names.get(villageId) ?? ''}, ${communeName}` : communeName;
  return {
    round,
    place,
    issuer,
    where,
    names,
    cases,
    title: `DANH SÁCH NIÊM YẾT CÔNG KHAI KẾT QUẢ RÀ SOÁT HỘ NGHÈO, HỘ CẬN NGHÈO NĂM ${round.year}`,
    period: `Niêm yết từ ngày ${formatDate(round.postedOn)} đến hết ngày ${formatDate(round.postingEnds!)} (03 ngày làm việc)`,
    notice:
      'Mọi ý kiến, khiếu nại về kết quả rà soát gửi về Ủy ban nhân dân xã trong thời gian niêm yết để được phúc tra.',
    fileName: `danh-sach-niem-yet-${round.year}${villageId ? '-thon' : ''}`,
  };
}

/** The posting lists as a Word document. */
export async function postingList(db: Db, actor: Actor, roundId: string, villageId?: string) {
  const p = await postingContent(db, actor, roundId, villageId);
  const first: Section = {
    children: [
      heading({ issuer: p.issuer, place: p.place, date: p.round.postedOn! }),
      para(p.title, { bold: true, align: 'center', after: 0 }),
      para(p.where, { bold: true, align: 'center', after: 0 }),
      para(p.period, { italics: true, align: 'center' }),
      para(p.notice, { indent: true }),
    ],
  };
  const annexes = annexSections(p.cases, p.names, p.round.listYear, p.where);
  annexes[0]!.children.unshift(...first.children);
  return { fileName: `${p.fileName}.docx`, buffer: await wordDocument('Danh sách niêm yết', annexes) };
}

/** The posting lists as a PDF to print and post as they are (the fund's PDF machinery, Tinos). */
export async function postingListPdf(db: Db, actor: Actor, roundId: string, villageId?: string) {
  const p = await postingContent(db, actor, roundId, villageId);
  const [above, body] = p.issuer as [string, string];
  const centred = { alignment: 'center' as const };
  const lists = annexTitles(p.cases, p.round.listYear).flatMap(([title, rows]) => [
    {
      text: title,
      bold: true,
      ...centred,
      margin: [0, 16, 0, 6] as [number, number, number, number],
    },
    rows.length
      ? {
          table: {
            headerRows: 1,
            widths: ['auto', 'auto', '*', 'auto', 'auto'],
            body: [
              ['STT', 'Mã hộ', 'Họ và tên chủ hộ', 'Thôn', 'Số chỉ số thiếu hụt'].map((text) => ({ text, bold: true })),
              ...rows.map((c, n) =>
                [n + 1, c.householdCode, c.headName, p.names.get(c.villageId) ?? '', c.deprivations.length].map(String),
              ),
            ],
          },
          fontSize: 11,
        }
      : { text: '(Không có hộ nào)', italics: true, ...centred },
  ]);
  const buffer = await renderPdf({
    pageSize: 'A4',
    pageMargins: [56, 40, 40, 40],
    info: { title: p.title, creator: 'Chung Tay' },
    content: [
      officialHeader(above, body),
      { text: `${p.place}, ${longDate(p.round.postedOn!)}`, italics: true, alignment: 'right', margin: [0, 6, 0, 12] },
      { text: p.title, bold: true, fontSize: 14, ...centred },
      { text: p.where, bold: true, ...centred },
      { text: p.period, italics: true, ...centred, margin: [0, 0, 0, 8] },
      { text: p.notice, margin: [0, 0, 0, 4] },
      ...lists,
    ],
  });
  return { fileName: `${p.fileName}.pdf`, buffer };
}

/** Mẫu số 02: the commune chairman's decision, in the layout of Decree 30/2020, with its annexes. */
export async function decisionDocument(db: Db, actor: Actor, roundId: string) {
  const { round, communeName, provinceName, place, issuer } = await paperworkContext(db, actor, roundId);
  if (round.state !== 'decided' || !round.decisionNumber || !round.decisionDate)
    throw errors.conflict('not_decided', 'Đợt rà soát chưa có quyết định.', 'The round has not been decided.');
  const cases = await repo.allCases(db, round.id);
  const names = await villageNames(
    db,
    cases.map((c) => c.villageId),
  );
  const lists = annexLists(cases);
  const subject = `Về việc công nhận danh sách hộ nghèo, hộ cận nghèo, hộ thoát nghèo, hộ thoát cận nghèo năm ${round.listYear} trên địa bàn ${communeName}`;
  const bases = await citationsOf(db, [...LEGAL_BASES.common!, ...(LEGAL_BASES[round.standardId] ?? [])]);
  const posting = round.postedOn
    ? ` và kết quả niêm yết công khai từ ngày ${formatDate(round.postedOn)} đến ngày ${formatDate(round.postingEnds!)}`
    : '';
  const children = [
    heading({ issuer, number: `Số: ${round.decisionNumber}`, place, date: round.decisionDate }),
    para('QUYẾT ĐỊNH', { bold: true, align: 'center', size: 28, after: 0 }),
    para(subject, { bold: true, align: 'center', after: 0 }),
    para('———', { align: 'center' }),
    para(`CHỦ TỊCH ỦY BAN NHÂN DÂN ${communeName.toUpperCase()}`, { bold: true, align: 'center' }),
    ...bases.map((b) => para(b, { italics: true, indent: true })),
    para(
      `Theo đề nghị của công chức phụ trách công tác giảm nghèo, kết quả rà soát hộ nghèo, hộ cận nghèo năm ${round.year}${posting}.`,
      { italics: true, indent: true },
    ),
    para('QUYẾT ĐỊNH:', { bold: true, align: 'center' }),
    para(
      [
        run2('Điều 1. ', true),
        run2(
          `Công nhận danh sách hộ nghèo, hộ cận nghèo năm ${round.listYear} trên địa bàn ${communeName} (theo chuẩn nghèo ${round.standardId}), gồm: ${lists.poor.length} hộ nghèo (Phụ lục I), ${lists.nearPoor.length} hộ cận nghèo (Phụ lục II); danh sách ${lists.escapedPoor.length} hộ thoát nghèo (Phụ lục III) và ${lists.escapedNearPoor.length} hộ thoát cận nghèo (Phụ lục IV).`,
        ),
      ],
      { indent: true },
    ),
    para(
      [
        run2('Điều 2. ', true),
        run2(
          `Các hộ nghèo, hộ cận nghèo có tên tại Điều 1 được cấp Giấy chứng nhận hộ nghèo, hộ cận nghèo và được hưởng các chính sách hỗ trợ theo quy định từ ngày 01 tháng 01 năm ${round.listYear}.`,
        ),
      ],
      { indent: true },
    ),
    para(
      [
        run2('Điều 3. ', true),
        run2(
          'Quyết định này có hiệu lực kể từ ngày ký. Văn phòng Hội đồng nhân dân và Ủy ban nhân dân xã, công chức phụ trách công tác giảm nghèo, Trưởng các thôn, tổ dân phố và các hộ gia đình có tên tại Điều 1 chịu trách nhiệm thi hành Quyết định này.',
        ),
      ],
      { indent: true },
    ),
    signature(
      ['Như Điều 3;', `UBND ${provinceName} (báo cáo);`, 'Ủy ban MTTQ Việt Nam xã;', 'Lưu: VT.'],
      ['TM. ỦY BAN NHÂN DÂN', 'CHỦ TỊCH'],
      round.signerName ?? '',
    ),
  ];
  const caption = `(Kèm theo Quyết định số ${round.decisionNumber} ${longDate(round.decisionDate)} của Chủ tịch Ủy ban nhân dân ${communeName})`;
  return {
    fileName: `quyet-dinh-${round.decisionNumber.replace(/\//gu, '-')}.docx`,
    buffer: await wordDocument('Quyết định công nhận danh sách hộ nghèo, hộ cận nghèo', [
      { children },
      ...annexSections(cases, names, round.listYear, caption),
    ]),
  };
}

const run2 = (text: string, bold = false) => run(text, { bold });

const ASKED: Record<string, string> = {
  mau_01: 'công nhận hộ nghèo, hộ cận nghèo (Mẫu số 01)',
  mau_04: 'công nhận thoát nghèo, thoát cận nghèo (Mẫu số 04)',
};

/**
 * The written answer to each application the decision did not grant (thông báo không công nhận):
 * to the applicant, with the decision's reasons and the right to complain. One page per applicant.
 */
export async function refusalNotice(db: Db, actor: Actor, roundId: string) {
  const { round, communeName, provinceName, place, issuer } = await paperworkContext(db, actor, roundId);
  const refused = round.state === 'decided' ? (await repo.allCases(db, round.id)).filter(applicationRefused) : [];
  if (refused.length === 0 || !round.refusalReason)
    throw errors.conflict(
      'no_refusal',
      'Quyết định của đợt rà soát không có đơn nào bị từ chối.',
      'The round’s decision refused no application.',
    );
  const villages = await villageNames(
    db,
    refused.map((c) => c.villageId),
  );
  const sections = refused.map((c) => {
    const application = c.application as { form: string; receivedOn: string; applicantName: string };
    return {
      children: [
        heading({ issuer, place, date: round.decisionDate! }),
        para('THÔNG BÁO', { bold: true, align: 'center', size: 28, after: 0 }),
        para(`Về việc trả lời đơn đề nghị ${ASKED[application.form] ?? ''}`, { bold: true, align: 'center' }),
        para(`Kính gửi: Ông/bà ${application.applicantName}, ${villages.get(c.villageId) ?? ''}, ${communeName}.`, {
          align: 'center',
        }),
        para(
          `Ngày ${formatDate(application.receivedOn)}, Ủy ban nhân dân ${communeName} nhận được đơn của ông/bà đề nghị ${ASKED[application.form] ?? ''} cho hộ ông/bà ${c.headName} (mã hộ ${c.householdCode}).`,
          { indent: true },
        ),
        para(
          `Căn cứ kết quả rà soát, Chủ tịch Ủy ban nhân dân ${communeName} đã ban hành Quyết định số ${round.decisionNumber} ${longDate(round.decisionDate!)}; hộ ông/bà không được công nhận theo đề nghị trong đơn, với lý do:`,
          { indent: true },
        ),
        para(round.refusalReason!, { indent: true, italics: true }),
        para('Nếu không đồng ý, ông/bà có quyền khiếu nại đến Ủy ban nhân dân xã theo quy định của Luật Khiếu nại.', {
          indent: true,
        }),
        signature(
          ['Như trên;', `UBND ${provinceName} (báo cáo);`, 'Lưu: VT.'],
          ['TM. ỦY BAN NHÂN DÂN', 'CHỦ TỊCH'],
          round.signerName ?? '',
        ),
      ],
    };
  });
  return {
    fileName: `thong-bao-khong-cong-nhan-${round.decisionNumber!.replace(/\//gu, '-')}.docx`,
    buffer: await wordDocument('Thông báo không công nhận theo đơn', sections),
  };
}

/** Mẫu số 03: the certificate of a poor or near-poor household, numbered "…/GCN-HN.HCN". */
export async function certificate(db: Db, actor: Actor, roundId: string, caseId: string) {
  const { round, communeName, place, issuer } = await paperworkContext(db, actor, roundId);
  const row = await repo.findCase(db, round.id, caseId);
  if (!row) throw errors.notFound('hộ trong đợt rà soát', 'Listed household');
  if (round.state !== 'decided' || !row.certificateNumber)
    throw errors.conflict(
      'no_certificate',
      'Hộ không được cấp giấy chứng nhận (chưa có quyết định, hoặc không phải hộ nghèo, hộ cận nghèo).',
      'No certificate: the round is not decided, or the household is not poor or near-poor.',
    );
  const household = await getHousehold(db, actor, row.householdId);
  const members = household.members.filter((m) => !m.leftAt);
  const head = members.find((m) => m.relation === 'head');
  const kind = row.finalCategory === 'poor' ? 'HỘ NGHÈO' : 'HỘ CẬN NGHÈO';
  const children = [
    heading({ issuer, number: `Số: ${row.certificateNumber}/GCN-HN.HCN`, place, date: round.decisionDate! }),
    para(`GIẤY CHỨNG NHẬN ${kind}`, { bold: true, align: 'center', size: 28, after: 0 }),
    para(`Năm ${round.listYear}`, { bold: true, align: 'center' }),
    para(
      `Căn cứ Quyết định số ${round.decisionNumber} ${longDate(round.decisionDate!)} của Chủ tịch Ủy ban nhân dân ${communeName} về việc công nhận danh sách hộ nghèo, hộ cận nghèo năm ${round.listYear};`,
      { italics: true, indent: true },
    ),
    para(`ỦY BAN NHÂN DÂN ${communeName.toUpperCase()} CHỨNG NHẬN:`, { bold: true, align: 'center' }),
    para(`Hộ gia đình ông/bà: ${household.headName}`, { indent: true, after: 0 }),
    para(`Dân tộc: ${head?.ethnicity ?? ''}`, { indent: true, after: 0 }),
    para(`Số định danh cá nhân: ${head?.citizenId ?? ''}`, { indent: true, after: 0 }),
    para(`Nơi cư trú: ${household.address}, ${household.villageName}, ${communeName}`, { indent: true, after: 0 }),
    para(`Là ${kind.toLowerCase()} năm ${round.listYear}, mã hộ ${household.code}.`, { indent: true }),
    para('Các thành viên trong hộ:', { indent: true }),
    grid(
      ['STT', 'Họ và tên', 'Dân tộc', 'Quan hệ với chủ hộ', 'Năm sinh (Nam)', 'Năm sinh (Nữ)', 'Ghi chú'],
      members.map((m, i) => [
        i + 1,
        m.fullName,
        m.ethnicity,
        RELATION_LABELS[m.relation as Relation].vi,
        m.sex === 'male' ? m.dateOfBirth.slice(0, 4) : '',
        m.sex === 'female' ? m.dateOfBirth.slice(0, 4) : '',
        '',
      ]),
      [6, 28, 12, 16, 12, 12, 14],
    ),
    para(''),
    signature(null, ['TM. ỦY BAN NHÂN DÂN', 'CHỦ TỊCH'], round.signerName ?? ''),
  ];
  return {
    fileName: `giay-chung-nhan-${row.certificateNumber}-${household.code}.docx`,
    buffer: await wordDocument(`Giấy chứng nhận ${kind.toLowerCase()}`, [{ children }]),
  };
}
