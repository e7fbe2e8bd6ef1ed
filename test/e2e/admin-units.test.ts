import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { hidden, launchBrowser, login, newPage, screenshot, visible } from './support';

let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
});

describe('administrative units', () => {
  test('the former Trà Vinh shows that it became Vĩnh Long', async () => {
    const { context, page } = await newPage(browser);
    try {
      await login(page, 'canbo.thachha');
      await page.goto('/admin/units/84');
      await visible(page.getByText('Đã sắp xếp, sáp nhập'));
      await visible(page.getByRole('link', { name: 'Tỉnh Vĩnh Long' }));
    } finally {
      await context.close();
    }
  });

  test('a provincial administrator adds a missing predecessor of Thạch Hà, then removes it with a reason', async () => {
    const { context, page } = await newPage(browser);
    try {
      await login(page, 'tinh.quantri');
      await page.goto('/admin/units/18562');
      await visible(page.getByRole('heading', { name: /Xã Thạch Hà/u }));
      const before = await page.getByRole('link', { name: 'Xã Cẩm Quang' }).count();
      expect(before).toBe(0);

      await page.getByRole('button', { name: 'Thêm đơn vị tiền thân' }).click();
      const add = page.getByRole('dialog', { name: 'Thêm đơn vị tiền thân' });
      await visible(add);
      await add.getByLabel('Mã đơn vị cũ (trước 01/7/2025)').fill('18697');
      await add.getByText('Một phần').click();
      await screenshot(page, 'desktop-admin-unit-succession', false);
      await add.getByRole('button', { name: 'Xác nhận' }).click();
      await hidden(add);
      await visible(page.getByText('Đã lưu liên kết kế thừa.'));
      const row = page.locator('.ant-table-row').filter({ hasText: 'Xã Cẩm Quang' });
      await visible(row.getByText('Một phần'));

      await row.getByRole('button', { name: 'Gỡ' }).click();
      const remove = page.getByRole('dialog', { name: 'Gỡ liên kết với Xã Cẩm Quang' });
      await remove.getByLabel('Lý do gỡ').fill('Nhập nhầm khi kiểm thử');
      await remove.getByRole('button', { name: 'Gỡ' }).click();
      await hidden(remove);
      await hidden(page.getByRole('link', { name: 'Xã Cẩm Quang' }));
    } finally {
      await context.close();
    }
  });

  test('a commune officer sees the succession but no buttons to change it', async () => {
    const { context, page } = await newPage(browser);
    try {
      await login(page, 'canbo.thachha');
      await page.goto('/admin/units/18562');
      await visible(page.getByRole('link', { name: 'Xã Thạch Sơn' }));
      expect(await page.getByRole('button', { name: 'Thêm đơn vị tiền thân' }).count()).toBe(0);
    } finally {
      await context.close();
    }
  });
});
