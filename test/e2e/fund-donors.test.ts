import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { hidden, launchBrowser, login, newPage, screenshot, visible } from './support';

let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
});

/** A cash donation recorded from the fund page, by a donor who agrees to be named. */
async function give(page: Page, amount: string, donor: string) {
  await page.getByRole('button', { name: 'Ghi thu' }).click();
  const receipt = page.getByRole('dialog', { name: /^Ghi thu/u });
  await visible(receipt);
  await receipt.getByLabel('Số tiền (đồng)').fill(amount);
  await receipt.getByLabel('Họ tên / tên đơn vị').fill(donor);
  await receipt.getByRole('button', { name: 'Ghi thu' }).click();
  await hidden(receipt);
}

describe('duplicate donors', () => {
  test('a company entered twice is merged from the donors tab: one donor, its total, one name on the public page; then split off again', async () => {
    const { context, page } = await newPage(browser);
    const tag = Date.now().toString(36);
    const kept = `Công ty TNHH Minh Phát ${tag}`;
    const duplicate = `Cty TNHH Minh Phát ${tag}`;
    try {
      await login(page, 'mttq.thachha');
      await page.goto('/fund');
      await page.getByRole('link', { name: 'Quỹ "Vì người nghèo" xã Thạch Hà' }).click();
      await visible(page.getByRole('heading', { name: 'Quỹ "Vì người nghèo" xã Thạch Hà' }));
      await give(page, '2000000', kept);
      await give(page, '1500000', duplicate);

      const publicPath = await page.getByRole('link', { name: 'Trang công khai' }).getAttribute('href');
      const visitor = await browser.newContext({ baseURL: page.url(), locale: 'vi-VN' });
      const publicPage = await visitor.newPage();
      const publicNames = async (name: string) => {
        await publicPage.goto(publicPath!);
        await visible(publicPage.getByText('Các khoản ủng hộ'));
        return publicPage.getByRole('cell', { name, exact: true }).count();
      };
      expect(await publicNames(duplicate)).toBe(1);
      await page.bringToFront();

      // The donors tab suggests the two as likely duplicates.
      await page.getByRole('tab', { name: 'Nhà hảo tâm' }).click();
      const tab = page.getByRole('tabpanel', { name: 'Nhà hảo tâm' });
      const group = tab.getByTestId('duplicate-group').filter({ hasText: kept });
      await visible(group);
      const search = page.getByRole('searchbox', { name: 'Tìm kiếm' });
      await search.fill(`minh phat ${tag}`);
      await search.press('Enter');
      const rows = tab.locator('.ant-table-row');
      // Both new donors may be on the list's first page before the search answers: wait for its answer.
      await expect.poll(() => rows.count()).toBe(2);
      await visible(rows.filter({ hasText: duplicate }));

      // Merged into the bigger giver; the dialog says whose consent applies.
      await group.getByRole('button', { name: `Gộp "${duplicate}" (1.500.000 đ) vào "${kept}"` }).click();
      const merge = page.getByRole('dialog', { name: /^Gộp nhà hảo tâm nhập trùng/u });
      await visible(merge.getByText(`các khoản này sẽ được nêu tên "${kept}"`, { exact: false }));
      await merge.getByLabel('Lý do').fill('Cùng mã số thuế');
      await screenshot(page, 'fund-donor-merge', false);
      await merge.getByRole('button', { name: 'Gộp', exact: true }).click();
      await hidden(merge);
      await visible(page.getByText(`Đã gộp "${duplicate}".`));

      // One donor left, with both donations; the duplicate is listed under it.
      const keptRow = rows.filter({ hasText: kept });
      await visible(keptRow.getByText(`Đã gộp vào đây: ${duplicate}`));
      expect(await rows.count()).toBe(1);
      expect(await keptRow.textContent()).toContain('3.500.000 đ');
      await hidden(group);
      await screenshot(page, 'fund-donor-merged', false);

      // The public page shows one donor for both donations.
      expect(await publicNames(duplicate)).toBe(0);
      expect(await publicNames(kept)).toBe(2);
      await page.bringToFront();

      // Wrongly merged after all: split off again, with the reason.
      await keptRow.getByRole('button', { name: 'Tách ra' }).click();
      const unmerge = page.getByRole('dialog', { name: /^Tách/u });
      await unmerge.getByRole('button', { name: 'Tách ra' }).click();
      await visible(unmerge.getByText('Cần ghi lý do tách'));
      await unmerge.getByLabel('Lý do').fill('Hai công ty khác nhau');
      await unmerge.getByRole('button', { name: 'Tách ra' }).click();
      await hidden(unmerge);
      // Both new donors may be on the list's first page before the search answers: wait for its answer.
      await expect.poll(() => rows.count()).toBe(2);
      await visible(rows.filter({ hasText: duplicate }));
      expect(await keptRow.textContent()).toContain('2.000.000 đ');
      expect(await publicNames(duplicate)).toBe(1);
      await visitor.close();
    } finally {
      await context.close();
    }
  });
});
