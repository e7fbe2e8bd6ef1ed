import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { launchBrowser, login, newPage, submitLogin, visible } from './support';

let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
});

describe('signing in and out', () => {
  test('a wrong password shows the server’s message in Vietnamese and stays on the login page', async () => {
    const { context, page } = await newPage(browser);
    try {
      await submitLogin(page, 'tinh.lanhdao', 'không-phải-mật-khẩu');
      const alert = await visible(
        page.getByRole('alert').filter({ hasText: 'Tên đăng nhập hoặc mật khẩu không đúng.' }),
      );
      expect(await alert.textContent()).toContain('Tên đăng nhập hoặc mật khẩu không đúng.');
      await expect.poll(() => new URL(page.url()).pathname).toBe('/login');
    } finally {
      await context.close();
    }
  });

  test('the right password lands on the dashboard with the user’s name, scope and roles', async () => {
    const { context, page } = await newPage(browser);
    try {
      await login(page, 'xem.thachha');
      await visible(page.getByRole('heading', { name: 'Xin chào, Bùi Văn Hải' }));
      await expect.poll(() => new URL(page.url()).pathname).toBe('/');
      expect(await page.getByTestId('dashboard-scope').textContent()).toContain('Xã Thạch Hà');
      const account = page.locator('.dashboard-account');
      expect(await account.textContent()).toContain('xem.thachha');
      expect(await account.textContent()).toContain('Xem');
      // The header names the user and where they work.
      expect(await page.locator('.header-user').textContent()).toContain('Bùi Văn Hải');
      expect(await page.locator('.header-user').textContent()).toContain('Xã Thạch Hà');
      // A viewer sees no administration pages that need permissions.
      await page.getByRole('menuitem', { name: 'Quản trị' }).click();
      await visible(page.getByRole('menuitem', { name: 'Đơn vị hành chính' }));
      expect(await page.getByRole('menuitem', { name: 'Người dùng' }).count()).toBe(0);
      expect(await page.getByRole('menuitem', { name: 'Nhật ký hệ thống' }).count()).toBe(0);
    } finally {
      await context.close();
    }
  });

  test('signing out returns to the login page, and pages then ask for a sign-in again', async () => {
    const { context, page } = await newPage(browser);
    try {
      await login(page, 'canbo.thachha');
      await page.getByRole('button', { name: 'Đăng xuất' }).click();
      await visible(page.getByRole('heading', { name: 'Đăng nhập' }));
      await expect.poll(() => new URL(page.url()).pathname).toBe('/login');

      await page.goto('/admin/villages');
      await visible(page.getByRole('heading', { name: 'Đăng nhập' }));
      await expect.poll(() => new URL(page.url()).pathname).toBe('/login');
      const me = await page.evaluate(async () => (await fetch('/api/auth/me')).status);
      expect(me).toBe(401);
    } finally {
      await context.close();
    }
  });

  test('a page asked for before signing in opens after signing in', async () => {
    const { context, page } = await newPage(browser);
    try {
      await page.goto('/admin/units');
      await visible(page.getByRole('heading', { name: 'Đăng nhập' }));
      await page.getByLabel('Tên đăng nhập').fill('tinh.lanhdao');
      await page.getByLabel('Mật khẩu', { exact: true }).fill('ChungTay@2026');
      await page.getByRole('button', { name: 'Đăng nhập' }).click();
      await visible(page.getByRole('heading', { name: 'Đơn vị hành chính' }));
      await expect.poll(() => new URL(page.url()).pathname).toBe('/admin/units');
      await visible(page.getByRole('link', { name: 'Tỉnh Hà Tĩnh' }));
    } finally {
      await context.close();
    }
  });
});
