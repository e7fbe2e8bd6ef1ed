/**
 * Importing a fund's bank statement (sao kê): each incoming transfer becomes a receipt (method
 * bank) through the normal receipt path, or waits on the manual matching screen. A transfer is
 * recorded once: the statement line is written in the receipt's own transaction under a unique
 * (fund, bank transaction id) key, so a re-import, an overlapping statement or a concurrent
 * import of the same file finds it there and makes no second receipt.
 *
 * The donor of a receipt made from a line: the pledge's donor when the note names a pledge;
 * otherwise anonymous ("Nhà hảo tâm") — a bank note carries a sender's name unreliably, so
 * nobody is named without an officer: the manual screen can name the donor, and the note is kept
 * in the receipt's description.
 */
import { randomUUID } from 'node:crypto';
import { peakMonthContaining, receiptNumber } from '../../../domain/fund';
import type { Actor } from '../../platform/access';
import { auditInsert, recordAudit } from '../../platform/audit/audit';
import type { Db, Executor } from '../../platform/db/database';
import { AppError, errors, whenUniqueViolated } from '../../platform/errors';
import type { PostingLink } from './posting';
import * as pledges from './pledge-repo';
import { fundArea } from './policy';
import * as repo from './repo';
import type { DonorInput, ReceiptCreateReq } from './schemas';
import { pledgePayment } from './pledge-payment';
import { ensurePeakMonth, postReceipt, requireFund, requirePostable, writeReceipt } from './service';
import { readStatement, type StatementRow } from './statement-file';
import { matchStatement, type MatchedRow } from './statement-match';
import * as lines from './statement-repo';
import type {
  StatementImportResult,
  StatementLineListReq,
  StatementLineView,
  StatementMatchReq,
} from './statement-schemas';

const alreadyImported = () =>
  errors.conflict(
    'statement_line_imported',
    'Giao dịch này đã được nhập trước đó.',
    'This transaction was imported before.',
  );
const lineSettled = () =>
  errors.conflict(
    'statement_line_settled',
    'Dòng sao kê này đã được đối chiếu hoặc để riêng.',
    'This statement line was already matched or set aside.',
  );
const lineNotFound = () => errors.notFound('dòng sao kê', 'Statement line');

export function presentLine(row: lines.StatementLineRow): StatementLineView {
  return {
    id: row.id,
    fundId: row.fundId,
    bankTransactionId: row.bankTransactionId,
    date: row.transactionDate,
    amount: row.amount,
    content: row.content,
    status: row.status as StatementLineView['status'],
    matchedBy: row.matchedBy as StatementLineView['matchedBy'],
    pledgeId: row.pledgeId,
    pledgeReference: row.pledgeReference,
    postingId: row.postingId,
    receiptNumber: row.receiptYear && row.receiptSeq ? receiptNumber(row.receiptYear, row.receiptSeq) : null,
    reason: row.reason,
    fileName: row.fileName,
  };
}

type Line = Pick<StatementRow, 'date' | 'bankTransactionId' | 'content'> & { amount: number };
type Target = { pledge: pledges.PledgeRow } | { campaignId: string | null; donor?: DonorInput };

/** What a receipt made from a transfer says: paid by bank, the transfer's number and note kept. */
const lineReceipt = (line: Line) => ({
  amount: line.amount,
  date: line.date,
  method: 'bank' as const,
  description: `Chuyển khoản, số bút toán ${line.bankTransactionId}: ${line.content}`.slice(0, 500),
});

/** The receipt of a transfer matched by hand, made through the one receipt path; `linked` settles the line with it. */
function postLineReceipt(db: Db, actor: Actor, fundId: string, line: Line, target: Target, linked: PostingLink) {
  const input: ReceiptCreateReq = {
    ...lineReceipt(line),
    ...('pledge' in target
      ? { donorId: target.pledge.donorId, pledgeId: target.pledge.id }
      : { donor: target.donor ?? { kind: 'anonymous' }, campaignId: target.campaignId }),
  };
  return postReceipt(db, actor, fundId, input, undefined, linked);
}

async function auditLine(tx: Executor, actor: Actor, action: string, id: string) {
  const row = (await lines.findLine(tx, id, { level: 'national' }))!;
  await recordAudit(tx, actor, {
    action,
    entity: 'fund_statement_line',
    entityId: id,
    area: fundArea(row),
    after: presentLine(row),
  });
}

/** Preview (dryRun) or import a statement of the fund's account. */
export async function importStatement(
  db: Db,
  actor: Actor,
  fundId: string,
  file: Buffer,
  options: {
    dryRun?: boolean;
    fileName?: string;
    /** Told after each matched transfer is recorded: how many of how many. */
    onProgress?: (done: number, total: number) => void;
  },
): Promise<StatementImportResult> {
  const fund = await requirePostable(db, actor, fundId);
  const rows = await readStatement(file);
  // The Peak Month of each year the statement covers exists without anyone creating it: its
  // reference (TCD2026) may be in the notes before anyone opened the fund's campaigns.
  await db.transaction(async (tx) => {
    for (const year of new Set(rows.map((r) => Number(r.date.slice(0, 4))))) await ensurePeakMonth(tx, fund, year);
  });
  const [payable, campaigns, imported] = await Promise.all([
    pledges.payablePledges(db, fund.id),
    repo.campaignsOf(db, fund.id),
    lines.importedIds(
      db,
      fund.id,
      rows.map((r) => r.bankTransactionId),
    ),
  ]);
  const pledgeById = new Map(payable.map((p) => [p.id, p]));
  const matched = matchStatement(
    rows,
    payable.map((p) => ({ ...p, left: p.amount - p.paid })),
    campaigns,
    imported,
  );
  const receipts = new Map<number, string>();
  if (!options.dryRun) {
    const waiting: MatchedRow[] = [];
    const toPost = matched.filter((row) => row.outcome === 'pledge' || row.outcome === 'campaign').length;
    // A receipt naming no campaign joins the Peak Month of its date (created above for every year).
    const peakMonths = new Map(campaigns.filter((c) => c.kind === 'peak_month').map((c) => [c.year, c.id]));
    const peakMonthOf = (date: string) => peakMonths.get(peakMonthContaining(date)) ?? null;
    let posted = 0;
    for (const row of matched) {
      if (row.outcome !== 'pledge' && row.outcome !== 'campaign') {
        if (row.outcome === 'unmatched') waiting.push(row);
        continue;
      }
      const line = { ...row, amount: row.credit };
      const pledge = row.outcome === 'pledge' ? pledgeById.get(row.pledgeId)! : null;
      const campaignId = row.outcome === 'campaign' ? row.campaignId : (pledge!.campaignId ?? peakMonthOf(row.date));
      try {
        // Fund, pledges and campaigns were read once for the file: each transfer costs only its posting.
        const { posting } = await writeReceipt(db, actor, fund.id, {
          input: lineReceipt(line),
          donor: pledge
            ? { id: pledge.donorCountedId, kind: pledge.donorKind, name: pledge.donorName }
            : { entered: { kind: 'anonymous' } },
          pledge: pledge && pledgePayment(pledge),
          campaignId: async () => campaignId,
          alongside: (tx, postingId) =>
            matchedLineInserts(tx, actor, fund, {
              bankTransactionId: row.bankTransactionId,
              transactionDate: row.date,
              amount: row.credit,
              content: row.content,
              pledgeId: pledge?.id ?? null,
              postingId,
              fileName: options.fileName ?? null,
            }),
        }).catch(whenUniqueViolated('fund_statement_lines_transaction', alreadyImported));
        receipts.set(row.row, posting.receiptNumber!);
      } catch (error) {
        if (!(error instanceof AppError)) throw error;
        // Imported meanwhile by another request: nothing more to do. Refused by the receipt
        // path (a pledge paid meanwhile…): the line waits for an officer, with the reason.
        const imported = error.code === 'statement_line_imported';
        Object.assign(row, {
          outcome: imported ? 'already_imported' : 'unmatched',
          reason: { vi: error.vi, en: error.en },
        });
        if (!imported) waiting.push(row);
      }
      options.onProgress?.(++posted, toPost);
    }
    await storeWaiting(db, actor, fund, waiting, options.fileName ?? null);
  }
  return presentImport(matched, receipts, !!options.dryRun, pledgeById, new Map(campaigns.map((c) => [c.id, c.name])));
}

/**
 * A transfer matched at import: its statement line and the line's audit event, written in its
 * receipt's statement. A second import of the same transaction violates the line's unique key.
 */
function matchedLineInserts(
  tx: Executor,
  actor: Actor,
  fund: repo.FundRow,
  line: Pick<
    lines.NewStatementLine,
    'bankTransactionId' | 'transactionDate' | 'amount' | 'content' | 'pledgeId' | 'postingId' | 'fileName'
  >,
) {
  const row = {
    ...line,
    id: randomUUID(),
    fundId: fund.id,
    provinceCode: fund.provinceCode,
    communeCode: fund.communeCode,
    status: 'matched',
    matchedBy: 'auto',
    importedBy: actor.id,
  };
  return [
    lines.lineInsert(tx, row),
    auditInsert(tx, actor, {
      action: 'fund.statement.import_line',
      entity: 'fund_statement_line',
      entityId: row.id,
      area: fundArea(fund),
      after: { ...line, status: row.status, matchedBy: row.matchedBy },
    }),
  ];
}

/** The lines left for the manual screen, in one transaction with the import's audit event. */
async function storeWaiting(db: Db, actor: Actor, fund: repo.FundRow, waiting: MatchedRow[], fileName: string | null) {
  if (waiting.length === 0) return;
  await db.transaction(async (tx) => {
    const stored = await lines.insertUnmatched(
      tx,
      waiting.map((row) => ({
        fundId: fund.id,
        provinceCode: fund.provinceCode,
        communeCode: fund.communeCode,
        bankTransactionId: row.bankTransactionId,
        transactionDate: row.date,
        amount: row.credit,
        content: row.content,
        status: 'unmatched',
        reason: 'reason' in row ? row.reason.vi : null,
        fileName,
        importedBy: actor.id,
      })),
    );
    const storedIds = new Set(stored.map((s) => s.bankTransactionId));
    for (const row of waiting) {
      if (!storedIds.has(row.bankTransactionId)) {
        const { vi, en } = alreadyImported();
        Object.assign(row, { outcome: 'already_imported', reason: { vi, en } });
      }
    }
    await recordAudit(tx, actor, {
      action: 'fund.statement.import',
      entity: 'fund',
      entityId: fund.id,
      area: fundArea(fund),
      after: { fileName, unmatched: stored.map((s) => s.bankTransactionId) },
    });
  });
}

function presentImport(
  matched: MatchedRow[],
  receipts: ReadonlyMap<number, string>,
  dryRun: boolean,
  pledgeById: ReadonlyMap<string, pledges.PledgeRow>,
  campaignNames: ReadonlyMap<string, string>,
): StatementImportResult {
  const items = matched.map((row) => {
    const pledge = row.outcome === 'pledge' ? pledgeById.get(row.pledgeId)! : null;
    const campaignId = row.outcome === 'campaign' ? row.campaignId : (pledge?.campaignId ?? null);
    return {
      row: row.row,
      bankTransactionId: row.bankTransactionId,
      date: row.date,
      credit: row.credit,
      debit: row.debit,
      content: row.content,
      outcome: row.outcome,
      pledgeId: pledge?.id ?? null,
      pledgeReference: pledge?.reference ?? null,
      campaignId,
      campaignName: campaignId ? (campaignNames.get(campaignId) ?? null) : null,
      reason: 'reason' in row ? row.reason.vi : null,
      reasonEn: 'reason' in row ? row.reason.en : null,
      receiptNumber: receipts.get(row.row) ?? null,
    };
  });
  const matchedLines = items.filter((l) => l.outcome === 'pledge' || l.outcome === 'campaign');
  return {
    dryRun,
    lines: items,
    totals: {
      matched: matchedLines.length,
      matchedAmount: matchedLines.reduce((s, l) => s + l.credit, 0),
      unmatched: items.filter((l) => l.outcome === 'unmatched').length,
      ignored: items.filter((l) => l.outcome === 'debit').length,
      alreadyImported: items.filter((l) => l.outcome === 'already_imported').length,
    },
  };
}

export async function listStatementLines(db: Db, actor: Actor, fundId: string, query: StatementLineListReq) {
  const fund = await requireFund(db, actor, fundId);
  const { items, total } = await lines.listLines(db, fund.id, query);
  return { items: items.map(presentLine), total };
}

async function requireWaitingLine(db: Db, actor: Actor, id: string) {
  const line = await lines.findLine(db, id, actor.scope);
  if (!line) throw lineNotFound();
  const fund = await requirePostable(db, actor, line.fundId);
  if (line.status !== 'unmatched') throw lineSettled();
  return { line, fund };
}

/** Match a waiting line by hand; a line matched to a receipt recorded by hand makes no new receipt. */
export async function matchStatementLine(db: Db, actor: Actor, id: string, input: StatementMatchReq) {
  const { line, fund } = await requireWaitingLine(db, actor, id);
  if (input.to === 'receipt') {
    await db.transaction(async (tx) => {
      const receipt = await repo.findPosting(tx, input.postingId, actor.scope);
      const wrong = (vi: string, en: string) => errors.invalid('postingId', vi, en);
      if (!receipt || receipt.fundId !== fund.id || receipt.kind !== 'receipt')
        throw wrong('Không tìm thấy khoản thu này của quỹ.', 'No such receipt of this fund.');
      if (receipt.reversedBy) throw wrong('Khoản thu này đã bị hủy.', 'This receipt was reversed.');
      if (receipt.amount !== line.amount)
        throw wrong(
          'Số tiền của khoản thu khác số tiền chuyển khoản.',
          'The receipt’s amount differs from the transfer’s.',
        );
      const taken = () =>
        errors.conflict(
          'receipt_already_matched',
          'Khoản thu này đã được đối chiếu với một giao dịch khác.',
          'This receipt is already matched to another transaction.',
          'postingId',
        );
      const settled = await lines
        .settleLine(tx, id, {
          status: 'matched',
          matchedBy: 'manual',
          postingId: receipt.id,
          pledgeId: null,
          reason: null,
        })
        .catch(whenUniqueViolated('fund_statement_lines_posting', taken));
      if (!settled) throw lineSettled();
      await auditLine(tx, actor, 'fund.statement.match', id);
    });
    return presentLine((await lines.findLine(db, id, actor.scope))!);
  }
  let target: Target;
  if (input.to === 'pledge') {
    const pledge = await pledges.findPledge(db, input.pledgeId, actor.scope);
    if (!pledge || pledge.fundId !== fund.id)
      throw errors.invalid('pledgeId', 'Không tìm thấy cam kết ủng hộ của quỹ này.', 'No such pledge of this fund.');
    target = { pledge };
  } else target = { campaignId: input.campaignId, donor: input.donor };
  await postLineReceipt(db, actor, fund.id, { ...line, date: line.transactionDate }, target, async (tx, posting) => {
    const pledgeId = 'pledge' in target ? target.pledge.id : null;
    const settled = await lines.settleLine(tx, id, {
      status: 'matched',
      matchedBy: 'manual',
      postingId: posting.id,
      pledgeId,
      reason: null,
    });
    if (!settled) throw lineSettled();
    await auditLine(tx, actor, 'fund.statement.match', id);
  });
  return presentLine((await lines.findLine(db, id, actor.scope))!);
}

/** Set a waiting line aside: not a donation (a refund, the bank's interest…), with the reason. */
export async function setStatementLineAside(db: Db, actor: Actor, id: string, reason: string) {
  await requireWaitingLine(db, actor, id);
  await db.transaction(async (tx) => {
    const settled = await lines.settleLine(tx, id, {
      status: 'set_aside',
      matchedBy: 'manual',
      postingId: null,
      pledgeId: null,
      reason,
    });
    if (!settled) throw lineSettled();
    await auditLine(tx, actor, 'fund.statement.set_aside', id);
  });
  return presentLine((await lines.findLine(db, id, actor.scope))!);
}
