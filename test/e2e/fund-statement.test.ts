import path from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { chooseOption, launchBrowser, login, newPage, screenshot, visible } from './support';

const SAMPLE = path.resolve(import.meta.dirname, '../../src/web/public/samples/sao-ke-mau.csv');
let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
});

describe('the fund’s bank statement', () => {
  test('a commune Front officer imports the statement, matches a transfer by hand and sees its receipt', async () => {
    const { context, page } = await newPage(browser);
    try {
      await login(page, 'mttq.thachha');
      await page.goto('/fund');
      await page.getByRole('link', { name: 'Quỹ "Vì người nghèo" xã Thạch Hà' }).click();
      await visible(page.getByRole('heading', { name: 'Quỹ "Vì người nghèo" xã Thạch Hà' }));

      // The pledges of the demo, each with its reference.
      await page.getByRole('tab', { name: 'Cam kết ủng hộ' }).click();
      await visible(page.locator('.ant-table-row').filter({ hasText: 'CKHLXD26' }).filter({ hasText: 'Chưa nộp' }));

      // The sample statement: a preview first, nothing written.
      await page.getByRole('tab', { name: 'Sao kê ngân hàng' }).click();
      await page.getByLabel('Chọn tệp sao kê').setInputFiles(SAMPLE);
      await visible(page.getByText(/4 giao dịch khớp \(52\.500\.000 đ\), 3 chờ đối chiếu, 1 tiền ra bỏ qua/u));
      await visible(page.getByText('Khớp cam kết CKHLXD26'));
      await screenshot(page, 'fund-statement-preview');
      await page.getByRole('button', { name: 'Nhập sao kê: tạo 4 khoản thu' }).click();
      await visible(page.getByText('Đã nhập sao kê: 4 khoản thu, 3 giao dịch chờ đối chiếu.'));

      // A transfer whose note names nothing, matched by hand to the Peak Month with the donor's name.
      const waiting = page.locator('.ant-table-row').filter({ hasText: 'LE THI MAI CHUYEN TIEN' });
      await waiting.getByRole('button', { name: 'Đối chiếu' }).click();
      const dialog = page.getByRole('dialog', { name: /^Đối chiếu giao dịch FT26328004/u });
      await visible(dialog);
      await dialog.getByText('Một đợt vận động (tạo khoản thu)').click();
      await dialog.getByLabel('Nhà hảo tâm là').click();
      await chooseOption(page, 'Cá nhân');
      await dialog.getByLabel('Họ tên / tên đơn vị').fill('Lê Thị Mai');
      await dialog.getByRole('button', { name: 'Đối chiếu' }).click();
      await visible(page.getByText('Đã đối chiếu giao dịch FT26328004.'));

      // Matched: its receipt number, and the receipt in the ledger.
      await page.getByText('Đã khớp', { exact: true }).click();
      const matched = page.locator('.ant-table-row').filter({ hasText: 'FT26328004' });
      await visible(matched.getByText(/Số biên lai \d{4}-\d{6} \(đối chiếu tay\)/u));
      await screenshot(page, 'fund-statement-lines');
      const ledger = page.getByRole('tab', { name: 'Sổ bút toán' });
      await ledger.click();
      await visible(page.locator('[role="tab"][aria-selected="true"]', { hasText: 'Sổ bút toán' }));
      const receipt = page.locator('.ant-table-row').filter({ hasText: 'Lê Thị Mai' });
      await visible(receipt);
      expect(await receipt.textContent()).toContain('1.000.000 đ');
      expect(await receipt.textContent()).toContain('Chuyển khoản');
    } finally {
      await context.close();
    }
  });
});
