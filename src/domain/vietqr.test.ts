import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { crc16Ccitt, parseTlv, transferNote, vietQrPayload } from './vietqr';

describe('VietQR payload', () => {
  it('computes CRC-16/CCITT-FALSE (check value of "123456789" is 29B1)', () => {
    expect(crc16Ccitt('123456789')).toBe('29B1');
  });

  it('carries the NAPAS service, the bank BIN, the account, the amount and the note', () => {
    const payload = vietQrPayload({
      bankBin: '970415',
      accountNumber: '113366668888',
      amount: 79000,
      note: 'Ủng hộ Quỹ Vì người nghèo QVNN42',
    });
    const fields = parseTlv(payload);
    expect(fields.get('00')).toBe('01');
    expect(fields.get('01')).toBe('12');
    const merchant = parseTlv(fields.get('38')!);
    expect(merchant.get('00')).toBe('A000000727');
    expect(merchant.get('02')).toBe('QRIBFTTA');
    const beneficiary = parseTlv(merchant.get('01')!);
    expect(beneficiary.get('00')).toBe('970415');
    expect(beneficiary.get('01')).toBe('113366668888');
    expect(fields.get('53')).toBe('704');
    expect(fields.get('54')).toBe('79000');
    expect(fields.get('58')).toBe('VN');
    expect(parseTlv(fields.get('62')!).get('08')).toBe('UNG HO QUY VI NGUOI NGHEO QVNN42');
    expect(payload.slice(-8, -4)).toBe('6304');
    expect(payload.slice(-4)).toBe(crc16Ccitt(payload.slice(0, -4)));
  });

  it('is static (no amount field) when the payer types the amount', () => {
    const fields = parseTlv(vietQrPayload({ bankBin: '970436', accountNumber: '0011001234567' }));
    expect(fields.get('01')).toBe('11');
    expect(fields.has('54')).toBe(false);
    expect(fields.has('62')).toBe(false);
  });

  it('refuses a wrong BIN, account or amount', () => {
    expect(() => vietQrPayload({ bankBin: '97041', accountNumber: '1' })).toThrow(RangeError);
    expect(() => vietQrPayload({ bankBin: '970415', accountNumber: '12-34' })).toThrow(RangeError);
    expect(() => vietQrPayload({ bankBin: '970415', accountNumber: '1', amount: 0 })).toThrow(RangeError);
  });

  it('always ends in a CRC that checks, whatever the note', () => {
    fc.assert(
      fc.property(fc.string(), fc.option(fc.integer({ min: 1, max: 1e12 })), (note, amount) => {
        const payload = vietQrPayload({ bankBin: '970415', accountNumber: '123456', note, amount });
        expect(payload.slice(-4)).toBe(crc16Ccitt(payload.slice(0, -4)));
        const fields = parseTlv(payload);
        expect(fields.get('58')).toBe('VN');
        if (fields.has('62')) expect(parseTlv(fields.get('62')!).get('08')).toBe(transferNote(note));
      }),
    );
  });
});
