import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { chooseOption, hidden, launchBrowser, login, newPage, screenshot, typeDate, visible } from './support';

let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
});

/** Type into a searchable select of the dialog and choose the option with that exact text. */
async function pick(page: Page, dialog: Locator, label: string, typed: string, option: string) {
  await dialog.getByLabel(label, { exact: true }).fill(typed);
  await chooseOption(page, option);
}

/** Where, who, when and the money: the fields a new model and a copy share. */
async function fillPlace(page: Page, dialog: Locator, commune: string, start: string) {
  await pick(page, dialog, 'Xã/phường', commune, commune);
  await pick(page, dialog, 'Đơn vị chủ trì', 'Hội Nông dân tỉnh', 'Hội Nông dân tỉnh Hà Tĩnh');
  await typeDate(page, 'Ngày bắt đầu', start, dialog);
  await pick(
    page,
    dialog,
    'Nguồn',
    'Dự án 2',
    'CTMTQG giảm nghèo bền vững 2021–2025, Dự án 2: Đa dạng hóa sinh kế, phát triển mô hình giảm nghèo',
  );
  await dialog.getByLabel('Số tiền (đồng)').fill('200000000');
}

// One long flow through four dialogs: minutes on a loaded machine.
describe('poverty-reduction models', { timeout: 300_000 }, () => {
  test('a provincial officer creates a model, adds a household that later escaped poverty, sees its outcome, and replicates the model', async () => {
    const { context, page } = await newPage(browser);
    const name = `Nuôi bò sinh sản ${Date.now().toString(36)}`;
    try {
      await login(page, 'tinh.giamngheo');
      // A household of Thạch Hà on the 2023 poor list and no longer poor in its latest list, per the registry.
      const poor = (await (
        await page.request.get('/api/households?commune=18562&year=2023&category=poor&limit=200')
      ).json()) as { items: { code: string; headName: string; status: { year: number; category: string } | null }[] };
      const household = poor.items.find((h) => h.status && h.status.year > 2023 && h.status.category !== 'poor');
      expect(household, 'a demo household out of poverty since 2023').toBeDefined();

      await page.goto('/ho-tro/mo-hinh');
      await visible(page.getByRole('heading', { name: 'Mô hình giảm nghèo' }));
      await page.getByRole('button', { name: 'Thêm mô hình' }).click();
      const create = page.getByRole('dialog', { name: 'Thêm mô hình giảm nghèo' });
      await create.getByLabel('Tên mô hình').fill(name);
      await pick(page, create, 'Loại mô hình', 'Chăn', 'Chăn nuôi');
      await fillPlace(page, create, 'Thạch Hà', '01/02/2023');
      await create
        .getByLabel('Kết quả dự kiến')
        .fill('Mỗi hộ có một con bò cái sinh sản; hộ nghèo thoát nghèo sau 3 năm');
      await create.getByRole('button', { name: 'Lưu' }).click();
      await hidden(create);
      await visible(page.getByRole('heading', { name }));
      await visible(page.getByText('Chưa có hộ tham gia'));

      await page.getByRole('button', { name: 'Thêm hộ tham gia' }).click();
      const join = page.getByRole('dialog', { name: 'Thêm hộ tham gia mô hình' });
      await pick(page, join, 'Hộ', household!.code, `${household!.code} — ${household!.headName}`);
      await typeDate(page, 'Ngày tham gia', '01/03/2023', join);
      await pick(page, join, 'Loại hỗ trợ', 'sản xuất', 'Hỗ trợ sản xuất, con giống, cây giống');
      await pick(
        page,
        join,
        'Nguồn',
        'Dự án 2',
        'CTMTQG giảm nghèo bền vững 2021–2025, Dự án 2: Đa dạng hóa sinh kế, phát triển mô hình giảm nghèo',
      );
      await join.getByLabel('Giá trị (đồng)').fill('25000000');
      await join.getByRole('button', { name: 'Thêm hộ tham gia' }).click();
      await hidden(join);
      await visible(page.getByText('Đã thêm hộ tham gia'));
      const row = page.getByRole('row', { name: new RegExp(household!.code) });
      await visible(row.getByText('Thoát nghèo'));
      await visible(row.getByText('Hỗ trợ sản xuất, con giống, cây giống: 25.000.000 đ'));
      await screenshot(page, 'model');

      await page.getByRole('button', { name: 'Nhân rộng' }).click();
      const copy = page.getByRole('dialog', { name: 'Nhân rộng mô hình sang xã khác' });
      await fillPlace(page, copy, 'Cẩm Xuyên', '01/03/2025');
      await copy.getByRole('button', { name: 'Nhân rộng' }).click();
      await hidden(copy);
      await visible(page.getByText('Đã nhân rộng mô hình'));
      await visible(page.getByText('Nhân rộng từ'));
      await visible(page.getByRole('link', { name }));
      const comparison = page
        .locator('.ant-card')
        .filter({ hasText: 'So sánh kết quả mô hình gốc và các bản nhân rộng' });
      await visible(comparison.getByText('Gốc', { exact: true }));
      await visible(comparison.getByRole('row', { name: /Xã Cẩm Xuyên/u }));
      expect(await comparison.getByRole('row').count()).toBe(3); // the header, the original, the copy
      await screenshot(page, 'model-replicated');
    } finally {
      await context.close();
    }
  });
});
