import { describe, expect, it } from 'vitest';
import { matchStatement, type PayablePledge } from './statement-match';

const row = (id: string, credit: number, content: string, debit = 0) => ({
  row: 1,
  date: '2026-11-20',
  bankTransactionId: id,
  credit,
  debit,
  content,
});
const pledge = (reference: string, left: number): PayablePledge => ({
  id: `p-${reference}`,
  reference,
  left,
  donorId: 'd',
  campaignId: null,
});
const campaigns = [
  { id: 'c-peak', reference: 'TCD2026' },
  { id: 'c-tet', reference: 'TVNN2601' },
];

describe('matching a statement', () => {
  it('finds a reference whatever the bank did to the note: case, accents, spaces, punctuation', () => {
    const [a, b] = matchStatement(
      [row('1', 100, 'ck ckab-cd23 ủng hộ'), row('2', 100, 'Ung ho T.C.D 2026')],
      [pledge('CKABCD23', 1_000)],
      campaigns,
      new Set(),
    );
    expect(a).toMatchObject({ outcome: 'pledge', pledgeId: 'p-CKABCD23' });
    expect(b).toMatchObject({ outcome: 'campaign', campaignId: 'c-peak' });
  });

  it('pays a pledge no more than what is left, earlier lines of the file counted', () => {
    const lines = matchStatement(
      [row('1', 600, 'CKABCD23'), row('2', 400, 'CKABCD23'), row('3', 1, 'CKABCD23')],
      [pledge('CKABCD23', 1_000)],
      campaigns,
      new Set(),
    );
    expect(lines.map((l) => l.outcome)).toEqual(['pledge', 'pledge', 'unmatched']);
    expect(lines[2]).toMatchObject({ reason: { vi: 'Số tiền vượt phần còn lại của cam kết CKABCD23.' } });
  });

  it('leaves ambiguous notes, unknown notes and debits to people', () => {
    const lines = matchStatement(
      [
        row('1', 100, 'CKABCD23 CKXYZW45'),
        row('2', 100, 'TCD2026 TVNN2601'),
        row('3', 100, 'chuyen tien'),
        row('4', 0, 'phi', 5_000),
        row('5', 100, 'CKABCD23'),
      ],
      [pledge('CKABCD23', 1_000), pledge('CKXYZW45', 1_000)],
      campaigns,
      new Set(['5']),
    );
    expect(lines.map((l) => l.outcome)).toEqual(['unmatched', 'unmatched', 'unmatched', 'debit', 'already_imported']);
  });
});
