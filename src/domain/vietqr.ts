import { foldAccents } from './text';

/**
 * VietQR (NAPAS, on EMVCo Merchant-Presented Mode): the text a banking app reads from the QR
 * code to prefill a transfer to an account — bank BIN, account number, optional amount, and a
 * transfer note carrying our reference. Fields are TLV: two-digit id, two-digit length, value;
 * the payload ends with field 63, the CRC-16/CCITT-FALSE of everything before it (its own
 * "6304" included), four upper-case hex digits.
 */
export const VIETQR_GUID = 'A000000727';
/** NAPAS 247 fast transfer to a bank account. */
export const VIETQR_SERVICE_TO_ACCOUNT = 'QRIBFTTA';
const MAX_NOTE = 50;

export interface VietQrInput {
  /** The 6-digit bank identification number (BIN) of the acquirer. */
  bankBin: string;
  accountNumber: string;
  /** Whole đồng; omitted = the payer types it. */
  amount?: number | null;
  /** Transfer note; folded to upper-case letters, digits and spaces (what every bank accepts). */
  note?: string | null;
}

const tlv = (id: string, value: string) => {
  if (value.length > 99) throw new RangeError(`VietQR field ${id} longer than 99 characters`);
  return `${id}${String(value.length).padStart(2, '0')}${value}`;
};

/** CRC-16/CCITT-FALSE: polynomial 0x1021, initial 0xFFFF, no reflection, no final xor. */
export function crc16Ccitt(text: string): string {
  let crc = 0xffff;
  for (const byte of new TextEncoder().encode(text)) {
    crc ^= byte << 8;
    for (let i = 0; i < 8; i++) crc = crc & 0x8000 ? ((crc << 1) ^ 0x1021) & 0xffff : (crc << 1) & 0xffff;
  }
  return crc.toString(16).toUpperCase().padStart(4, '0');
}

/** A transfer note every bank accepts: no diacritics, upper case, letters, digits and spaces. */
export function transferNote(text: string): string {
  return foldAccents(text)
    .toUpperCase()
    .replace(/[^A-Z0-9 ]+/gu, ' ')
    .replace(/\s+/gu, ' ')
    .trim()
    .slice(0, MAX_NOTE);
}

export function vietQrPayload(input: VietQrInput): string {
  if (!/^\d{6}$/u.test(input.bankBin)) throw new RangeError('bank BIN must be 6 digits');
  if (!/^[0-9A-Za-z]{1,19}$/u.test(input.accountNumber)) throw new RangeError('account number: 1–19 letters or digits');
  const amount = input.amount ?? null;
  if (amount !== null && (!Number.isSafeInteger(amount) || amount <= 0))
    throw new RangeError('amount: positive whole đồng');
  const beneficiary = tlv('00', input.bankBin) + tlv('01', input.accountNumber);
  const merchant = tlv('00', VIETQR_GUID) + tlv('01', beneficiary) + tlv('02', VIETQR_SERVICE_TO_ACCOUNT);
  const note = input.note ? transferNote(input.note) : '';
  const body =
    tlv('00', '01') +
    tlv('01', amount === null ? '11' : '12') +
    tlv('38', merchant) +
    tlv('53', '704') +
    (amount === null ? '' : tlv('54', String(amount))) +
    tlv('58', 'VN') +
    (note ? tlv('62', tlv('08', note)) : '') +
    '6304';
  return body + crc16Ccitt(body);
}

/** Read a payload's top-level TLV fields (and check its CRC): for tests and for scanning. */
export function parseTlv(payload: string): Map<string, string> {
  const fields = new Map<string, string>();
  for (let i = 0; i < payload.length;) {
    const id = payload.slice(i, i + 2);
    const length = Number(payload.slice(i + 2, i + 4));
    if (!/^\d{2}$/u.test(id) || !Number.isInteger(length)) throw new RangeError(`bad TLV at ${i}`);
    fields.set(id, payload.slice(i + 4, i + 4 + length));
    i += 4 + length;
  }
  return fields;
}
