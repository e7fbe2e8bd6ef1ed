import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { DEMO_PASSWORD, launchBrowser, newPage, visible } from './support';

let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
});

describe('language', () => {
  test('switching to English and back, remembered across reloads', async () => {
    const { context, page } = await newPage(browser);
    try {
      await page.goto('/login');
      await visible(page.getByRole('heading', { name: 'Đăng nhập' }));
      await page.getByText('EN', { exact: true }).click();
      await visible(page.getByRole('heading', { name: 'Sign in' }));

      // Server errors follow the language too.
      await page.getByLabel('Username').fill('tinh.mttq');
      await page.getByLabel('Password', { exact: true }).fill('wrong password');
      await page.getByRole('button', { name: 'Sign in' }).click();
      await visible(page.getByRole('alert').filter({ hasText: 'Wrong username or password.' }));

      await page.getByLabel('Password', { exact: true }).fill(DEMO_PASSWORD);
      await page.getByRole('button', { name: 'Sign in' }).click();
      await visible(page.getByRole('heading', { name: 'Hello, Trần Thị Hương' }));
      await visible(page.getByRole('menuitem', { name: 'Administration' }));
      await visible(page.getByRole('menuitem', { name: 'Fund for the Poor' }));
      expect(await page.locator('.dashboard-account').textContent()).toContain('Fund accountant');
      expect(await page.evaluate(() => document.documentElement.lang)).toBe('en');

      await page.reload();
      await visible(page.getByRole('heading', { name: 'Hello, Trần Thị Hương' }));

      await page.getByText('VI', { exact: true }).click();
      await visible(page.getByRole('heading', { name: 'Xin chào, Trần Thị Hương' }));
      await visible(page.getByRole('menuitem', { name: 'Quỹ Vì người nghèo' }));
      expect(await page.locator('.dashboard-account').textContent()).toContain('Kế toán quỹ');
      await page.reload();
      await visible(page.getByRole('heading', { name: 'Xin chào, Trần Thị Hương' }));
      expect(await page.evaluate(() => document.documentElement.lang)).toBe('vi');
    } finally {
      await context.close();
    }
  });
});
