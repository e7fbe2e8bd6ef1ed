import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { hidden, launchBrowser, login, newPage, visible, chooseOption } from './support';

let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
});

describe('villages of the commune', () => {
  test('a commune officer adds, renames and archives a village', async () => {
    const { context, page } = await newPage(browser);
    const name = `Xóm Kiểm Thử ${Date.now().toString(36)}`;
    try {
      await login(page, 'canbo.camxuyen');
      await page.goto('/admin/villages');
      await visible(page.getByRole('heading', { name: 'Thôn/tổ dân phố — Xã Cẩm Xuyên' }));

      await page.getByRole('button', { name: 'Thêm thôn/tổ dân phố' }).click();
      const create = page.getByRole('dialog', { name: 'Thêm thôn/tổ dân phố — Xã Cẩm Xuyên' });
      await visible(create);
      await create.getByLabel('Loại').click();
      await chooseOption(page, 'Xóm');
      await create.getByLabel('Tên').fill(name);
      await create.getByRole('button', { name: 'Thêm thôn/tổ dân phố' }).click();
      await hidden(create);
      await visible(page.getByRole('cell', { name, exact: true }));

      await page.getByRole('button', { name: `Thao tác với ${name}` }).click();
      await page.getByRole('menuitem', { name: 'Đổi tên' }).click();
      const rename = page.getByRole('dialog', { name: `Đổi tên: ${name}` });
      await rename.getByLabel('Tên').fill(`${name} Mới`);
      await rename.getByRole('button', { name: 'Lưu' }).click();
      await hidden(rename);
      await visible(page.getByRole('cell', { name: `${name} Mới`, exact: true }));

      await page.getByRole('button', { name: `Thao tác với ${name} Mới` }).click();
      await page.getByRole('menuitem', { name: 'Lưu trữ' }).click();
      const archive = page.getByRole('dialog', { name: `Lưu trữ: ${name} Mới` });
      // The reason is required.
      await archive.getByRole('button', { name: 'Lưu trữ' }).click();
      await visible(archive.getByText('Hãy nhập lý do lưu trữ.'));
      await archive.getByLabel('Lý do lưu trữ').fill('Sáp nhập vào Thôn 1 theo Nghị quyết của HĐND xã');
      await archive.getByRole('button', { name: 'Lưu trữ' }).click();
      await hidden(archive);
      await hidden(page.getByRole('cell', { name: `${name} Mới`, exact: true }));

      await page.getByText('Hiện cả thôn đã lưu trữ').click();
      const archived = page.locator('.ant-table-row').filter({ hasText: `${name} Mới` });
      await visible(archived);
      expect(await archived.textContent()).toContain('Sáp nhập vào Thôn 1');
    } finally {
      await context.close();
    }
  });

  test('a viewer sees the villages but no buttons to change them', async () => {
    const { context, page } = await newPage(browser);
    try {
      await login(page, 'xem.thachha');
      await page.goto('/admin/villages');
      await visible(page.getByRole('cell', { name: 'Thôn 1', exact: true }));
      expect(await page.getByRole('button', { name: 'Thêm thôn/tổ dân phố' }).count()).toBe(0);
      expect(await page.getByRole('button', { name: /^Thao tác với / }).count()).toBe(0);
    } finally {
      await context.close();
    }
  });
});
