import { describe, expect, it } from 'vitest';
import { amountInWords, amountInWordsSentence, numberInWords } from './money-words';

describe('amounts in Vietnamese words', () => {
  it.each([
    [0, 'không'],
    [5, 'năm'],
    [10, 'mười'],
    [11, 'mười một'],
    [15, 'mười lăm'],
    [20, 'hai mươi'],
    [21, 'hai mươi mốt'],
    [24, 'hai mươi tư'],
    [25, 'hai mươi lăm'],
    [105, 'một trăm linh năm'],
    [104, 'một trăm linh bốn'],
    [101, 'một trăm linh một'],
    [110, 'một trăm mười'],
    [115, 'một trăm mười lăm'],
    [1_000, 'một nghìn'],
    [1_005, 'một nghìn không trăm linh năm'],
    [1_050_000, 'một triệu không trăm năm mươi nghìn'],
    [1_000_500, 'một triệu năm trăm'],
    [1_500_000, 'một triệu năm trăm nghìn'],
    [40_000_000, 'bốn mươi triệu'],
    [2_000_000_000, 'hai tỷ'],
    [1_000_000_001, 'một tỷ không trăm linh một'],
    [1_234_567_891, 'một tỷ hai trăm ba mươi tư triệu năm trăm sáu mươi bảy nghìn tám trăm chín mươi mốt'],
    [1_000_000_000_000, 'một nghìn tỷ'],
  ])('%i is "%s"', (n, words) => {
    expect(numberInWords(n)).toBe(words);
  });

  it('writes đồng, and capitalises on a receipt', () => {
    expect(amountInWords(1_500_000)).toBe('một triệu năm trăm nghìn đồng');
    expect(amountInWordsSentence(1_500_000)).toBe('Một triệu năm trăm nghìn đồng');
  });

  it('says "lẻ" where the South does', () => {
    expect(numberInWords(205_000, { zeroTen: 'lẻ' })).toBe('hai trăm lẻ năm nghìn');
  });

  it('refuses what is not a whole non-negative amount', () => {
    expect(() => numberInWords(-1)).toThrow(RangeError);
    expect(() => numberInWords(1.5)).toThrow(RangeError);
  });
});
