import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, test } from 'vitest';
import { chooseOption, hidden, launchBrowser, login, newPage, screenshot, visible } from './support';

let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
});

describe('handing out Tết gifts to a list', { timeout: 180_000 }, () => {
  test('an officer hands out gifts paid from the commune fund to the poor and near-poor list, previewed with the fund’s balance, opens the distribution and links it to a task', async () => {
    const { context, page } = await newPage(browser);
    try {
      await login(page, 'canbo.thachha');
      await page.goto('/ho-tro');
      await page.getByRole('tab', { name: 'Phát theo danh sách' }).click();
      await page.getByLabel('Nguồn').click();
      await chooseOption(page, 'Quỹ "Vì người nghèo"');
      await page.getByLabel('Quỹ chi').click();
      await chooseOption(page, 'Quỹ "Vì người nghèo" xã Thạch Hà');
      await page.getByLabel('Số quyết định').fill('09/QĐ-MTTQ');
      await page.getByRole('button', { name: 'Chọn hộ nghèo, cận nghèo của xã' }).click();
      await visible(page.getByText(/Số dư của quỹ/u));
      await screenshot(page, 'support-distribution-fund');
      await page.getByRole('button', { name: /^Ghi nhận \d+ hộ$/u }).click();
      await visible(page.getByText(/Đã ghi nhận hỗ trợ cho \d+ hộ/u));
      // The distribution recorded opens as one thing: its fund, decision and households.
      const title = await visible(page.getByRole('heading', { name: /^Quà Tết \d{4} — \d+ hộ, [\d.]+ đ$/u }));
      const name = (await title.textContent())!;
      await visible(page.getByText('Quỹ "Vì người nghèo" xã Thạch Hà'));
      await visible(page.getByText('09/QĐ-MTTQ'));
      await visible(page.getByRole('cell', { name: 'Đã nhận' }));
      await screenshot(page, 'support-distribution-fund-recorded');

      // Listed among the commune's distributions.
      await page.getByRole('link', { name: 'Các đợt phát hỗ trợ' }).click();
      await visible(page.getByRole('tab', { name: 'Các đợt phát', selected: true }));
      await visible(page.getByRole('link', { name }));

      // Linked from a task of the commune's coordination programme as one piece of evidence, and opened from there.
      await page.goto('/coordination');
      await page.getByRole('link', { name: '01/CTPH-UBND-MTTQ' }).click();
      const task = page.locator('.ant-table-row').filter({ hasText: 'Rà soát hộ nghèo cuối năm 2026' });
      await task.getByRole('button', { name: /Mở rộng|Expand/u }).click();
      await page.getByRole('button', { name: 'Liên kết minh chứng' }).click();
      const dialog = page.getByRole('dialog', { name: 'Liên kết minh chứng' });
      await dialog.getByLabel('Loại').click();
      await chooseOption(page, 'Đợt phát hỗ trợ');
      await dialog.getByLabel('Bản ghi').click();
      await page
        .locator('.ant-select-dropdown:visible .ant-select-item-option')
        .filter({ hasText: name })
        .first()
        .click();
      await dialog.getByRole('button', { name: 'Lưu' }).click();
      await hidden(dialog);
      const linked = await visible(page.getByRole('link', { name }));
      await screenshot(page, 'task-evidence-distribution');
      await linked.click();
      await visible(page.getByRole('heading', { name }));
    } finally {
      await context.close();
    }
  });
});
