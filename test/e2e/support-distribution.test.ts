import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, test } from 'vitest';
import { chooseOption, launchBrowser, login, newPage, screenshot, visible } from './support';

let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
});

describe('handing out Tết gifts to a list', { timeout: 180_000 }, () => {
  test('an officer hands out gifts paid from the commune fund to the poor and near-poor list, previewed with the fund’s balance', async () => {
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
      await screenshot(page, 'support-distribution-fund-recorded');
    } finally {
      await context.close();
    }
  });
});
