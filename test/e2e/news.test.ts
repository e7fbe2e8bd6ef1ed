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

describe('an activity told on the public site', () => {
  test('an officer attaches a photo to an activity, publishes news of it, anyone reads it, and it is withdrawn', async () => {
    const { context, page } = await newPage(browser);
    const visitor = await newPage(browser);
    const suffix = Date.now().toString(36).toUpperCase();
    const title = `Tuyên truyền chuẩn nghèo mới ${suffix}`;
    const caption = `Người dân nghe tuyên truyền ${suffix}`;
    try {
      await login(page, 'tinh.mttq');
      await page.goto('/coordination?tab=activities');
      await page.locator('table a').first().click();
      const drawer = page.getByRole('dialog').filter({ hasText: 'Tệp đính kèm' });
      await visible(drawer.getByText('Tệp đính kèm'));

      // A photo of this run (its bytes differ each time) with a caption.
      const photo = await page.screenshot({ type: 'png' });
      await drawer.getByLabel('Chú thích').fill(caption);
      const chooser = page.waitForEvent('filechooser');
      await drawer.getByRole('button', { name: 'Tải tệp lên' }).click();
      await (await chooser).setFiles({ name: `anh-${suffix}.png`, mimeType: 'image/png', buffer: photo });
      await visible(drawer.locator('figcaption', { hasText: caption }));
      await screenshot(page, 'activity-drawer');

      // A file that is not a photo or a document is refused, saying why.
      const refused = page.waitForEvent('filechooser');
      await drawer.getByRole('button', { name: 'Tải tệp lên' }).click();
      await (
        await refused
      ).setFiles({ name: 'anh.jpg', mimeType: 'image/jpeg', buffer: Buffer.from('MZ không phải ảnh') });
      await visible(page.getByText('không phải loại được nhận'));

      // News of the activity, with that photo.
      await drawer.getByRole('button', { name: 'Đăng tin về hoạt động này' }).click();
      const modal = page.getByRole('dialog', { name: 'Đăng tin về hoạt động này' });
      await modal.getByLabel('Tiêu đề').fill(title);
      await modal
        .getByLabel('Nội dung')
        .fill('Cán bộ Mặt trận đến từng hộ giải thích chuẩn nghèo giai đoạn 2027–2030.');
      await modal.locator('.ant-checkbox-wrapper', { has: page.locator(`img[alt="${caption}"]`) }).click();
      await modal.getByRole('button', { name: 'Lưu' }).click();
      await visible(page.getByText('Đã lưu tin.'));
      await page.keyboard.press('Escape');

      await page.goto('/coordination?tab=news');
      await page.getByPlaceholder('Tìm theo tiêu đề, tóm tắt').fill(suffix);
      await page.keyboard.press('Enter');
      const row = page.locator('tr', { hasText: title });
      await row.getByRole('button', { name: 'Đăng lên trang công khai' }).click();
      await visible(row.getByText('Đã đăng'));

      // Anyone, without signing in, finds it in the latest news and reads it with its photo.
      await visitor.page.goto('/tin-tuc');
      await visitor.page.getByRole('link', { name: title }).click();
      await visible(visitor.page.getByRole('heading', { name: title }));
      const image = visitor.page.locator(`img[alt="${caption}"]`);
      await visible(image);
      await visitor.page.waitForFunction(
        (alt) => (document.querySelector(`img[alt="${alt}"]`) as HTMLImageElement | null)?.naturalWidth ?? 0,
        caption,
      );
      await visible(visitor.page.getByText(caption, { exact: true }));
      await screenshot(visitor.page, 'news-public-item');
      const address = visitor.page.url();

      // Withdrawn with a reason, it is gone from the public site.
      await row.getByRole('button', { name: 'Gỡ tin' }).click();
      const withdrawal = page.getByRole('dialog', { name: `Gỡ tin "${title}" khỏi trang công khai` });
      await withdrawal.getByLabel('Lý do gỡ').fill('Ảnh chưa xin phép người dân');
      await withdrawal.getByRole('button', { name: 'Gỡ tin' }).click();
      await visible(row.getByText('Ảnh chưa xin phép người dân'));
      await visitor.page.goto(address);
      await visible(visitor.page.getByText('Không tìm thấy'));
      await hidden(visitor.page.getByRole('heading', { name: title }));
      expect(await visitor.page.locator(`img[alt="${caption}"]`).count()).toBe(0);
    } finally {
      await context.close();
      await visitor.context.close();
    }
  });
});
