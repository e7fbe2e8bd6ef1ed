/**
 * Amounts of money in Vietnamese words, as receipts (biên lai) write them:
 * 1 500 000 → "một triệu năm trăm nghìn đồng".
 *
 * Rules: "mười" for 10–19, "mươi" from 20; after "mươi" a 1 is "mốt", a 4 "tư", a 5 "lăm"
 * (and after "mười" a 5 is "lăm"); a zero ten after a hundred is "linh" (or "lẻ" in the South:
 * 105 → "một trăm linh năm"); inside a larger number a group under one hundred keeps its
 * hundreds as "không trăm" (1 050 000 → "một triệu không trăm năm mươi nghìn"); empty groups
 * are left out; thousands of billions are "nghìn tỷ".
 */
const DIGITS = ['không', 'một', 'hai', 'ba', 'bốn', 'năm', 'sáu', 'bảy', 'tám', 'chín'] as const;

export interface WordsOptions {
  /** The word for a zero ten after hundreds: "linh" (default) or "lẻ". */
  zeroTen?: 'linh' | 'lẻ';
}

/** Three digits (0–999); `full` = a less significant group, whose hundreds are always said. */
function group(n: number, full: boolean, zeroTen: string): string[] {
  const h = Math.floor(n / 100);
  const t = Math.floor((n % 100) / 10);
  const u = n % 10;
  const words: string[] = [];
  if (h > 0 || full) words.push(DIGITS[h]!, 'trăm');
  if (t === 0) {
    if (u > 0 && words.length > 0) words.push(zeroTen, DIGITS[u]!);
    else if (u > 0) words.push(DIGITS[u]!);
    return words;
  }
  if (t === 1) {
    words.push('mười');
    if (u === 5) words.push('lăm');
    else if (u > 0) words.push(DIGITS[u]!);
    return words;
  }
  words.push(DIGITS[t]!, 'mươi');
  if (u === 1) words.push('mốt');
  else if (u === 4) words.push('tư');
  else if (u === 5) words.push('lăm');
  else if (u > 0) words.push(DIGITS[u]!);
  return words;
}

const SCALES = ['', 'nghìn', 'triệu'] as const;

/** Below one billion. `full` = not the leading part of the number. */
function belowBillion(n: number, full: boolean, zeroTen: string): string[] {
  const groups = [n % 1000, Math.floor(n / 1000) % 1000, Math.floor(n / 1_000_000)];
  const top = groups.findLastIndex((g) => g > 0);
  const words: string[] = [];
  for (let i = top; i >= 0; i--) {
    const g = groups[i]!;
    if (g === 0) continue;
    words.push(...group(g, full || i < top, zeroTen));
    const scale = SCALES[i];
    if (scale) words.push(scale);
  }
  return words;
}

function numberWords(n: number, full: boolean, zeroTen: string): string[] {
  if (n < 1_000_000_000) return belowBillion(n, full, zeroTen);
  const billions = Math.floor(n / 1_000_000_000);
  const rest = n % 1_000_000_000;
  const words = [...numberWords(billions, full, zeroTen), 'tỷ'];
  if (rest > 0) words.push(...belowBillion(rest, true, zeroTen));
  return words;
}

/** A non-negative whole number in Vietnamese words ("không" for zero). */
export function numberInWords(n: number, options: WordsOptions = {}): string {
  if (!Number.isSafeInteger(n) || n < 0) throw new RangeError(`not a whole amount: ${n}`);
  if (n === 0) return DIGITS[0];
  return numberWords(n, false, options.zeroTen ?? 'linh').join(' ');
}

/** An amount of đồng in words, lower case: "một triệu năm trăm nghìn đồng". */
export function amountInWords(vnd: number, options: WordsOptions = {}): string {
  return `${numberInWords(vnd, options)} đồng`;
}

/** As written on a receipt: capitalised, "Một triệu năm trăm nghìn đồng". */
export function amountInWordsSentence(vnd: number, options: WordsOptions = {}): string {
  const words = amountInWords(vnd, options);
  return words.charAt(0).toUpperCase() + words.slice(1);
}
