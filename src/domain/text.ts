/**
 * Vietnamese text helpers shared by server and browser: NFC normalisation, accent folding for
 * search ("nguyen van a" finds "Nguyễn Văn A") and a sort key in Vietnamese dictionary order.
 *
 * PGlite has no ICU collations, so ordering is computed here and stored in a `sort_key` column
 * compared byte-wise (COLLATE "C"): both engines then sort identically.
 */

/** Unicode NFC and trimmed, collapsing inner runs of white space. */
export function normalizeText(value: string): string {
  return value.normalize('NFC').replace(/\s+/gu, ' ').trim();
}

/** Lower-case, without diacritics, đ → d: the form stored for accent-insensitive search. */
export function foldAccents(value: string): string {
  return value
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/gu, '')
    .replace(/[đĐ]/gu, 'd')
    .toLowerCase()
    .replace(/\s+/gu, ' ')
    .trim();
}

// Letters in the order of the Vietnamese alphabet; f, j, w, z (foreign words) after their
// Latin neighbours. Each entry is the NFD base letter followed by its letter-forming mark.
const ALPHABET = [
  'a',
  'a\u0306',
  'a\u0302',
  'b',
  'c',
  'd',
  'đ',
  'e',
  'e\u0302',
  'f',
  'g',
  'h',
  'i',
  'j',
  'k',
  'l',
  'm',
  'n',
  'o',
  'o\u0302',
  'o\u031b',
  'p',
  'q',
  'r',
  's',
  't',
  'u',
  'u\u031b',
  'v',
  'w',
  'x',
  'y',
  'z',
];
const LETTER_RANK = new Map(ALPHABET.map((letter, index) => [letter, index]));
const LETTER_MARKS = new Set(['\u0306', '\u0302', '\u031b']);
// Tones in dictionary order: level (none), huyền, hỏi, ngã, sắc, nặng.
const TONE_RANK = new Map([
  ['\u0300', 1],
  ['\u0309', 2],
  ['\u0303', 3],
  ['\u0301', 4],
  ['\u0323', 5],
]);

/**
 * A key whose byte order is Vietnamese dictionary order: letters first (a < ă < â < b …),
 * tones only to break ties, case ignored.
 */
export function vietnameseSortKey(value: string): string {
  const chars = [...value.normalize('NFD').toLowerCase()];
  let primary = '';
  let tones = '';
  for (let i = 0; i < chars.length; i++) {
    const base = chars[i]!;
    const next = chars[i + 1];
    const letter = next !== undefined && LETTER_MARKS.has(next) ? base + next : base;
    if (letter.length === 2) i++;
    let tone = 0;
    while (chars[i + 1] !== undefined && /[\u0300-\u036f]/u.test(chars[i + 1]!)) {
      tone = TONE_RANK.get(chars[i + 1]!) ?? tone;
      i++;
    }
    const rank = LETTER_RANK.get(letter);
    if (rank === undefined) {
      primary += /\s/u.test(letter) ? ' ' : letter;
      continue;
    }
    primary += String.fromCharCode(0x41 + rank);
    tones += String(tone);
  }
  return `${primary}\u0001${tones}`;
}

/** Compare two strings in Vietnamese dictionary order (for sorting in the browser). */
export function compareVietnamese(a: string, b: string): number {
  const ka = vietnameseSortKey(a);
  const kb = vietnameseSortKey(b);
  return ka < kb ? -1 : ka > kb ? 1 : 0;
}

/** Labels are stored lower case for use inside sentences; a tag or a cell starts with a capital. */
export function capitalise(text: string): string {
  return text ? text.charAt(0).toLocaleUpperCase('vi') + text.slice(1) : text;
}
