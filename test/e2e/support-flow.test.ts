import { readFileSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { distributionWorkbook } from '../helpers/support';
import { readWorkbook } from '../helpers/workbooks';
import {
  chooseOption,
  createHousehold,
  hidden,
  launchBrowser,
  login,
  newPage,
  screenshot,
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

/** A 1×1 PNG: the photo of a stage. */
const PHOTO = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
  'base64',
);

const code = (prefix: string) => `${prefix}-${Date.now().toString(36)}`.toUpperCase();

/** The support section's houses tab, behind schedule only: whether the household is listed. */
async function behindScheduleLists(page: Page, householdCode: string) {
  await page.goto('/ho-tro');
  await page.getByRole('tab', { name: 'Nhà ở' }).click();
  await page.getByRole('switch').click();
  await visible(page.locator('.ant-table-row').first());
  return page.locator('.ant-table-row', { hasText: householdCode }).count();
}

describe(
  'support in the browser: a house to hand-over, gifts from Excel, who is left behind',
  { timeout: 240_000 },
  () => {
    test('an officer takes a house from approval to hand-over, off the behind-schedule list, and the year table shows it', async () => {
      const { context, page } = await newPage(browser);
      const householdCode = code('NHA');
      try {
        await login(page, 'canbo.thachha');
        const household = await createHousehold(page, householdCode, 'Võ Văn Dựng');
        await page.goto(`/ho-gia-dinh/${household.id}?tab=support`);
        await page.getByRole('button', { name: 'Phê duyệt hỗ trợ nhà ở' }).click();
        const approve = page.getByRole('dialog', { name: `Phê duyệt hỗ trợ nhà ở cho hộ ${householdCode}` });
        await approve.getByLabel('Số quyết định').fill('77/QĐ-UBND');
        await typeDate(page, 'Ngày phê duyệt', '02/06/2026', approve);
        // Planned for the end of July: by today (December) a house not completed is behind schedule.
        await typeDate(page, 'Ngày dự kiến hoàn thành', '31/07/2026', approve);
        await approve.getByLabel('Đơn vị, người thi công').fill('Tổ thợ xây thôn 1');
        // The house is funded by the movement and the local budget: one row per source.
        await approve.getByLabel('Nguồn', { exact: true }).first().fill('Phong trào xóa');
        await chooseOption(page, 'Phong trào xóa nhà tạm, nhà dột nát 2024–2025');
        await approve.getByLabel('Số tiền (đồng)').fill('60000000');
        await approve.getByRole('button', { name: 'Thêm nguồn kinh phí' }).click();
        await approve.getByLabel('Nguồn', { exact: true }).nth(1).fill('Ngân sách địa');
        await chooseOption(page, 'Ngân sách địa phương');
        await approve.getByLabel('Số tiền (đồng)').nth(1).fill('20000000');
        await approve.getByRole('button', { name: 'Phê duyệt hỗ trợ nhà ở' }).click();
        await hidden(approve);
        const house = page.getByTestId('house-77/QĐ-UBND');
        await visible(
          house.getByText(
            'Kinh phí theo nguồn: Phong trào xóa nhà tạm, nhà dột nát 2024–2025 60.000.000 đ; Ngân sách địa phương 20.000.000 đ — Đơn vị, người thi công: Tổ thợ xây thôn 1',
          ),
        );
        await visible(house.getByText('Quá hạn hoàn thành (31/07/2026).'));

        const step = async (stage: string, date: string) => {
          await house.getByRole('button', { name: stage }).click();
          const dialog = page.getByRole('dialog', { name: `Ghi nhận bước "${stage}"` });
          await typeDate(page, 'Ngày', date, dialog);
          await hidden(dialog);
          await visible(house.getByText(date));
        };
        await step('Đang xây dựng', '15/06/2026');
        // A photo of the building stage, captioned with the stage.
        await house.locator('input[type=file]').setInputFiles({
          name: 'dang-xay.png',
          mimeType: 'image/png',
          buffer: PHOTO,
        });
        await visible(house.getByRole('img'));
        expect(await behindScheduleLists(page, householdCode)).toBe(1);

        await page.goto(`/ho-gia-dinh/${household.id}?tab=support`);
        await step('Đã hoàn thành', '30/11/2026');
        await step('Đã bàn giao', '02/12/2026');
        await visible(house.getByText('02/12/2026'));
        expect(await house.getByRole('button', { name: 'Đã bàn giao' }).count()).toBe(0);
        // The year table: the house handed over in 2026.
        const years = page.getByTestId('support-years');
        await visible(years.getByRole('columnheader', { name: '2026' }));
        await visible(years.getByText('Đã bàn giao'));
        await screenshot(page, 'support-flow-house');
        expect(await behindScheduleLists(page, householdCode)).toBe(0);
      } finally {
        await context.close();
      }
    });

    test('an officer hands out Tết gifts from an Excel list: the unknown household is refused in the preview, the rest recorded', async () => {
      const { context, page } = await newPage(browser);
      try {
        await login(page, 'canbo.thachha');
        const first = await createHousehold(page, code('QUA1'), 'Bùi Văn Một');
        const second = await createHousehold(page, code('QUA2'), 'Ngô Thị Hai');
        const file = await distributionWorkbook([
          [first.code, 500_000, null, 'Nhận tại nhà văn hóa'],
          ['KHONG-CO-HO', 500_000, null, null],
          [second.code, 700_000, null, null],
        ]);
        await page.goto('/ho-tro');
        await page.getByRole('tab', { name: 'Phát theo danh sách' }).click();
        // The list of sources is long: typing filters it.
        await page.getByLabel('Nguồn').fill('Doanh nghiệp');
        await chooseOption(page, 'Doanh nghiệp, nhà tài trợ');
        await page.getByLabel('Số quyết định').fill('31/QĐ-MTTQ');
        await page.locator('input[type=file][accept=".xlsx"]').setInputFiles({
          name: 'qua-tet.xlsx',
          mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
          buffer: file,
        });
        await visible(page.getByText('2 hộ sẽ được ghi nhận (1.200.000 đ); 1 dòng bị từ chối.'));
        const refused = page.locator('.ant-table-row', { hasText: 'KHONG-CO-HO' });
        await visible(refused.getByText(/Không có hộ mã KHONG-CO-HO trong xã\/phường 18562/u));
        await screenshot(page, 'support-flow-excel-preview');
        await page.getByRole('button', { name: 'Ghi nhận 2 hộ' }).click();
        await visible(page.getByText('Đã ghi nhận hỗ trợ cho 2 hộ, tổng 1.200.000 đ'));

        await page.goto(`/ho-gia-dinh/${second.id}?tab=support`);
        const row = page.locator('.support-list .ant-table-row', { hasText: 'Quà Tết' });
        await visible(row.getByText('700.000 đ'));
        await visible(row.getByText('31/QĐ-MTTQ'));
        await visible(page.getByTestId('support-years').getByText('(1 qua đợt phát)'));
      } finally {
        await context.close();
      }
    });

    test('an officer finds the households left behind this year and downloads them as Excel', async () => {
      const { context, page } = await newPage(browser);
      try {
        await login(page, 'canbo.thachha');
        await page.goto('/ho-tro');
        await page.getByRole('tab', { name: 'Chưa được hỗ trợ' }).click();
        // The count reads 0 until the list has come: wait for its rows first.
        await visible(page.locator('.ant-table-row').first());
        const title = await visible(page.getByText(/^Hộ nghèo, cận nghèo chưa được hỗ trợ trong năm: [1-9]\d*$/u));
        const total = Number((await title.textContent())!.split(': ')[1]);
        expect(total).toBeGreaterThan(0);
        const firstCode = (await page.locator('.ant-table-row').first().locator('td').first().textContent())!;
        await screenshot(page, 'support-flow-left-behind');
        const download = page.waitForEvent('download');
        await page.getByRole('button', { name: 'Tải Excel' }).first().click();
        const saved = await download;
        expect(saved.suggestedFilename()).toMatch(/^left-behind-\d{4}-18562\.xlsx$/u);
        const sheet = Object.values(await readWorkbook(readFileSync((await saved.path())!)))[0]!;
        expect(sheet[0]![0]).toMatch(/^Hộ nghèo, cận nghèo chưa được hỗ trợ năm \d{4}$/u);
        expect(sheet[1]).toEqual([
          'STT',
          'Mã hộ',
          'Chủ hộ',
          'Xã/phường',
          'Loại hộ',
          'Số chỉ số thiếu hụt',
          'Chỉ số thiếu hụt',
        ]);
        const rows = sheet.slice(2);
        expect(rows).toHaveLength(total);
        expect(rows.map((r) => r[1])).toContain(firstCode);
        expect(new Set(rows.map((r) => r[3]))).toEqual(new Set(['Xã Thạch Hà']));
      } finally {
        await context.close();
      }
    });
  },
);
