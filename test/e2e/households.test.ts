import ExcelJS from 'exceljs';
import { PassThrough } from 'node:stream';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import {
  chooseOption,
  createHousehold,
  hidden,
  launchBrowser,
  login,
  newPage,
  PHONE,
  typeDate,
  visible,
} from './support';

let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
});

/** Letters that make a name nobody else in the demo has, e.g. "Kiểm Thử Bảo". */
const SYLLABLES = ['Bảo', 'Cường', 'Đức', 'Hưng', 'Khải', 'Lộc', 'Mạnh', 'Nghĩa', 'Phúc', 'Quý', 'Sơn', 'Thắng'];
function uniqueName(): string {
  const n = Date.now();
  return `Kiểm Thử ${SYLLABLES[n % 12]} ${SYLLABLES[Math.floor(n / 12) % 12]} ${SYLLABLES[Math.floor(n / 144) % 12]}`;
}

async function choose(page: Page, scope: ReturnType<Page['locator']>, label: string, option: string): Promise<void> {
  await scope.getByLabel(label, { exact: true }).click();
  await chooseOption(page, option);
}

/** Fill the create form's first member and one child; `headId` is the head's citizen ID. */
async function fillHousehold(page: Page, code: string, head: string, headId: string): Promise<void> {
  await page.getByRole('link', { name: /Thêm hộ$/u }).click();
  await visible(page.getByRole('heading', { name: 'Thêm hộ gia đình — Xã Thạch Hà' }));
  const household = page.locator('.form-section').first();
  await choose(page, household, 'Thôn, tổ dân phố', 'Thôn 1');
  await household.getByLabel('Mã hộ').fill(code);
  await household.getByLabel('Địa chỉ').fill('Thôn 1, xã Thạch Hà');
  await household.getByText('Phụ nữ làm chủ hộ').click();

  const first = page.getByTestId('member-0');
  await first.getByLabel('Họ và tên').fill(head);
  await typeDate(page, 'Ngày sinh', '15/03/1975', first);
  await choose(page, first, 'Giới tính', 'Nữ');
  await first.getByLabel('Số định danh cá nhân').fill(headId);

  await page.getByRole('button', { name: 'Thêm nhân khẩu' }).click();
  const second = page.getByTestId('member-1');
  await second.getByLabel('Họ và tên').fill('Nguyễn Văn Bé');
  await typeDate(page, 'Ngày sinh', '02/09/2019', second);
  await choose(page, second, 'Giới tính', 'Nam');
  await second.getByText('Có thẻ BHYT').click();
}

/** The header row of each sheet of a workbook (the first row with three or more cells). */
function headersOf(workbook: ExcelJS.Workbook): Map<string, string[]> {
  const result = new Map<string, string[]>();
  workbook.eachSheet((sheet) => {
    sheet.eachRow((row) => {
      const values = (row.values as unknown[]).slice(1).map((v) => String(v ?? '').trim());
      if (!result.has(sheet.name) && values.filter(Boolean).length >= 3) result.set(sheet.name, values);
    });
  });
  return result;
}

type Cell = string | Date;

/**
 * A workbook with the template's sheets "Hộ" and "Nhân khẩu" and their headers, and one row per
 * entry of `rows` (values by header; a header may end with " *"). Written as the server writes
 * (streaming), which its streaming reader takes.
 */
async function workbookWith(template: ExcelJS.Workbook, rows: Record<string, Record<string, Cell>[]>): Promise<Buffer> {
  const out = new PassThrough();
  const chunks: Buffer[] = [];
  out.on('data', (chunk: Buffer) => chunks.push(chunk));
  const writer = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useSharedStrings: false, useStyles: false });
  for (const [name, headers] of headersOf(template)) {
    if (name !== 'Hộ' && name !== 'Nhân khẩu') continue;
    const sheet = writer.addWorksheet(name);
    sheet.addRow(headers).commit();
    const plain = headers.map((h) => h.replace(/\s*\*$/u, ''));
    for (const values of rows[name] ?? []) {
      for (const header of Object.keys(values)) expect(plain).toContain(header);
      sheet.addRow(plain.map((h) => values[h] ?? null)).commit();
    }
    await sheet.commit();
  }
  await writer.commit();
  return Buffer.concat(chunks);
}

describe('the household registry', () => {
  test('a commune officer adds a household with its members, finds it without accents and opens it', async () => {
    const { context, page } = await newPage(browser);
    const code = `E2E-${Date.now().toString(36)}`.toUpperCase();
    const head = uniqueName();
    try {
      await login(page, 'canbo.thachha');
      await page.getByRole('menuitem', { name: 'Hộ gia đình' }).click();
      await visible(page.getByRole('heading', { name: /^Hộ gia đình/u }));
      expect(new URL(page.url()).pathname).toBe('/ho-gia-dinh');

      // The head's citizen ID says born in 1980, not 1975: the server's message sits under the field.
      await fillHousehold(page, code, head, '042180123456');
      await page.getByRole('button', { name: 'Lưu hộ' }).click();
      const idField = page.getByTestId('member-0').locator('.ant-form-item-has-error');
      await visible(idField.getByText(/Số định danh ghi năm sinh 1980/u));
      await page.getByTestId('member-0').getByLabel('Số định danh cá nhân').fill('042175123456');
      await page.getByRole('button', { name: 'Lưu hộ' }).click();

      await visible(page.getByRole('heading', { name: `Hộ ${code} — ${head}` }));
      const members = page.locator('.household-tabs');
      await visible(members.getByText(head, { exact: true }));
      await visible(members.getByText('Nguyễn Văn Bé', { exact: true }));
      await visible(members.getByText('Không có BHYT'));
      await visible(page.locator('.household-facts').getByText('Phụ nữ làm chủ hộ'));

      // Back to the list, searching without accents.
      await page.getByRole('link', { name: 'Danh sách hộ' }).click();
      const plain = head.normalize('NFD').replace(/\p{M}/gu, '').replace(/đ/gu, 'd').replace(/Đ/gu, 'D').toLowerCase();
      await page.getByLabel('Tìm kiếm').fill(plain);
      await page.getByLabel('Tìm kiếm').press('Enter');
      const row = page.locator('.ant-table-row').filter({ hasText: head });
      await visible(row);
      expect(await page.locator('.ant-table-row').count()).toBe(1);
      // The search is in the address, so the list can be shared.
      expect(new URL(page.url()).searchParams.get('q')).toBe(plain);
      expect(new URL(page.url()).searchParams.get('commune')).toBe('18562');

      // The list as it is filtered, as an Excel file.
      const download = page.waitForEvent('download');
      await page.getByRole('button', { name: /Xuất Excel/u }).click();
      expect((await download).suggestedFilename()).toMatch(/\.xlsx$/u);

      await row.getByRole('link', { name: head }).click();
      await visible(page.getByRole('heading', { name: `Hộ ${code} — ${head}` }));

      // A member leaves, with the reason; the history says so in words.
      await page.getByRole('button', { name: 'Thao tác với Nguyễn Văn Bé' }).click();
      await page.getByRole('menuitem', { name: 'Rời hộ' }).click();
      const leave = page.getByRole('dialog', { name: 'Nguyễn Văn Bé rời hộ' });
      await typeDate(page, 'Ngày rời hộ', '01/10/2026', leave);
      await leave.getByLabel('Lý do').fill('Chuyển về ở với ông bà');
      await leave.getByRole('button', { name: 'Rời hộ' }).click();
      await hidden(leave);
      await hidden(members.getByText('Nguyễn Văn Bé', { exact: true }));
      await page.getByRole('tab', { name: 'Lịch sử thay đổi' }).click();
      await visible(page.getByText('Nguyễn Văn Bé rời hộ (Chuyển về ở với ông bà)'));
      await visible(page.getByText(`Lập hộ ${code} với 2 nhân khẩu`));
    } finally {
      await context.close();
    }
  });

  test('an officer assesses a household: derived indicators with reasons, an override with its reason, the result live', async () => {
    const { context, page } = await newPage(browser);
    const code = `DG-${Date.now().toString(36)}`.toUpperCase();
    try {
      await login(page, 'canbo.thachha');
      const household = await createHousehold(page, code, 'Trần Văn Đánh');
      await page.goto(`/ho-gia-dinh/${household.id}`);
      await visible(page.getByRole('heading', { name: `Hộ ${code} — Trần Văn Đánh` }));
      await page.getByRole('tab', { name: 'Đánh giá hằng năm' }).click();
      await visible(page.getByText('Hộ chưa được đánh giá năm nào.'));
      await page
        .getByRole('link', { name: /Đánh giá$/u })
        .first()
        .click();
      await visible(page.getByRole('heading', { name: /^Đánh giá năm \d{4}$/u }));

      await page.getByLabel('Thu nhập bình quân đầu người một tháng').fill('1500000');
      // The child's missing health insurance, named person by person.
      const insurance = page.locator('[data-indicator="health_insurance"]');
      await visible(insurance.getByText('Suy ra: thiếu hụt'));
      await visible(insurance.getByText('Trần Thị Na, 7 tuổi, không có BHYT'));
      const result = page.locator('.assess-result');
      await visible(result.getByText('Hộ cận nghèo', { exact: true }));
      await visible(result.getByText(/Giải thích:/u));

      // An override without a reason is refused; with one, the result changes at once.
      const housing = page.locator('[data-indicator="housing_quality"]');
      await housing.getByRole('switch').click();
      await page.getByRole('button', { name: 'Lưu kết quả đánh giá' }).click();
      await visible(page.getByText('Hãy ghi lý do điều chỉnh.').first());
      await housing.getByLabel(/^Lý do điều chỉnh/u).fill('Mái lợp tôn đã thủng nhiều chỗ, tường nứt');
      await visible(result.getByText('Hộ nghèo', { exact: true }));
      expect(await result.getByTestId('deprivation-count').textContent()).toBe('3');

      await page.getByRole('button', { name: 'Lưu kết quả đánh giá' }).click();
      await visible(page.getByRole('heading', { name: `Hộ ${code} — Trần Văn Đánh` }));
      const row = page.locator('.assessments .ant-table-row').first();
      await visible(row.getByText('Hộ nghèo', { exact: true }));
      expect(await row.textContent()).toContain('Chuẩn nghèo đa chiều giai đoạn 2022–2025');
      await visible(page.locator('.dep-chart'));
      // The header and the list show the category now.
      await visible(page.locator('.household-subtitle').getByText('Hộ nghèo', { exact: true }));
    } finally {
      await context.close();
    }
  });

  test('an officer imports a valid workbook and finds the new household in the list', async () => {
    const { context, page } = await newPage(browser);
    const code = `XL-${Date.now().toString(36)}`.toUpperCase();
    try {
      await login(page, 'canbo.thachha');
      await page.goto('/ho-gia-dinh');
      await page.getByRole('link', { name: /Nhập từ Excel$/u }).click();
      await visible(page.getByRole('heading', { name: 'Nhập hộ gia đình từ Excel' }));
      const template = await page.request.get('/api/households/import-template?commune=18562');
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.load((await template.body()) as unknown as ArrayBuffer);
      const file = await workbookWith(workbook, {
        Hộ: [
          { 'Mã xã': '18562', 'Mã hộ': code, 'Thôn/tổ dân phố': 'Thôn 1', 'Địa chỉ': 'Thôn 1', 'Khu vực': 'Nông thôn' },
        ],
        'Nhân khẩu': [
          {
            'Mã hộ': code,
            'Họ và tên': 'Võ Thị Nhập',
            'Ngày sinh': new Date(Date.UTC(1975, 2, 15)),
            'Giới tính': 'Nữ',
            'Quan hệ với chủ hộ': 'Chủ hộ',
          },
        ],
      });
      await page.getByLabel('Tệp Excel (.xlsx)').setInputFiles({
        name: 'ho-moi.xlsx',
        mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
        buffer: file,
      });
      await page.getByRole('button', { name: /Nhập dữ liệu/u }).click();
      const result = page.locator('.import-result');
      await visible(result.getByText('Đã nhập xong tệp ho-moi.xlsx.'));
      const households = result.locator('.ant-table-row').filter({ hasText: 'Hộ' }).first();
      expect((await households.textContent())?.replace(/\s+/gu, '')).toBe('Hộ10');

      await page.goto(`/ho-gia-dinh?q=${code}`);
      await visible(page.locator('.ant-table-row').getByText('Võ Thị Nhập'));
    } finally {
      await context.close();
    }
  });

  test('a household whose dwelling is not recorded is completed from the assessment form', async () => {
    const { context, page } = await newPage(browser);
    const code = `NO-${Date.now().toString(36)}`.toUpperCase();
    try {
      await login(page, 'canbo.thachha');
      const household = await createHousehold(page, code, 'Phan Văn Nhà', [], null, false);
      await page.goto(`/ho-gia-dinh/${household.id}/danh-gia`);
      await page.getByLabel('Thu nhập bình quân đầu người một tháng').fill('3000000');
      const result = page.locator('.assess-result');
      await visible(result.getByText(/^Chưa ghi đủ thông tin nhà ở và điều kiện sống của hộ/u));
      await result.getByRole('button', { name: 'Sửa nhà ở' }).click();
      const dialog = page.getByRole('dialog', { name: `Nhà ở, điều kiện sống của hộ ${code}` });
      for (const part of ['Tường', 'Khung, cột', 'Mái']) {
        await dialog.getByLabel(part, { exact: true }).click();
        await chooseOption(page, 'Bền chắc');
      }
      await dialog.getByLabel('Diện tích ở (m²)').fill('60');
      for (const fact of await dialog.locator('.ant-radio-group').all()) {
        await fact.getByText('Có', { exact: true }).click();
      }
      await dialog.getByText('Điện thoại', { exact: true }).click();
      await dialog.getByRole('button', { name: 'Lưu' }).click();
      await hidden(dialog);
      await visible(result.getByText('Hộ không nghèo', { exact: true }));
    } finally {
      await context.close();
    }
  });

  test('an officer checks a workbook with errors and reads the report, row by row', async () => {
    const { context, page } = await newPage(browser);
    try {
      await login(page, 'canbo.thachha');
      await page.goto('/ho-gia-dinh/nhap-excel');
      await visible(page.getByRole('heading', { name: 'Nhập hộ gia đình từ Excel' }));

      // The template, filled with a household that names no village and an area nobody knows.
      const template = await page.request.get('/api/households/import-template?commune=18562');
      expect(template.status()).toBe(200);
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.load((await template.body()) as unknown as ArrayBuffer);
      const file = await workbookWith(workbook, {
        Hộ: [
          {
            'Mã xã': '18562',
            'Mã hộ': 'LOI-01',
            'Thôn/tổ dân phố': 'Thôn Không Có',
            'Địa chỉ': 'Thạch Hà',
            'Khu vực': 'Sao Hỏa',
          },
        ],
      });

      await page.getByLabel('Tệp Excel (.xlsx)').setInputFiles({
        name: 'ho-co-loi.xlsx',
        mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
        buffer: file,
      });
      await visible(page.getByTestId('import-file').getByText('ho-co-loi.xlsx'));
      await page.getByText('Chỉ kiểm tra, chưa nhập').click();
      await page.getByRole('button', { name: /Kiểm tra tệp/u }).click();
      const report = page.locator('.import-errors');
      await visible(report.getByText(/^Tệp ho-co-loi\.xlsx có \d+ lỗi; chưa nhập dòng nào\.$/u));
      const rows = report.locator('.ant-table-row');
      await visible(rows);
      expect(await rows.first().textContent()).toContain('Hộ');
      expect(await report.textContent()).toMatch(/Khu vực/u);

      // The same file back with the cells marked.
      const download = page.waitForEvent('download');
      await report.getByRole('button', { name: /Tải tệp đã đánh dấu lỗi/u }).click();
      expect((await download).suggestedFilename()).toMatch(/\.xlsx$/u);
    } finally {
      await context.close();
    }
  });

  test('an officer splits a household, merges it back, changes the head, moves and archives it; a shared citizen ID is flagged', async () => {
    const { context, page } = await newPage(browser);
    const stamp = Date.now().toString(36).toUpperCase();
    const shared = `042080${String(Date.now()).slice(-6)}`;
    try {
      await login(page, 'canbo.thachha');
      const a = await createHousehold(page, `TA-${stamp}`, 'Lê Văn Tách', [
        { fullName: 'Lê Văn Con', dateOfBirth: '2000-01-01', sex: 'male', relation: 'child' },
        { fullName: 'Hồ Thị Dâu', dateOfBirth: '2001-02-02', sex: 'female', relation: 'in_law' },
        { fullName: 'Lê Văn Anh', dateOfBirth: '1980-06-06', sex: 'male', relation: 'sibling', citizenId: shared },
      ]);
      const b = await createHousehold(page, `TB-${stamp}`, 'Lê Văn Trùng', [], shared);

      // The same citizen ID in two households: flagged, with a link to the other one.
      await page.goto(`/ho-gia-dinh/${a.id}`);
      await visible(page.getByRole('heading', { name: `Hộ ${a.code} — Lê Văn Tách` }));
      await visible(page.getByText('Có thể trùng'));
      await page.getByRole('link', { name: `Số định danh này cũng có ở hộ ${b.code}` }).click();
      await visible(page.getByRole('heading', { name: `Hộ ${b.code} — Lê Văn Trùng` }));
      await page.goBack();
      await visible(page.getByRole('heading', { name: `Hộ ${a.code} — Lê Văn Tách` }));

      const more = async (action: string) => {
        await page.getByRole('button', { name: /Thao tác khác/u }).click();
        await page.getByRole('menuitem', { name: action }).click();
      };
      const relation = async (dialog: ReturnType<Page['getByRole']>, name: string, value: string) => {
        await dialog.getByLabel(`Quan hệ với chủ hộ: ${name}`).click();
        await chooseOption(page, value);
      };

      // Split: the son and his wife form a new household.
      await more('Tách hộ');
      const split = page.getByRole('dialog', { name: `Tách hộ ${a.code}` });
      await split.getByLabel('Mã hộ mới').fill(`TC-${stamp}`);
      await split.getByRole('checkbox', { name: 'Lê Văn Con' }).check();
      await split.getByRole('checkbox', { name: 'Hồ Thị Dâu' }).check();
      await relation(split, 'Lê Văn Con', 'Chủ hộ');
      await relation(split, 'Hồ Thị Dâu', 'Vợ/chồng');
      await split.getByRole('button', { name: 'Tách hộ' }).click();
      await hidden(split);
      await visible(page.getByText(`Đã tách thành hộ TC-${stamp}.`));
      const members = page.locator('.household-tabs');
      await hidden(members.getByText('Lê Văn Con', { exact: true }));

      // Merge it back in.
      await more('Nhập hộ khác vào');
      const merge = page.getByRole('dialog', { name: `Nhập một hộ khác vào hộ ${a.code}` });
      await merge.getByLabel('Hộ được nhập').click();
      await page.keyboard.type(`TC-${stamp}`);
      await page.locator(`.ant-select-dropdown:visible .ant-select-item-option[title^="TC-${stamp} — "]`).click();
      await relation(merge, 'Lê Văn Con', 'Con');
      await relation(merge, 'Hồ Thị Dâu', 'Con dâu/con rể');
      await merge.getByRole('button', { name: 'Nhập hộ khác vào' }).click();
      await hidden(merge);
      await visible(members.getByText('Lê Văn Con', { exact: true }));

      // The son becomes the head.
      await more('Đổi chủ hộ');
      const head = page.getByRole('dialog', { name: `Đổi chủ hộ ${a.code}` });
      await head.getByLabel('Chủ hộ mới', { exact: true }).click();
      await chooseOption(page, 'Lê Văn Con');
      await head.getByLabel('Quan hệ của Lê Văn Tách với chủ hộ mới').click();
      await chooseOption(page, 'Bố/mẹ');
      await head.getByRole('button', { name: 'Đổi chủ hộ' }).click();
      await hidden(head);
      await visible(page.getByRole('heading', { name: `Hộ ${a.code} — Lê Văn Con` }));

      // Another village, then archived with a reason.
      await more('Chuyển thôn');
      const move = page.getByRole('dialog', { name: `Chuyển hộ ${a.code} sang thôn khác` });
      await move.getByLabel('Thôn, tổ dân phố').click();
      await chooseOption(page, 'Thôn 2');
      await move.getByRole('button', { name: 'Chuyển thôn' }).click();
      await hidden(move);
      await visible(page.getByText('Đã chuyển hộ sang Thôn 2.'));

      await more('Lưu trữ hộ');
      const archive = page.getByRole('dialog', { name: `Lưu trữ hộ ${a.code}` });
      await archive.getByLabel('Lý do lưu trữ').fill('Cả hộ chuyển vào Thành phố Hồ Chí Minh');
      await archive.getByRole('button', { name: 'Lưu trữ hộ' }).click();
      await hidden(archive);
      await visible(page.getByText('Hộ đã được lưu trữ: Cả hộ chuyển vào Thành phố Hồ Chí Minh'));
      expect(await page.getByRole('button', { name: /Sửa thông tin hộ/u }).count()).toBe(0);

      await page.getByRole('tab', { name: 'Lịch sử thay đổi' }).click();
      for (const text of [
        'Tách hộ: Lê Văn Con, Hồ Thị Dâu sang hộ mới',
        'Nhập hộ: thêm Lê Văn Con, Hồ Thị Dâu',
        'Đổi chủ hộ: Lê Văn Con làm chủ hộ',
        /^Chuyển từ Thôn \S+ sang Thôn 2$/u,
        'Lưu trữ hộ: Cả hộ chuyển vào Thành phố Hồ Chí Minh',
      ]) {
        await visible(page.locator('.history').getByText(text));
      }
    } finally {
      await context.close();
    }
  });

  test('a shared link opens the same list: its commune becomes the working area, its filters apply', async () => {
    const { context, page } = await newPage(browser);
    try {
      await login(page, 'tinh.giamngheo');
      await page.goto('/ho-gia-dinh?commune=18562&year=2026&category=poor');
      await visible(page.getByRole('heading', { name: 'Hộ gia đình — Xã Thạch Hà' }));
      await visible(page.locator('.area-picker').getByText('Tỉnh Hà Tĩnh / Xã Thạch Hà'));
      const rows = page.locator('.ant-table-row');
      await visible(rows);
      await page
        .locator('.ant-spin-spinning')
        .first()
        .waitFor({ state: 'detached' })
        .catch(() => undefined);
      const texts = await rows.allTextContents();
      expect(texts.length).toBeGreaterThan(0);
      for (const text of texts) expect(text).toContain('Hộ nghèo2026');
      // The filters show what the link asked for.
      await visible(page.locator('.household-toolbar').getByText('Hộ nghèo', { exact: true }));
    } finally {
      await context.close();
    }
  });

  test('the comparison with the next standard lists the households that would change, changing nothing', async () => {
    const { context, page } = await newPage(browser);
    try {
      await login(page, 'canbo.thachha');
      await page.getByRole('menuitem', { name: 'So sánh chuẩn nghèo' }).click();
      await visible(page.getByRole('heading', { name: 'So sánh chuẩn nghèo' }));
      await visible(page.getByText(/^Đây chỉ là phép tính thử/u));
      await page.getByLabel('Năm đánh giá').click();
      await chooseOption(page, '2026');
      await page.getByRole('button', { name: 'So sánh' }).click();
      const matrix = page.locator('.compare-matrix');
      await visible(matrix);
      expect(await matrix.locator('tbody tr').count()).toBe(4);
      const changed = page.locator('.ant-card').filter({ hasText: 'Các hộ đổi phân loại' }).locator('.ant-table-row');
      await visible(changed);
      const first = changed.first().getByRole('link');
      const code = (await first.textContent()) ?? '';
      await first.click();
      await visible(page.getByRole('heading', { name: new RegExp(`^Hộ ${code} — `, 'u') }));
    } finally {
      await context.close();
    }
  });

  test('a viewer reads the registry with no buttons to change it', async () => {
    const { context, page } = await newPage(browser);
    try {
      await login(page, 'xem.thachha');
      await page.goto('/ho-gia-dinh');
      await visible(page.getByRole('heading', { name: /^Hộ gia đình/u }));
      await page
        .locator('.ant-spin-spinning')
        .first()
        .waitFor({ state: 'detached' })
        .catch(() => undefined);
      expect(await page.getByRole('link', { name: /Thêm hộ$/u }).count()).toBe(0);
      expect(await page.getByRole('link', { name: /Nhập từ Excel$/u }).count()).toBe(0);
      // The demo registers households in the viewer's commune: open one.
      const first = await visible(page.locator('.ant-table-row a'));
      await first.click();
      await visible(page.getByRole('tab', { name: /^Nhân khẩu/u }));
      expect(await page.getByRole('button', { name: 'Sửa thông tin hộ' }).count()).toBe(0);
      expect(await page.getByRole('button', { name: /^Thao tác với / }).count()).toBe(0);
      // Health facts come back hidden (null): the members say so rather than "no disability".
      await visible(page.getByText('Thông tin sức khỏe bị ẩn'));
    } finally {
      await context.close();
    }
  });

  test('the list works on a phone', async () => {
    const { context, page } = await newPage(browser, PHONE);
    try {
      await login(page, 'canbo.thachha');
      await page.goto('/ho-gia-dinh');
      await visible(page.getByRole('heading', { name: /^Hộ gia đình/u }));
      const overflow = await page.evaluate(
        () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
      );
      expect(overflow).toBe(0);
    } finally {
      await context.close();
    }
  });
});
