/**
 * Poverty-reduction models as Excel, headed in Vietnamese: the list of the area's models with
 * their results read from the registry, and one model — its description, and each participating
 * household with what it received through the model and its outcome (its status when it joined and
 * now, from its assessments).
 */
import { vietnameseDate } from '../../../domain/calendar';
import { formatVnd } from '../../../domain/fund';
import { MODEL_KIND_LABELS, OUTCOME_LABELS, type ModelResults, type YearStatus } from '../../../domain/models';
import { CATEGORY_LABELS } from '../../../domain/poverty';
import { capitalise } from '../../../domain/text';
import { BUILT_IN_SOURCES, SUPPORT_KIND_LABELS } from '../../../domain/support';
import type { Actor } from '../../platform/access';
import type { Db } from '../../platform/db/database';
import { contentDisposition } from '../../platform/download';
import { XLSX_TYPE } from '../registry-excel/schemas';
import { tableWorkbook, type Cell } from '../registry-excel/table-workbook';
import type { ModelListReq, ModelSummaryView } from './schemas';
import { getModel, listModels } from './service';

/** An export holds the whole list, up to this many models. */
const EXPORT_ROWS = 5_000;

const sourceName = (code: string) => BUILT_IN_SOURCES.find((s) => s.code === code)?.name.vi ?? code;
const budgetText = (m: ModelSummaryView) =>
  m.budget.map((b) => `${sourceName(b.sourceCode)}: ${formatVnd(b.amount)}`).join('; ');
const period = (m: ModelSummaryView) =>
  `${vietnameseDate(m.startsOn)} – ${m.endsOn ? vietnameseDate(m.endsOn) : 'đang thực hiện'}`;
const percent = (rate: number | null) => (rate === null ? null : Math.round(rate * 1000) / 10);
const status = (s: YearStatus | null) => (s ? `${capitalise(CATEGORY_LABELS[s.category].vi)} (${s.year})` : '');

/** The results columns of a model, the same in the list and on the model's sheet. */
const RESULT_HEADER = [
  'Số hộ tham gia',
  'Hộ nghèo khi tham gia',
  'Thoát nghèo',
  'Tỷ lệ thoát nghèo (%)',
  'Hộ cận nghèo khi tham gia',
  'Thoát cận nghèo',
  'Nghèo thêm',
];
const resultCells = (r: ModelResults): Cell[] => [
  r.participants,
  r.poorAtJoining,
  r.escapedPoverty,
  percent(r.povertyExitRate),
  r.nearPoorAtJoining,
  r.escapedNearPoverty,
  r.fellBack,
];

const file = (name: string, body: Buffer) => ({ type: XLSX_TYPE, disposition: contentDisposition(name), body });

export async function exportModels(db: Db, actor: Actor, query: Omit<ModelListReq, 'limit' | 'offset'>) {
  const { items } = await listModels(db, actor, { ...query, limit: EXPORT_ROWS, offset: 0 });
  const names = new Map(items.map((m) => [m.id, m.name]));
  const body = await tableWorkbook([
    {
      name: 'Mô hình giảm nghèo',
      title: 'Danh sách mô hình giảm nghèo',
      lines: ['Kết quả của hộ tham gia đọc từ sổ hộ (đánh giá hằng năm).'],
      header: [
        'STT',
        'Tên mô hình',
        'Loại mô hình',
        'Xã/phường',
        'Thôn/tổ dân phố',
        'Đơn vị chủ trì',
        'Đơn vị phối hợp',
        'Thời gian thực hiện',
        'Kinh phí theo nguồn',
        'Tổng kinh phí (đồng)',
        'Nhân rộng từ',
        ...RESULT_HEADER,
        'Thu nhập tăng thêm dự kiến (đồng/hộ/năm)',
        'Thu nhập tăng thêm thực tế (đồng/hộ/năm)',
      ],
      rows: items.map((m, i) => [
        i + 1,
        m.name,
        MODEL_KIND_LABELS[m.kind].vi,
        m.communeName,
        m.villages.map((v) => v.name).join(', '),
        m.leadOrganisation.name,
        m.partnerOrganisations.map((o) => o.name).join(', '),
        period(m),
        budgetText(m),
        m.totalBudget,
        m.originId ? (names.get(m.originId) ?? 'Có') : '',
        ...resultCells(m.results),
        m.expectedIncomeIncrease,
        m.actualIncomeIncrease,
      ]),
    },
  ]);
  return file('Danh sách mô hình giảm nghèo.xlsx', body);
}

export async function exportModel(db: Db, actor: Actor, id: string) {
  const m = await getModel(db, actor, id);
  const about: [string, Cell][] = [
    ['Loại mô hình', MODEL_KIND_LABELS[m.kind].vi],
    ['Xã/phường', m.communeName],
    ['Thôn/tổ dân phố', m.villages.map((v) => v.name).join(', ')],
    ['Đơn vị chủ trì', m.leadOrganisation.name],
    ['Đơn vị phối hợp', m.partnerOrganisations.map((o) => o.name).join(', ')],
    ['Thời gian thực hiện', period(m)],
    ['Kinh phí theo nguồn', budgetText(m)],
    ['Tổng kinh phí (đồng)', m.totalBudget],
    ['Kết quả dự kiến', m.expectedResults],
    ['Thu nhập tăng thêm dự kiến (đồng/hộ/năm)', m.expectedIncomeIncrease],
    ['Kết quả đạt được', m.actualResults],
    ['Thu nhập tăng thêm thực tế (đồng/hộ/năm)', m.actualIncomeIncrease],
    ['Nhân rộng từ', m.origin?.name ?? ''],
    ['Các bản nhân rộng', m.copies.map((c) => c.name).join(', ')],
    ...RESULT_HEADER.map((label, i): [string, Cell] => [label, resultCells(m.results)[i]!]),
  ];
  const body = await tableWorkbook([
    {
      name: 'Mô hình',
      title: `Mô hình giảm nghèo: ${m.name}`,
      header: ['Nội dung', 'Thông tin'],
      rows: about,
      widths: [42, 80],
    },
    {
      name: 'Hộ tham gia',
      title: `Hộ tham gia mô hình ${m.name}`,
      lines: ['Khi tham gia, hiện nay và kết quả: đọc từ đánh giá hằng năm của hộ trong sổ hộ.'],
      header: [
        'STT',
        'Mã hộ',
        'Chủ hộ',
        'Ngày tham gia',
        'Khi tham gia',
        'Hiện nay',
        'Kết quả',
        'Đã nhận qua mô hình',
        'Giá trị đã nhận (đồng)',
      ],
      rows: m.participants.map((p, i) => {
        const received = p.received.filter((s) => !s.cancelled);
        return [
          i + 1,
          p.householdCode,
          p.headName,
          vietnameseDate(p.joinedOn),
          status(p.before),
          status(p.now),
          OUTCOME_LABELS[p.outcome].vi,
          received
            .map((s) => `${SUPPORT_KIND_LABELS[s.kind].vi} ${formatVnd(s.value)} (${vietnameseDate(s.date)})`)
            .join('; '),
          received.reduce((sum, s) => sum + s.value, 0),
        ];
      }),
    },
  ]);
  return file(`Mô hình ${m.name}.xlsx`, body);
}
