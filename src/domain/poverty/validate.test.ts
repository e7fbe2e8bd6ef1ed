import { describe, expect, it } from 'vitest';
import { BUILTIN_STANDARDS, STANDARD_2022_2025 } from './builtin';
import { classify } from './classify';
import type { StandardDefinition } from './types';
import { parseStandard } from './validate';

// What JSON.parse returns: untyped, so that the tests can break the standard in any way.
type Json = ReturnType<typeof JSON.parse>;

/** A plain, mutable copy of the 2022–2025 standard, as an administrator's JSON file would hold. */
function edited(change: (standard: Json) => void): unknown {
  const copy = JSON.parse(JSON.stringify(STANDARD_2022_2025));
  change(copy);
  return copy;
}

function errorsOf(json: unknown) {
  const result = parseStandard(json);
  if (result.success) throw new Error('expected the standard to be refused');
  return result.errors;
}

describe('parseStandard', () => {
  it.each(BUILTIN_STANDARDS.map((s) => [s.id, s] as const))(
    'accepts the built-in %s from its JSON text',
    (_id, standard) => {
      const result = parseStandard(JSON.stringify(standard));
      expect(result).toEqual({ success: true, standard });
    },
  );

  it('accepts a provincial standard with higher lines and classifies with it', () => {
    const provincial = edited((s) => {
      s.id = '2022-2025-ha-tinh';
      s.lines[0].rural = 1_700_000;
    });
    const result = parseStandard(provincial);
    expect(result.success).toBe(true);
    const standard = (result as { standard: StandardDefinition }).standard;
    expect(classify(standard, { area: 'rural', incomePerCapitaMonthly: 1_600_000, deprivations: [] }).category).toBe(
      'near_poor',
    );
  });

  it('refuses text that is not JSON', () => {
    expect(errorsOf('{ "id": ')).toEqual([
      { field: '', message: 'Tệp không phải JSON hợp lệ.', messageEn: 'Not valid JSON.' },
    ]);
  });

  it.each<[string, (s: Json) => void, string, string]>([
    ['a negative line', (s) => (s.lines[0].rural = -1), 'lines[0].rural', 'Phải ≥ 0.'],
    ['a line that is not whole đồng', (s) => (s.lines[0].urban = 1.5), 'lines[0].urban', 'Sai kiểu: cần số nguyên.'],
    ['missing Vietnamese text', (s) => delete s.name.vi, 'name.vi', 'Thiếu nội dung tiếng Việt.'],
    [
      'blank Vietnamese text',
      (s) => (s.dimensions[2].indicators[0].description.vi = '  '),
      'dimensions[2].indicators[0].description.vi',
      'Thiếu nội dung tiếng Việt.',
    ],
    [
      'an unknown indicator',
      (s) => (s.dimensions[0].indicators[1].key = 'income'),
      'dimensions[0].indicators[1].key',
      'Giá trị không hợp lệ; chọn một trong: employment,',
    ],
    [
      'an unknown parameter',
      (s) => (s.dimensions[1].indicators[1].params.maxAge = 80),
      'dimensions[1].indicators[1].params.maxAge',
      'Trường này không được hỗ trợ.',
    ],
    [
      'parameters on an indicator that has none',
      (s) => (s.dimensions[4].indicators[0].params = { minAge: 1 }),
      'dimensions[4].indicators[0].params',
      'Trường này không dùng ở đây.',
    ],
    [
      'a missing parameter',
      (s) => delete s.dimensions[1].indicators[1].params.minAge,
      'dimensions[1].indicators[1].params.minAge',
      'Thiếu giá trị bắt buộc.',
    ],
    [
      'falling ages in a requirement list',
      (s) => (s.dimensions[2].indicators[0].params.requirements[1].minAge = 16),
      'dimensions[2].indicators[0].params.requirements[1].minAge',
      'Các mốc tuổi phải tăng dần.',
    ],
    [
      'an age range upside down',
      (s) => (s.dimensions[2].indicators[1].params.minAge = 17),
      'dimensions[2].indicators[1].params.maxAge',
      'Tuổi tối đa phải ≥ tuổi tối thiểu.',
    ],
    [
      'an impossible date',
      (s) => (s.legalBasis[0].date = '2021-02-29'),
      'legalBasis[0].date',
      'Ngày phải có dạng YYYY-MM-DD và có thật.',
    ],
    ['an unknown field', (s) => (s.lines[1].inclusive = true), 'lines[1].inclusive', 'Trường này không được hỗ trợ.'],
    [
      'an unknown category',
      (s) => (s.rules[2].category = 'middle'),
      'rules[2].category',
      'Giá trị không hợp lệ; chọn một trong: poor, near_poor, average, not_poor.',
    ],
    ['no rules', (s) => (s.rules = []), 'rules', 'Cần ít nhất 1 phần tử.'],
    ['unsorted lines', (s) => s.lines.reverse(), 'lines[1].rural', 'Phải lớn hơn mức "average" đứng trước (2.250.000)'],
    ['years out of order', (s) => (s.years = [2023, 2022]), 'years[1]', 'Các năm phải tăng dần'],
    [
      'an indicator listed twice',
      (s) => s.dimensions[5].indicators.push(s.dimensions[0].indicators[0]),
      'dimensions[5].indicators[2].key',
      'Trùng chỉ số "employment".',
    ],
    [
      'a rule on a line that does not exist',
      (s) => (s.rules[2].when.incomeAtMost = 'middle'),
      'rules[2].when.incomeAtMost',
      'Không có mức thu nhập "middle" trong lines.',
    ],
    ['two rules with one id', (s) => (s.rules[1].id = 'poor'), 'rules[1].id', 'Trùng quy tắc "poor".'],
    [
      'households no rule decides',
      (s) => s.rules.pop(),
      'rules',
      'Không quy tắc nào áp dụng cho thu nhập > "average" với 0 chỉ số thiếu hụt.',
    ],
    [
      'a rule that never applies',
      (s) =>
        s.rules.splice(3, 0, {
          id: 'dead',
          category: 'average',
          when: { incomeAbove: 'average', incomeAtMost: 'poverty' },
          status: 'confirmed',
        }),
      'rules[3]',
      'Quy tắc "dead" không bao giờ được áp dụng',
    ],
    [
      'more income making a household poorer',
      (s) => (s.rules[2].category = 'poor'),
      'rules',
      'Thu nhập cao hơn lại bị xếp loại nghèo hơn',
    ],
    [
      'more deprivations making a household less poor',
      (s) => ([s.rules[0].category, s.rules[1].category] = ['near_poor', 'poor']),
      'rules',
      'Thiếu hụt nhiều hơn lại được xếp loại ít nghèo hơn',
    ],
  ])('refuses %s, naming the JSON path', (_what, change, field, message) => {
    const errors = errorsOf(edited(change));
    expect(errors).toContainEqual(expect.objectContaining({ field, message: expect.stringContaining(message) }));
    for (const error of errors) expect(error.messageEn).not.toBe('');
  });

  it('reports every problem of the shape at once', () => {
    const errors = errorsOf(
      edited((s) => {
        s.version = 0;
        s.lines[0].rural = -5;
        delete s.areas.urban.vi;
      }),
    );
    expect(errors.map((e) => e.field)).toEqual(['version', 'areas.urban.vi', 'lines[0].rural']);
  });
});

describe('an invalid standard passed straight to classify', () => {
  it('is refused with the first problem', () => {
    const broken = { ...STANDARD_2022_2025, rules: STANDARD_2022_2025.rules.slice(0, 3) };
    expect(() => classify(broken, { area: 'rural', incomePerCapitaMonthly: 0, deprivations: [] })).toThrow(
      expect.objectContaining({ code: 'invalid_standard', field: 'rules' }),
    );
  });
});
