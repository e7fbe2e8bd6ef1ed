import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, openTestDatabase, signIn, type TestApp } from '../../../../test/helpers/app';
import { buildFund, buildUser, CAM_XUYEN, THACH_HA } from '../../../../test/helpers/factories';
import { auditTrail, expectRefused } from '../../../../test/helpers/trace';
import ExcelJS from '../registry-excel/exceljs';
import { createPledge } from './pledges';
import { importStatement } from './statement';
import { fundPledgePayments, fundPostings, fundStatementLines, funds } from './tables';
import { verifyLedger } from './verify';

const TABLES = [fundStatementLines, fundPostings, fundPledgePayments, funds];
const HEADER = 'Ngày giao dịch;Số bút toán;Ghi nợ;Ghi có;Số dư;Nội dung';

/** A statement as a bank exports it: the account's details above the header, totals below. */
const csv = (...lines: string[]) =>
  Buffer.from(
    ['SAO KÊ TÀI KHOẢN;;;;;', 'Số tài khoản: 370018562;;;;;', HEADER, ...lines, ';;;;;', 'Tổng cộng;;;;;'].join('\r\n'),
  );

let t: TestApp;
let officer: Awaited<ReturnType<typeof signIn>>;
let fund: Awaited<ReturnType<typeof buildFund>>;
let pledge: { id: string; reference: string; donor: { id: string; name: string } };
let campaign: { id: string; reference: string };

const upload = (file: Buffer, query = '', type = 'text/csv') =>
  officer.request({
    method: 'POST',
    url: `/api/funds/${fund.id}/statement-imports${query}`,
    payload: file,
    headers: { 'content-type': type },
  });

beforeAll(async () => {
  t = await createTestApp();
  fund = await buildFund(t.database.db, { unitCode: THACH_HA });
  officer = await signIn(t, { scopeCode: THACH_HA, roles: ['fund_accountant'] });
  pledge = (
    await officer.post(`/api/funds/${fund.id}/pledges`, {
      donor: { kind: 'business', name: 'Công ty Cổ phần Thép Hà Tĩnh', publishName: true },
      amount: 20_000_000,
      dueDate: '2026-11-18',
    })
  ).json();
  campaign = (
    await officer.post(`/api/funds/${fund.id}/campaigns`, {
      name: 'Tết vì người nghèo',
      startDate: '2026-11-01',
      endDate: '2027-01-31',
      targetAmount: 100_000_000,
    })
  ).json();
});
afterAll(() => t.close());

async function postingsCount() {
  return (await t.database.db.select({ id: fundPostings.id }).from(fundPostings)).length;
}

describe('bank statement import', () => {
  const statement = () =>
    csv(
      `02/11/2026;FT2630601;;15.000.000;;CONG TY THEP HA TINH CK ${pledge.reference.toLowerCase()} ung ho`,
      `03/11/2026;FT2630702;;500000;;NGUYEN VAN AN chuyen tien ung ho ${campaign.reference}`,
      '03/11/2026;FT2630703;;1.000.000;;chuyen tien',
      '04/11/2026;FT2630804;2.000.000;;;Phi chuyen tien',
    );

  it('previews without writing: pledge and campaign matched, the rest waiting, debits ignored', async () => {
    const before = await postingsCount();
    const res = await upload(statement(), '?dryRun=true');
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json();
    expect(body.lines.map((l: { row: number; outcome: string }) => [l.row, l.outcome])).toEqual([
      [4, 'pledge'],
      [5, 'campaign'],
      [6, 'unmatched'],
      [7, 'debit'],
    ]);
    expect(body.lines[0]).toMatchObject({ pledgeReference: pledge.reference, credit: 15_000_000, receiptNumber: null });
    expect(body.lines[3].reason).toContain('ghi nợ');
    expect(body.totals).toEqual({
      matched: 2,
      matchedAmount: 15_500_000,
      unmatched: 1,
      ignored: 1,
      alreadyImported: 0,
    });
    expect(await postingsCount()).toBe(before);
    expect(await t.database.db.select().from(fundStatementLines)).toEqual([]);
  });

  it('imports: receipts by bank transfer through the receipt path, linked to the line and the pledge', async () => {
    const balance = (await officer.get(`/api/funds/${fund.id}/balance`)).json().balance as number;
    const res = await upload(statement(), '?fileName=sao-ke-11-2026.csv');
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json();
    expect(body.dryRun).toBe(false);
    expect(body.lines[0].receiptNumber).toMatch(/^2026-\d{6}$/u);
    expect(body.lines[1].receiptNumber).toMatch(/^2026-\d{6}$/u);
    expect((await officer.get(`/api/funds/${fund.id}/balance`)).json().balance).toBe(balance + 15_500_000);

    expect((await officer.get(`/api/pledges/${pledge.id}`)).json()).toMatchObject({
      paid: 15_000_000,
      status: 'partly_paid',
    });
    const receipts = (await officer.get(`/api/funds/${fund.id}/postings?kind=receipt`)).json().items;
    const fromPledge = receipts.find((p: { receiptNumber: string }) => p.receiptNumber === body.lines[0].receiptNumber);
    expect(fromPledge).toMatchObject({ method: 'bank', donor: { name: 'Công ty Cổ phần Thép Hà Tĩnh' } });
    expect(fromPledge.description).toContain('FT2630601');
    const fromCampaign = receipts.find(
      (p: { receiptNumber: string }) => p.receiptNumber === body.lines[1].receiptNumber,
    );
    expect(fromCampaign).toMatchObject({ method: 'bank', campaignId: campaign.id, donor: { kind: 'anonymous' } });

    const waiting = (await officer.get(`/api/funds/${fund.id}/statement-lines?status=unmatched`)).json();
    expect(waiting.items).toMatchObject([{ bankTransactionId: 'FT2630703', amount: 1_000_000, status: 'unmatched' }]);
    const matched = (await officer.get(`/api/funds/${fund.id}/statement-lines?status=matched`)).json();
    expect(matched.items.map((l: { matchedBy: string; fileName: string }) => [l.matchedBy, l.fileName])).toEqual([
      ['auto', 'sao-ke-11-2026.csv'],
      ['auto', 'sao-ke-11-2026.csv'],
    ]);
  });

  it('re-importing the same statement records nothing twice', async () => {
    const before = await postingsCount();
    const body = (await upload(statement())).json();
    expect(body.lines.map((l: { outcome: string }) => l.outcome)).toEqual([
      'already_imported',
      'already_imported',
      'already_imported',
      'debit',
    ]);
    expect(await postingsCount()).toBe(before);
  });

  it('an overlapping statement imports only its new transfers', async () => {
    const before = await postingsCount();
    const body = (
      await upload(
        csv(
          `03/11/2026;FT2630702;;500000;;NGUYEN VAN AN chuyen tien ung ho ${campaign.reference}`,
          `05/11/2026;FT2630905;;2.000.000;;ung ho ${campaign.reference} tet`,
        ),
      )
    ).json();
    expect(body.lines.map((l: { outcome: string }) => l.outcome)).toEqual(['already_imported', 'campaign']);
    expect(await postingsCount()).toBe(before + 1);
  });

  it('tells its progress as JSON lines when asked, transfer by transfer, then the result', async () => {
    const res = await officer.request({
      method: 'POST',
      url: `/api/funds/${fund.id}/statement-imports`,
      payload: csv(
        `07/11/2026;FT2631107;;100000;;ung ho ${campaign.reference}`,
        '07/11/2026;FT2631108;;200000;;chuyen tien',
        `08/11/2026;FT2631109;;300000;;ung ho ${campaign.reference}`,
      ),
      headers: { 'content-type': 'text/csv', accept: 'application/x-ndjson' },
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-type']).toContain('application/x-ndjson');
    const lines = res.body
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(lines.slice(0, -1)).toEqual([{ progress: { done: 1, total: 2 } }, { progress: { done: 2, total: 2 } }]);
    expect(lines.at(-1).result.totals).toMatchObject({ matched: 2, matchedAmount: 400_000, unmatched: 1 });

    // Refused before anything is recorded: an ordinary problem answer, not a stream.
    const refused = await officer.request({
      method: 'POST',
      url: `/api/funds/${fund.id}/statement-imports`,
      payload: csv('07/11/2026;FT2631110;;abc;;ung ho'),
      headers: { 'content-type': 'text/csv', accept: 'application/x-ndjson' },
    });
    expect(refused.statusCode).toBe(422);
    expect(refused.headers['content-type']).toContain('application/problem+json');
  });

  it('a statement of thousands of transfers for the manual screen is stored whole, and importing it again still finds the fund', async () => {
    // 3,000 lines waiting is 33,000 values: once sent as one statement, which PGlite answered with
    // nothing, and every later query came back empty ("fund not found" on the next import).
    const lines = Array.from(
      { length: 3000 },
      (_, i) =>
        `${1 + (i % 28)}/10/2026;FTBULK${String(i).padStart(5, '0')};;${(1 + (i % 9)) * 100_000};;chuyen tien ${i}`,
    );
    const waiting = async () =>
      (await officer.get(`/api/funds/${fund.id}/statement-lines?status=unmatched&limit=1`)).json().total as number;
    const before = await waiting();
    const first = await upload(csv(...lines));
    expect(first.statusCode, first.body).toBe(200);
    expect(first.json().totals).toMatchObject({ matched: 0, unmatched: 3000, alreadyImported: 0 });
    expect(await waiting()).toBe(before + 3000);

    const again = await upload(csv(...lines));
    expect(again.statusCode, again.body).toBe(200);
    expect(again.json().totals).toMatchObject({ unmatched: 0, alreadyImported: 3000 });
  });

  it('reads the same statement from Excel, dates and amounts as typed cells', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('Sao kê');
    sheet.addRow(['Ngân hàng Nông nghiệp và Phát triển Nông thôn']);
    sheet.addRow(['Ngày GD', 'Mã giao dịch', 'Số tiền ghi nợ (VND)', 'Số tiền ghi có (VND)', 'Diễn giải']);
    sheet.addRow([new Date(Date.UTC(2026, 10, 6)), 'FT2631006', null, 300_000, `UNG HO ${campaign.reference}`]);
    const file = Buffer.from(await workbook.xlsx.writeBuffer());
    const res = await upload(file, '?dryRun=true', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().lines).toMatchObject([
      { row: 3, date: '2026-11-06', bankTransactionId: 'FT2631006', credit: 300_000, outcome: 'campaign' },
    ]);
  });
});

describe('manual matching', () => {
  async function waitingLine(id: string, amount: number, content: string) {
    await upload(csv(`10/11/2026;${id};;${amount};;${content}`));
    const lines = (await officer.get(`/api/funds/${fund.id}/statement-lines?status=unmatched&q=${id}`)).json();
    return lines.items[0] as { id: string };
  }

  it('matches a line to a pledge: a receipt for the pledge, the line matched by hand', async () => {
    const line = await waitingLine('FT2631401', 5_000_000, 'Thep Ha Tinh ung ho dot 2');
    const res = await officer.post(`/api/statement-lines/${line.id}/match`, { to: 'pledge', pledgeId: pledge.id });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ status: 'matched', matchedBy: 'manual', pledgeReference: pledge.reference });
    expect(res.json().receiptNumber).toMatch(/^2026-/u);
    expect((await officer.get(`/api/pledges/${pledge.id}`)).json()).toMatchObject({ paid: 20_000_000, status: 'paid' });
    // Matched once: a second attempt changes nothing.
    await expectRefused(
      t.database.db,
      TABLES,
      () => officer.post(`/api/statement-lines/${line.id}/match`, { to: 'campaign', campaignId: null }),
      { status: 409, code: 'statement_line_settled' },
    );
  });

  it('matches a line to a campaign with the donor the officer names', async () => {
    const line = await waitingLine('FT2631402', 750_000, 'LE THI BINH CHUYEN KHOAN');
    const res = await officer.post(`/api/statement-lines/${line.id}/match`, {
      to: 'campaign',
      campaignId: campaign.id,
      donor: { kind: 'individual', name: 'Lê Thị Bình' },
    });
    expect(res.statusCode, res.body).toBe(200);
    const posting = (await officer.get(`/api/postings/${res.json().postingId}`)).json();
    expect(posting).toMatchObject({ amount: 750_000, campaignId: campaign.id, donor: { name: 'Lê Thị Bình' } });
  });

  it('matches a line to a receipt recorded by hand: no new receipt', async () => {
    const line = await waitingLine('FT2631403', 1_200_000, 'HOI PHU NU XA UNG HO');
    const byHand = (
      await officer.post(`/api/funds/${fund.id}/receipts`, {
        amount: 1_200_000,
        date: '2026-11-10',
        method: 'bank',
        donor: { kind: 'organization', name: 'Hội Liên hiệp Phụ nữ xã' },
      })
    ).json();
    await expectRefused(
      t.database.db,
      TABLES,
      () => officer.post(`/api/statement-lines/${line.id}/match`, { to: 'receipt', postingId: pledge.id }),
      { status: 400, code: 'validation_failed', field: 'postingId' },
    );
    const before = await postingsCount();
    const res = await officer.post(`/api/statement-lines/${line.id}/match`, { to: 'receipt', postingId: byHand.id });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ status: 'matched', postingId: byHand.id, receiptNumber: byHand.receiptNumber });
    expect(await postingsCount()).toBe(before);
    // The same receipt cannot stand for a second transfer.
    const other = await waitingLine('FT2631404', 1_200_000, 'HOI PHU NU XA UNG HO LAN 2');
    await expectRefused(
      t.database.db,
      TABLES,
      () => officer.post(`/api/statement-lines/${other.id}/match`, { to: 'receipt', postingId: byHand.id }),
      { status: 409, code: 'receipt_already_matched', field: 'postingId' },
    );
  });

  it('refuses a receipt of another amount', async () => {
    const line = await waitingLine('FT2631405', 999_000, 'khong ro');
    const byHand = (
      await officer.post(`/api/funds/${fund.id}/receipts`, {
        amount: 1_000_000,
        date: '2026-11-10',
        method: 'bank',
        donor: { kind: 'anonymous' },
      })
    ).json();
    const problem = await expectRefused(
      t.database.db,
      TABLES,
      () => officer.post(`/api/statement-lines/${line.id}/match`, { to: 'receipt', postingId: byHand.id }),
      { status: 400, code: 'validation_failed', field: 'postingId' },
    );
    expect(problem.detail).toContain('Số tiền');
  });

  it('sets a line aside with its reason, audited', async () => {
    const line = await waitingLine('FT2631406', 12_345, 'TRA LAI TIEN GUI');
    const res = await officer.post(`/api/statement-lines/${line.id}/set-aside`, { reason: 'Lãi tiền gửi ngân hàng' });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ status: 'set_aside', reason: 'Lãi tiền gửi ngân hàng' });
    const trail = await auditTrail(t.database.db, 'fund_statement_line', line.id);
    expect(trail.at(-1)).toMatchObject({ action: 'fund.statement.set_aside', communeCode: THACH_HA });
  });

  it('another commune can neither read nor match the lines', async () => {
    const line = await waitingLine('FT2631407', 10_000, 'x');
    const neighbour = await signIn(t, { scopeCode: CAM_XUYEN, roles: ['officer'] });
    expect((await neighbour.get(`/api/funds/${fund.id}/statement-lines`)).statusCode).toBe(404);
    await expectRefused(
      t.database.db,
      TABLES,
      () => neighbour.post(`/api/statement-lines/${line.id}/set-aside`, { reason: 'x' }),
      { status: 404, code: 'not_found' },
    );
  });
});

describe('bad statement files are refused whole, with row and column', () => {
  const line = (id: string, date = '12/11/2026', credit = '100.000', debit = '') =>
    `${date};${id};${debit};${credit};;ung ho`;

  it.each([
    ['an empty file', Buffer.alloc(0), 'trống', null],
    ['a file without the header', Buffer.from('a;b;c\r\n1;2;3'), 'Không tìm thấy dòng tiêu đề', null],
    [
      'a header without the content column',
      Buffer.from('Ngày giao dịch;Số bút toán;Ghi có\r\n12/11/2026;X1;100000'),
      'thiếu cột "Nội dung"',
      null,
    ],
    ['an impossible date', csv(line('B1', '31/02/2026')), 'Dòng 4, cột "Ngày giao dịch"', 4],
    ['a date in the future', csv(line('B1', '01/01/2099')), 'tương lai', 4],
    ['a negative amount', csv(line('B1', '12/11/2026', '-100.000')), 'Dòng 4, cột "Ghi có": Không được là số âm', 4],
    ['an amount as words', csv(line('B1', '12/11/2026', 'một triệu')), 'không phải là số', 4],
    ['a line with no amount', csv(line('B1', '12/11/2026', '')), 'không có số tiền', 4],
    ['credit and debit on one line', csv(line('B1', '12/11/2026', '1000', '1000')), 'vừa ghi có vừa ghi nợ', 4],
    [
      'a transaction id twice',
      csv(line('B1'), line('B2'), line('B1')),
      'Dòng 6, cột "Số bút toán": số bút toán "B1" trùng với dòng 4',
      6,
    ],
    ['text that is not UTF-8', Buffer.from([0x4e, 0x67, 0xe0, 0x79, 0x0d, 0x0a]), 'UTF-8', null],
  ])('refuses %s', async (_, file, message, row) => {
    const problem = await expectRefused(t.database.db, TABLES, () => upload(file), {
      status: 422,
      code: 'statement_file_invalid',
    });
    expect(problem.detail).toContain(message);
    if (row !== null) expect(problem.errors[0]).toMatchObject({ row });
  });

  it('refuses a file over the limit before reading it', async () => {
    const huge = Buffer.concat([csv(line('B1')), Buffer.alloc(2 * 1024 * 1024, 0x20)]);
    const problem = await expectRefused(t.database.db, TABLES, () => upload(huge), {
      status: 413,
      code: 'file_too_large',
    });
    expect(problem.detail).toContain('tối đa 2 MB');
  });

  it('refuses a file of another type', async () => {
    await expectRefused(t.database.db, TABLES, () => upload(Buffer.from('%PDF-1.4'), '', 'application/pdf'), {
      status: 415,
      code: 'unsupported_media_type',
    });
  });
});

/** Two imports of one file at the same moment: their postings on the fund interleave, and share transactions. */
describe('concurrent imports', () => {
  it('two imports of the same statement at once record each transfer once', async () => {
    const database = await openTestDatabase();
    try {
      const db = database.db;
      const own = await buildFund(db, { unitCode: THACH_HA });
      const { actor } = await buildUser(db, { scopeCode: THACH_HA, roles: ['officer'] });
      const p = await createPledge(db, actor, own.id, {
        donor: { kind: 'individual', name: 'Phạm Văn Tâm' },
        amount: 40_000_000,
        dueDate: '2026-12-01',
      });
      const lines = Array.from(
        { length: 30 },
        (_, i) => `1${i % 9}/11/2026;PG${String(i).padStart(4, '0')};;${(i + 1) * 10_000};;CK ${p.reference}`,
      );
      const file = csv(...lines, '20/11/2026;PG9999;;70.000;;khong ro noi dung');
      const [a, b] = await Promise.all([
        importStatement(db, actor, own.id, file, {}),
        importStatement(db, actor, own.id, file, {}),
      ]);
      const made = [...a.lines, ...b.lines].filter((l) => l.receiptNumber !== null);
      expect(made).toHaveLength(30);
      const postings = await db.select().from(fundPostings).where(eq(fundPostings.fundId, own.id));
      expect(postings).toHaveLength(30);
      const stored = await db.select().from(fundStatementLines).where(eq(fundStatementLines.fundId, own.id));
      expect(stored).toHaveLength(31);
      expect(new Set(stored.map((s) => s.bankTransactionId)).size).toBe(31);
      expect((await verifyLedger(db, { level: 'national' })).ok).toBe(true);
    } finally {
      await database.dispose();
    }
  });
});
