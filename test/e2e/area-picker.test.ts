import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { launchBrowser, login, newPage, PHONE, visible, chooseOption } from './support';

let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
});

const picker = (page: Page) => page.locator('.area-picker');
const column = (page: Page, index: number) =>
  page.locator('.ant-cascader-dropdown:visible .ant-cascader-menu').nth(index);
const item = (page: Page, index: number, title: string) =>
  column(page, index).locator(`.ant-cascader-menu-item[title="${title}"]`);

describe('area picker', () => {
  test('a provincial user picks commune Thạch Hà, then one of its villages', async () => {
    const { context, page } = await newPage(browser);
    try {
      await login(page, 'tinh.mttq');
      expect(await picker(page).textContent()).toContain('Tỉnh Hà Tĩnh');

      await picker(page).click();
      // Only their own province at the top level.
      await visible(item(page, 0, 'Tỉnh Hà Tĩnh'));
      await expect.poll(() => column(page, 0).locator('.ant-cascader-menu-item').count()).toBe(1);
      await item(page, 0, 'Tỉnh Hà Tĩnh').click();
      // …and every commune of it below.
      await visible(item(page, 1, 'Xã Cẩm Xuyên'));
      await expect.poll(() => column(page, 1).locator('.ant-cascader-menu-item').count()).toBeGreaterThan(50);
      await item(page, 1, 'Xã Thạch Hà').click();
      await visible(item(page, 2, 'Thôn 2'));
      await item(page, 2, 'Thôn 2').click();

      await visible(picker(page).getByText('Tỉnh Hà Tĩnh / Xã Thạch Hà / Thôn 2'));
      await visible(page.getByTestId('dashboard-area').getByText('Tỉnh Hà Tĩnh / Xã Thạch Hà / Thôn 2'));

      // Pages that work on one commune follow the choice, which survives a reload.
      await page.goto('/admin/villages');
      await visible(page.getByRole('heading', { name: 'Thôn/tổ dân phố — Xã Thạch Hà' }));
      await visible(page.getByRole('cell', { name: 'Thôn 9' }));
      await page.reload();
      await visible(picker(page).getByText('Tỉnh Hà Tĩnh / Xã Thạch Hà / Thôn 2'));

      // Clearing goes back to the whole province.
      await picker(page).hover();
      await page.locator('.area-picker .ant-select-clear').click();
      await visible(picker(page).getByText('Tỉnh Hà Tĩnh', { exact: true }));
      await visible(page.getByText('Hãy chọn một xã, phường trong bộ chọn địa bàn'));
    } finally {
      await context.close();
    }
  });

  test('a commune user sees only their own commune', async () => {
    const { context, page } = await newPage(browser);
    try {
      await login(page, 'canbo.thachha');
      await visible(picker(page).getByText('Tỉnh Hà Tĩnh / Xã Thạch Hà'));
      await picker(page).click();
      await item(page, 0, 'Tỉnh Hà Tĩnh').click();
      await visible(item(page, 1, 'Xã Thạch Hà'));
      await expect.poll(() => column(page, 1).locator('.ant-cascader-menu-item').count()).toBe(1);
      expect(await item(page, 1, 'Xã Cẩm Xuyên').count()).toBe(0);
      // Clicking the province keeps the commune.
      await page.keyboard.press('Escape');
      await visible(picker(page).getByText('Tỉnh Hà Tĩnh / Xã Thạch Hà'));

      // An area outside the scope planted in storage is ignored.
      await page.evaluate(() =>
        localStorage.setItem(
          'chungtay.area.canbo.thachha',
          JSON.stringify({
            provinceCode: '42',
            provinceName: 'Tỉnh Hà Tĩnh',
            communeCode: '18673',
            communeName: 'Xã Cẩm Xuyên',
            villageId: null,
            villageName: null,
          }),
        ),
      );
      await page.goto('/admin/villages');
      await visible(page.getByRole('heading', { name: 'Thôn/tổ dân phố — Xã Thạch Hà' }));
      // And the server refuses the other commune's list anyway.
      const status = await page.evaluate(async () => (await fetch('/api/villages?commune=18673')).status);
      expect(status).toBe(403);
    } finally {
      await context.close();
    }
  });

  test('the national administrator picks among all provinces', async () => {
    const { context, page } = await newPage(browser);
    try {
      await login(page, 'admin');
      await visible(picker(page).getByText('Toàn quốc'));
      await picker(page).click();
      await visible(item(page, 0, 'Thành phố Hà Nội'));
      await expect.poll(() => column(page, 0).locator('.ant-cascader-menu-item').count()).toBe(34);
      await item(page, 0, 'Tỉnh Hà Tĩnh').click();
      await item(page, 1, 'Xã Cẩm Xuyên').click();
      await visible(item(page, 2, 'Thôn 1'));
      await page.keyboard.press('Escape');
      await visible(picker(page).getByText('Tỉnh Hà Tĩnh / Xã Cẩm Xuyên'));
    } finally {
      await context.close();
    }
  });

  test('on a phone, the commune user’s commune is fixed and a village can be picked', async () => {
    const { context, page } = await newPage(browser, PHONE);
    try {
      await login(page, 'canbo.thachha');
      await page.getByRole('button', { name: 'Địa bàn làm việc' }).click();
      const drawer = page.getByRole('dialog', { name: 'Địa bàn làm việc' });
      await visible(drawer.getByText('Xã Thạch Hà'));
      expect(await drawer.getByLabel('Xã, phường, đặc khu').isDisabled()).toBe(true);
      expect(await drawer.getByLabel('Tỉnh, thành phố').isDisabled()).toBe(true);
      await drawer.getByLabel('Thôn, tổ dân phố').click();
      await chooseOption(page, 'Thôn 3');
      await drawer.getByRole('button', { name: 'Áp dụng' }).click();
      await visible(
        page.getByRole('button', { name: 'Địa bàn làm việc' }).getByText('Tỉnh Hà Tĩnh / Xã Thạch Hà / Thôn 3'),
      );
    } finally {
      await context.close();
    }
  });
});
