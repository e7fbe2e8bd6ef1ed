import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { chooseOption, launchBrowser, newPage, PHONE, visible } from './support';

let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
});

const INCOME = 'Thu nhập bình quân đầu người một tháng';

/** The big category tag of the result card, once it reads `text`. */
async function resultIs(page: Page, text: string): Promise<void> {
  await visible(page.locator('.calc-result .calc-category-large').getByText(text, { exact: true }));
}

async function pick2022Rural(page: Page): Promise<void> {
  await page.getByLabel('Chuẩn nghèo', { exact: true }).click();
  await chooseOption(page, 'Chuẩn nghèo đa chiều giai đoạn 2022–2025');
  await page.getByRole('radio', { name: 'Nông thôn' }).check();
}

describe('the public poverty calculator', () => {
  test('anyone classifies a household without signing in, in Vietnamese and English', async () => {
    const { context, page } = await newPage(browser);
    try {
      await page.goto('/tinh-chuan-ngheo');
      await visible(page.getByRole('heading', { name: 'Tra cứu chuẩn nghèo' }));
      await expect.poll(() => new URL(page.url()).pathname).toBe('/tinh-chuan-ngheo');
      // The standard of next year's lists comes first, with its provisional indicator set.
      await visible(page.locator('.calc-form .ant-select').getByText('Chuẩn nghèo đa chiều giai đoạn 2027–2030'));
      await visible(page.getByText(/^Bộ chỉ số của chuẩn 2027–2030 hiện là dự kiến/u));
      await visible(page.getByRole('checkbox', { name: /Thu gom, xử lý rác thải sinh hoạt/u }));
      await visible(page.getByText('Nhập thu nhập bình quân để xem kết quả.'));

      await pick2022Rural(page);
      expect(await page.getByRole('checkbox', { name: /Thu gom/u }).count()).toBe(0);
      const income = page.getByLabel(INCOME);
      await income.fill('1500000');
      expect(await income.inputValue()).toBe('1.500.000');
      for (const name of ['Việc làm', 'Dinh dưỡng', 'Nhà tiêu hợp vệ sinh']) {
        await page.getByRole('checkbox', { name }).check();
      }
      await resultIs(page, 'Hộ nghèo');
      const result = page.locator('.calc-result');
      await visible(result.getByText('10 × 3 = 30 điểm'));
      await visible(result.getByText(/≤ chuẩn nghèo nông thôn 1\.500\.000 đ và thiếu hụt 3 chỉ số/u));

      // The same answers under 2027–2030, side by side.
      const compare = page.locator('.calc-compare-card');
      await visible(compare.getByRole('columnheader', { name: 'Chuẩn 2027–2030' }));
      await visible(compare.getByRole('columnheader', { name: 'Chuẩn 2022–2025' }));
      await visible(compare.getByText(/^Chỉ có trong chuẩn 2027–2030, trang này chưa hỏi: .*Sử dụng dịch vụ số/u));
      await visible(compare.getByText(/^Không có trong chuẩn 2027–2030 nên không được tính: .*thông tin/u));
      expect(await compare.locator('.calc-category').allTextContents()).toEqual(['Hộ nghèo', 'Hộ nghèo']);

      await income.fill('1500001');
      await resultIs(page, 'Hộ có mức sống trung bình');
      // 1.500.001 đ is still under the 2027–2030 line of 2.200.000 đ.
      await page.waitForFunction(
        () =>
          [...document.querySelectorAll('.calc-compare-card .calc-category')].map((e) => e.textContent).join('|') ===
          'Hộ có mức sống trung bình|Hộ nghèo',
      );

      await page.getByText('EN', { exact: true }).click();
      await visible(page.getByRole('heading', { name: 'Poverty standard calculator' }));
      await resultIs(page, 'Household with an average living standard');
      expect(await page.getByLabel('Monthly income per person').inputValue()).toBe('1,500,001');
      await visible(result.getByText(/Monthly income per person 1,500,001 VND > rural poverty line/u));

      // A refusal from the server is shown next to the field it names.
      await page.getByLabel('Monthly income per person').fill('99999999999999');
      const incomeItem = page.locator('.ant-form-item-has-error').filter({ has: page.locator('#calc-income') });
      await visible(incomeItem.locator('.ant-form-item-explain-error'));
      await visible(result.getByText('No result yet. Please correct the highlighted information.'));
    } finally {
      await context.close();
    }
  });

  test('the login page leads to the calculator and back', async () => {
    const { context, page } = await newPage(browser);
    try {
      await page.goto('/login');
      await page.getByRole('link', { name: 'Tra cứu chuẩn nghèo' }).click();
      await visible(page.getByRole('heading', { name: 'Tra cứu chuẩn nghèo' }));
      await page.getByRole('link', { name: 'Đăng nhập' }).click();
      await visible(page.getByRole('heading', { name: 'Đăng nhập' }));
      await expect.poll(() => new URL(page.url()).pathname).toBe('/login');
    } finally {
      await context.close();
    }
  });

  test('on a phone: one column, and the result follows you down the page', async () => {
    const { context, page } = await newPage(browser, PHONE);
    try {
      await page.goto('/calculator');
      await visible(page.getByRole('heading', { name: 'Tra cứu chuẩn nghèo' }));
      await expect.poll(() => new URL(page.url()).pathname).toBe('/tinh-chuan-ngheo');
      await pick2022Rural(page);
      await page.getByLabel(INCOME).fill('1500000');
      await page.getByRole('checkbox', { name: 'Việc làm' }).check();
      await resultIs(page, 'Hộ cận nghèo');

      const boxes = await Promise.all(
        ['.calc-inputs', '.calc-results'].map(async (s) => (await page.locator(s).boundingBox())!),
      );
      const [inputs, results] = boxes as [NonNullable<(typeof boxes)[0]>, NonNullable<(typeof boxes)[0]>];
      expect(Math.abs(inputs.x - results.x)).toBeLessThan(1);
      expect(results.y).toBeGreaterThanOrEqual(inputs.y + inputs.height);
      expect(inputs.width).toBeLessThanOrEqual(PHONE.width);
      expect(
        await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth),
      ).toBe(0);

      // While the result card is off screen, a bar at the bottom shows the category.
      await page.evaluate(() => window.scrollTo(0, 0));
      const bar = page.locator('.calc-summary-bar');
      await visible(bar.getByText('Hộ cận nghèo', { exact: true }));
      await bar.getByRole('button', { name: 'Xem chi tiết' }).click();
      await bar.waitFor({ state: 'detached' });
    } finally {
      await context.close();
    }
  });
});
