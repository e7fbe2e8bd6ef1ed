import { formatVnd, type ReviewFigures } from '../../../domain/coordination';
import { HOUSE_STAGE_LABELS, HOUSE_STAGES } from '../../../domain/support/houses';
import type { Actor } from '../../platform/access';
import type { Db } from '../../platform/db/database';
import { fileName, officialDocx, type Block } from '../../platform/word/official';
import { getProgramme } from '../coordination/service';
import { signatures } from '../coordination/word';
import { todayInVietnam } from '../../../domain/calendar';
import { citation } from '../legal-documents/service';
import type { ResourceFiguresView } from './schemas';
import { getReview, reviewTitle } from './service';

const HEADER = ['Chỉ tiêu', 'Số lượng'];
const figureRows = (f: ReviewFigures): string[][] => [
  ['Hoạt động tuyên truyền', `${f.communication} (${f.communicationAudience} lượt người)`],
  ['Lớp tập huấn, bồi dưỡng', `${f.trainings} (${f.trainees} lượt người)`],
  ['Hội nghị, hội thảo', `${f.conferences} (${f.conferenceAudience} đại biểu)`],
  ['Lượt người thuộc hộ nghèo, cận nghèo được tiếp cận', String(f.poorAudience)],
  ['Cuộc giám sát đã thực hiện', String(f.supervisions)],
  ['Kiến nghị (đã giải quyết xong)', `${f.recommendations} (${f.recommendationsResolved})`],
  ['Khen thưởng, biểu dương', String(f.commendations)],
  ['Nhiệm vụ hoàn thành / theo kế hoạch', `${f.tasksDone}/${f.tasks}`],
  ['Kinh phí', formatVnd(f.budget)],
];

/** The figures of the programme's area: households that escaped poverty, and the resources. */
const areaRows = (escaped: number, r: ResourceFiguresView | undefined): string[][] => [
  ['Hộ thoát nghèo trên địa bàn', String(escaped)],
  ...(r
    ? [
        ['Quỹ "Vì người nghèo": tiếp nhận', formatVnd(r.fundReceipts)],
        ['Quỹ "Vì người nghèo": chi hỗ trợ', formatVnd(r.fundSpent)],
        [
          'Nhà ở được phê duyệt hỗ trợ',
          `${r.housesApproved} (${HOUSE_STAGES.map((s) => `${HOUSE_STAGE_LABELS[s].vi.toLowerCase()}: ${r.housesByStage[s]}`).join('; ')})`,
        ],
        ['Nhà ở bàn giao trong kỳ', String(r.housesHandedOver)],
        ['Mô hình giảm nghèo (hộ tham gia)', `${r.models} (${r.modelHouseholds} hộ)`],
      ]
    : []),
];

/** The review report as a Word document in the official layout, with the edited text. */
export async function reviewDocx(db: Db, actor: Actor, id: string) {
  const review = await getReview(db, actor, id);
  const programme = await getProgramme(db, actor, review.programmeId);
  const texts = new Map(review.sections.contents.map((c) => [c.contentId, c.text]));
  const body: Block[] = [
    ...programme.legalBases.map((d) => ({ kind: 'paragraph' as const, text: citation(d), italic: true })),
    { kind: 'heading', text: 'I. KẾT QUẢ THỰC HIỆN' },
    ...review.figures.byContent.flatMap((c): Block[] => [
      { kind: 'heading', text: c.position ? `${c.position}. ${c.title}` : c.title },
      ...(c.contentId && texts.get(c.contentId) ? [{ kind: 'paragraph' as const, text: texts.get(c.contentId)! }] : []),
    ]),
    { kind: 'heading', text: 'Tổng hợp số liệu' },
    {
      kind: 'table',
      header: HEADER,
      rows: [
        ...figureRows(review.figures.total),
        ...areaRows(review.figures.householdsEscaped, review.figures.resources),
      ],
    },
    { kind: 'heading', text: 'II. KHÓ KHĂN, VƯỚNG MẮC' },
    { kind: 'paragraph', text: review.sections.difficulties ?? '' },
    { kind: 'heading', text: 'III. PHƯƠNG HƯỚNG, NHIỆM VỤ THỜI GIAN TỚI' },
    { kind: 'paragraph', text: review.sections.directions ?? '' },
  ];
  const buffer = await officialDocx({
    issuers: programme.parties.map((o) => o.name),
    number: review.number ?? `…/BC (${programme.number})`,
    place: programme.signedPlace,
    date: todayInVietnam(),
    kind: 'Báo cáo',
    title: reviewTitle(review),
    body,
    recipients: [...programme.parties.map((o) => o.name), 'Lưu: VT'],
    signatures: await signatures(db, programme.parties),
  });
  return { buffer, filename: fileName(`bao-cao-${review.kind.replace('_', '-')}`, programme.number) };
}
