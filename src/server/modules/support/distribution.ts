/**
 * Distributions (đợt phát): one support of one kind to each household of a commune's list — 300
 * Tết gifts at once — chosen from the registry or read from an Excel file. The preview says, row
 * by row, which will be refused and why (the household is not in the commune, is listed twice,
 * already received this kind in the repeat rule's period, names no such member); confirming
 * re-checks inside the households' locks and records every row or none, each audited, once per
 * Idempotency-Key. Paid from the Fund, each household's support is also the fund's expenditure
 * (fund-link.ts), posted in the same transaction.
 */
import { createHash } from 'node:crypto';
import { canonicalJson } from '../../../domain/fund';
import {
  BUILT_IN_SOURCES,
  checkRepeat,
  DEFAULT_REPEAT_RULES,
  FUND_SOURCE,
  PER_MEMBER_KINDS,
  SUPPORT_KIND_LABELS,
  type GivenSupport,
  type SupportKind,
} from '../../../domain/support';
import { foldAccents } from '../../../domain/text';
import type { Actor } from '../../platform/access';
import { recordAudit } from '../../platform/audit/audit';
import type { Db, Executor } from '../../platform/db/database';
import { AppError, errors, whenUniqueViolated } from '../../platform/errors';
import { requireCurrentUnit } from '../admin-units/service';
import * as fund from '../fund/service';
import { fundPurposeOf, postDistributionRecords } from './fund-link';
import { present, requireManage } from './records';
import * as repo from './repo';
import type { DistributionCreateReq, DistributionHeader, DistributionPreview, DistributionRow } from './schemas';

/** A row of the list with its place: the Excel row number, or its position in the list sent. */
export type NumberedRow = DistributionRow & { row: number };

/** Column names as an officer sees them in the file and the preview. */
export const COLUMNS = { code: 'Mã hộ', value: 'Giá trị (đồng)', member: 'Thành viên', note: 'Ghi chú' } as const;

type Problem = DistributionPreview['rows'][number]['problems'][number];
const problem = (column: string, message: string, messageEn: string): Problem => ({ column, message, messageEn });

/**
 * The commune the list belongs to, inside the caller's area, and a source a distribution may name;
 * from the Fund, a fund the caller can read, a decision and a kind the Fund pays for (with the
 * fund's balance, for the preview).
 */
async function requireCommune(db: Db, actor: Actor, header: DistributionHeader) {
  const unit = await requireCurrentUnit(db, header.communeCode, 'communeCode', 'commune');
  const area = { provinceCode: unit.area.provinceCode!, communeCode: header.communeCode };
  requireManage(actor, area);
  if (!BUILT_IN_SOURCES.some((s) => s.code === header.sourceCode))
    throw errors.invalid(
      'sourceCode',
      `Không có nguồn hỗ trợ "${header.sourceCode}".`,
      `Unknown source "${header.sourceCode}".`,
    );
  if (header.sourceCode !== FUND_SOURCE) {
    if (header.fundId || header.campaignId)
      throw errors.invalid(
        'fundId',
        'Chỉ đợt phát từ Quỹ "Vì người nghèo" mới chọn quỹ chi.',
        'Only a distribution from the Fund for the Poor names a fund.',
      );
    return { area, fundBalance: null };
  }
  if (!header.fundId)
    throw errors.invalid(
      'fundId',
      'Đợt phát từ Quỹ "Vì người nghèo" cần chọn quỹ chi.',
      'A distribution from the Fund for the Poor names the fund that pays.',
    );
  if (!header.decisionNumber)
    throw errors.invalid(
      'decisionNumber',
      'Khoản chi từ Quỹ cần số quyết định.',
      'A fund expenditure needs a decision.',
    );
  fundPurposeOf(header.kind, 'kind');
  return { area, fundBalance: (await fund.fundBalance(db, actor, header.fundId)).balance };
}

/** Check every row against the registry and the repeat rule, earlier rows of the list included. */
type CheckedRow = DistributionPreview['rows'][number] & { memberId: string | null };
type Checked = Omit<DistributionPreview, 'rows' | 'fundBalance'> & { rows: CheckedRow[] };

async function check(db: Executor, header: DistributionHeader, rows: readonly NumberedRow[]): Promise<Checked> {
  const codes = [...new Set(rows.map((r) => r.householdCode))];
  const found = await repo.householdsByCode(db, header.communeCode, codes);
  const byCode = new Map(found.map((h) => [h.code, h]));
  const ids = found.map((h) => h.id);
  const members = await repo.currentMembersOf(db, ids);
  const given: GivenSupport[] = (await repo.inForceOfMany(db, ids)).map((g) => ({ ...g, kind: g.kind as SupportKind }));
  const firstRowOf = new Map<string, number>();
  const label = SUPPORT_KIND_LABELS[header.kind];
  let total = 0;
  const checked = rows.map((r): CheckedRow => {
    const problems: Problem[] = [];
    const household = byCode.get(r.householdCode);
    const earlier = firstRowOf.get(r.householdCode);
    if (earlier !== undefined)
      problems.push(
        problem(
          COLUMNS.code,
          `Mã hộ ${r.householdCode} đã có ở dòng ${earlier}.`,
          `Household ${r.householdCode} is already on row ${earlier}.`,
        ),
      );
    else firstRowOf.set(r.householdCode, r.row);
    if (!household)
      problems.push(
        problem(
          COLUMNS.code,
          `Không có hộ mã ${r.householdCode} trong xã/phường ${header.communeCode}.`,
          `No household ${r.householdCode} in commune ${header.communeCode}.`,
        ),
      );
    let member: { id: string; fullName: string } | undefined;
    if (household && r.member) {
      const wanted = foldAccents(r.member);
      member = members.find(
        (m) => m.householdId === household.id && (m.citizenId === r.member || foldAccents(m.fullName) === wanted),
      );
      if (!member)
        problems.push(
          problem(
            COLUMNS.member,
            `Hộ ${r.householdCode} không có thành viên "${r.member}".`,
            `Household ${r.householdCode} has no member "${r.member}".`,
          ),
        );
    } else if (household && PER_MEMBER_KINDS.has(header.kind))
      problems.push(
        problem(COLUMNS.member, `"${label.vi}" cần ghi người nhận.`, `"${label.en}" is given to a member: name one.`),
      );
    const value = r.value ?? header.value;
    if (household && problems.length === 0) {
      const candidate = {
        kind: header.kind,
        date: header.date,
        householdId: household.id,
        memberId: member?.id ?? null,
      };
      const repeat = checkRepeat(DEFAULT_REPEAT_RULES, given, candidate);
      if (!repeat.allowed) problems.push(problem(COLUMNS.code, repeat.reason.vi, repeat.reason.en));
      else {
        given.push({ ...candidate, id: `row-${r.row}` });
        total += value;
      }
    }
    return {
      row: r.row,
      householdCode: r.householdCode,
      householdId: household?.id ?? null,
      headName: household?.headName ?? null,
      memberName: member?.fullName ?? null,
      memberId: member?.id ?? null,
      value,
      note: r.note,
      problems,
    };
  });
  const refused = checked.filter((r) => r.problems.length > 0).length;
  return { rows: checked, accepted: checked.length - refused, refused, totalValue: total };
}

const numbered = (rows: readonly DistributionRow[]): NumberedRow[] => rows.map((r, i) => ({ ...r, row: i + 1 }));

/** What the distribution would record, row by row; nothing is written. */
export async function previewDistribution(
  db: Db,
  actor: Actor,
  header: DistributionHeader,
  rows: readonly NumberedRow[],
) {
  const { fundBalance } = await requireCommune(db, actor, header);
  const checked = await check(db, header, rows);
  return { ...checked, fundBalance, rows: checked.rows.map(({ memberId: _, ...row }) => row) };
}

/** The list to hand out to: the commune's households whose latest assessment is of the chosen categories. */
export async function selectHouseholds(
  db: Db,
  actor: Actor,
  header: DistributionHeader,
  categories: readonly string[],
) {
  await requireCommune(db, actor, header);
  const codes = await repo.householdCodesByCategory(db, header.communeCode, categories);
  return previewDistribution(
    db,
    actor,
    header,
    numbered(codes.map((householdCode) => ({ householdCode, value: null, member: null, note: null }))),
  );
}

const keyReused = () =>
  new AppError(
    422,
    'idempotency_key_reused',
    'Idempotency-Key này đã được dùng cho một yêu cầu khác.',
    'This Idempotency-Key was already used for a different request.',
    [
      {
        field: 'headers.idempotency-key',
        message: 'Khóa đã dùng cho yêu cầu khác',
        messageEn: 'Key used for another request',
      },
    ],
  );

const presentDistribution = (d: repo.DistributionRow, replayed: boolean) => ({
  id: d.id,
  communeCode: d.communeCode,
  kind: d.kind as SupportKind,
  sourceCode: d.sourceCode,
  date: d.date,
  decisionNumber: d.decisionNumber,
  households: d.households,
  totalValue: d.totalValue,
  replayed,
});

/**
 * Record the distribution: every row or none. Inside the transaction the households are locked
 * and the list checked again (another entry may have come meanwhile); any refused row refuses the
 * whole request with every row's reasons. A retried request with the same key answers with the
 * distribution it recorded.
 */
export async function recordDistribution(
  db: Db,
  actor: Actor,
  input: DistributionCreateReq,
  idempotencyKey: string | undefined,
) {
  const requestHash = createHash('sha256').update(canonicalJson(input)).digest('hex');
  const { rows, ...header } = input;
  const { area } = await requireCommune(db, actor, header);
  if (!idempotencyKey)
    throw errors.invalid(
      'headers.idempotency-key',
      'Cần Idempotency-Key để không ghi trùng khi gửi lại.',
      'An Idempotency-Key is needed so a retry records nothing twice.',
    );
  const replay = async (tx: Executor) => {
    const done = await repo.findDistribution(tx, actor.id, idempotencyKey);
    if (!done) return undefined;
    if (done.requestHash !== requestHash) throw keyReused();
    return presentDistribution(done, true);
  };
  return db
    .transaction(async (tx) => {
      const earlier = await replay(tx);
      if (earlier) return earlier;
      // The fund before the households, as a posting on a household takes them (it locks the
      // household when it writes the support record): the opposite order could deadlock.
      if (header.fundId) await fund.lockFund(tx, actor, header.fundId);
      await repo.lockHouseholdsByCode(
        tx,
        header.communeCode,
        rows.map((r) => r.householdCode),
      );
      const checked = await check(tx, header, numbered(rows));
      if (checked.refused > 0) throw refusedRows(checked);
      const distribution = await repo.insertDistribution(tx, {
        ...area,
        kind: header.kind,
        sourceCode: header.sourceCode,
        date: header.date,
        decisionNumber: header.decisionNumber,
        fundId: header.fundId,
        campaignId: header.campaignId,
        households: checked.accepted,
        totalValue: checked.totalValue,
        idempotencyKey,
        requestHash,
        createdBy: actor.id,
      });
      const newRecords = checked.rows.map((r): repo.NewSupportRow => ({
        ...area,
        householdId: r.householdId!,
        memberId: r.memberId,
        kind: header.kind,
        sourceCode: header.sourceCode,
        value: r.value!,
        date: header.date,
        decisionNumber: header.decisionNumber,
        note: r.note ?? header.note,
        distributionId: distribution.id,
        createdBy: actor.id,
      }));
      const records = header.fundId
        ? await postDistributionRecords(
            tx,
            actor,
            { fundId: header.fundId, campaignId: header.campaignId, decisionNumber: header.decisionNumber! },
            newRecords,
          )
        : await repo.insertMany(tx, newRecords);
      for (const row of records)
        await recordAudit(tx, actor, {
          action: 'support.record',
          entity: 'support',
          entityId: row.id,
          area: row,
          after: present(row, actor),
        });
      const view = presentDistribution(distribution, false);
      await recordAudit(tx, actor, {
        action: 'support.distribute',
        entity: 'support_distribution',
        entityId: distribution.id,
        area,
        after: view,
      });
      return view;
    })
    .catch(
      whenUniqueViolated('support_distributions_key', () =>
        errors.conflict(
          'distribution_in_progress',
          'Yêu cầu này đang được ghi; hãy tải lại trang.',
          'This request is being recorded; reload the page.',
        ),
      ),
    );
}

/** Every refused row, by row and column: nothing was recorded. */
function refusedRows(preview: Checked) {
  const listed = preview.rows.flatMap((r) =>
    r.problems.map((p) => ({
      field: `rows.${r.row - 1}`,
      row: r.row,
      column: p.column,
      message: `Dòng ${r.row}: ${p.message}`,
      messageEn: `Row ${r.row}: ${p.messageEn}`,
    })),
  );
  return new AppError(
    422,
    'distribution_refused',
    `${preview.refused} dòng không ghi được; chưa ghi hộ nào. Hãy bỏ hoặc sửa các dòng đó rồi ghi lại.`,
    `${preview.refused} rows cannot be recorded; nothing was recorded. Remove or correct them and try again.`,
    listed.slice(0, 1000),
  );
}
