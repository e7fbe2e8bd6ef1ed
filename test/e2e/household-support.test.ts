import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
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

describe('what a household received', () => {
  test('an officer records a Tết gift and a health insurance card, is refused a second gift, and cancels one', async () => {
    const { context, page } = await newPage(browser);
    const code = `HT-${Date.now().toString(36)}`.toUpperCase();
    try {
      await login(page, 'canbo.thachha');
      const household = await createHousehold(page, code, 'Đinh Văn Nhận');
      await page.goto(`/ho-gia-dinh/${household.id}?tab=support`);
      await visible(page.getByText('Hộ chưa có hỗ trợ nào được ghi nhận'));

      const record = async (kind: string, source: string, value: string, date: string, member?: string) => {
        await page.getByRole('button', { name: 'Ghi nhận hỗ trợ' }).click();
        const dialog = page.getByRole('dialog', { name: `Ghi nhận hỗ trợ cho hộ ${code}` });
        await dialog.getByLabel('Loại hỗ trợ').fill(kind);
        await chooseOption(page, kind);
        if (member) {
          await dialog.getByLabel('Người nhận (nếu hỗ trợ cho một người)').click();
          await chooseOption(page, member);
        }
        // Long lists are searched as users do: typing filters them.
        await dialog.getByLabel('Nguồn').fill(source.slice(0, 12));
        await chooseOption(page, source);
        // Paid from the Fund, the support is the commune fund's expenditure too.
        if (source === 'Quỹ "Vì người nghèo"') {
          await dialog.getByLabel('Quỹ chi').click();
          await chooseOption(page, 'Quỹ "Vì người nghèo" xã Thạch Hà');
        }
        await dialog.getByLabel('Giá trị (đồng)').fill(value);
        await typeDate(page, 'Ngày', date, dialog);
        await dialog.getByLabel('Số quyết định').fill('15/QĐ-UBND');
        await dialog.getByRole('button', { name: 'Ghi nhận hỗ trợ' }).click();
        return dialog;
      };

      await hidden(await record('Quà Tết', 'Quỹ "Vì người nghèo"', '500000', '20/01/2026'));
      await visible(page.getByText('Đã ghi nhận hỗ trợ'));
      await hidden(await record('Thẻ bảo hiểm y tế', 'Ngân sách địa phương', '1105650', '05/02/2026', 'Đinh Văn Nhận'));
      await visible(page.getByText('Cộng 2 hỗ trợ còn hiệu lực'));
      await visible(page.getByText('1.605.650 đ'));
      await screenshot(page, 'household-support');

      // The same gift again in the same year is refused with the reason, and nothing is added.
      const again = await record('Quà Tết', 'Quỹ "Vì người nghèo"', '300000', '28/12/2026');
      await visible(again.getByText(/Hộ đã nhận "Quà Tết" ngày 20\/01\/2026/u));
      await again.getByRole('button', { name: 'Hủy' }).click();
      await hidden(again);
      // The detailed list (under the year-by-year table).
      const rows = page.locator('.support-list .ant-table-row');
      expect(await rows.count()).toBe(2);

      // A record entered by mistake is cancelled with a reason: kept, struck through, not counted.
      await rows.filter({ hasText: 'Quà Tết' }).getByRole('button', { name: 'Hủy' }).click();
      const cancel = page.getByRole('dialog', { name: 'Hủy hỗ trợ ghi nhầm' });
      await cancel.getByLabel('Lý do hủy').fill('Nhập nhầm hộ');
      await cancel.getByRole('button', { name: 'Hủy bản ghi' }).click();
      await hidden(cancel);
      await visible(page.getByText('Cộng 1 hỗ trợ còn hiệu lực'));
      await visible(rows.filter({ hasText: 'Quà Tết' }).getByText('Đã hủy'));

      // A new house: approved with its decision and funding, then building starts.
      await page.getByRole('button', { name: 'Phê duyệt hỗ trợ nhà ở' }).click();
      const approve = page.getByRole('dialog', { name: `Phê duyệt hỗ trợ nhà ở cho hộ ${code}` });
      await approve.getByLabel('Số quyết định').fill('45/QĐ-UBND');
      await typeDate(page, 'Ngày phê duyệt', '02/03/2026', approve);
      await typeDate(page, 'Ngày dự kiến hoàn thành', '31/08/2026', approve);
      await approve.getByLabel('Đơn vị, người thi công').fill('Tổ thợ xã Thạch Hà');
      await approve.getByLabel('Nguồn').fill('Phong trào xóa');
      await chooseOption(page, 'Phong trào xóa nhà tạm, nhà dột nát 2024–2025');
      await approve.getByLabel('Số tiền (đồng)').fill('60000000');
      await approve.getByRole('button', { name: 'Phê duyệt hỗ trợ nhà ở' }).click();
      await hidden(approve);
      const house = page.getByTestId('house-45/QĐ-UBND');
      await visible(house.getByText('Xây mới nhà — 45/QĐ-UBND — 60.000.000 đ'));
      await house.getByRole('button', { name: 'Đang xây dựng' }).click();
      const step = page.getByRole('dialog', { name: 'Ghi nhận bước "Đang xây dựng"' });
      // Enter confirms the date and, the date being the dialog's only field, sends the form.
      await typeDate(page, 'Ngày', '20/03/2026', step);
      await hidden(step);
      await visible(house.getByText('20/03/2026'));
      await visible(house.getByRole('button', { name: 'Đã hoàn thành' }));
      await screenshot(page, 'household-support-house');
    } finally {
      await context.close();
    }
  });
});
