import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { chooseOption, hidden, launchBrowser, login, newPage, screenshot, visible } from './support';

let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
});

describe('the Fund for the Poor', () => {
  test('a commune Front officer records a donation, opens its receipt, spends on a household and reverses a wrong posting', async () => {
    const { context, page } = await newPage(browser);
    const donor = `Nguyễn Văn Kiểm ${Date.now().toString(36)}`;
    try {
      await login(page, 'mttq.thachha');
      await page.goto('/fund');
      await visible(page.getByRole('heading', { name: 'Quỹ "Vì người nghèo"' }));
      await page.getByRole('link', { name: 'Quỹ "Vì người nghèo" xã Thạch Hà' }).click();
      await visible(page.getByRole('heading', { name: 'Quỹ "Vì người nghèo" xã Thạch Hà' }));
      await visible(page.getByText('Ủng hộ qua VietQR'));

      // A donation of 2.500.000 đ in cash.
      await page.getByRole('button', { name: 'Ghi thu' }).click();
      const receipt = page.getByRole('dialog', { name: /^Ghi thu/u });
      await visible(receipt);
      await receipt.getByLabel('Số tiền (đồng)').fill('2500000');
      await receipt.getByLabel('Họ tên / tên đơn vị').fill(donor);
      await receipt.getByRole('button', { name: 'Ghi thu' }).click();
      await hidden(receipt);
      await visible(page.getByText(/Đã ghi thu, biên lai số \d{4}-\d{6}/u));
      const row = page.locator('.ant-table-row').filter({ hasText: donor }).filter({ hasText: 'Biên lai' });
      await visible(row);
      expect(await row.textContent()).toContain('2.500.000 đ');

      // The public page (no login needed) names the donor, who agreed to it.
      const publicPath = await page.getByRole('link', { name: 'Trang công khai' }).getAttribute('href');
      const visitor = await browser.newContext({ baseURL: page.url(), locale: 'vi-VN' });
      const publicPage = await visitor.newPage();
      await publicPage.goto(publicPath!);
      await visible(publicPage.getByRole('heading', { name: 'Quỹ "Vì người nghèo" xã Thạch Hà' }));
      await visible(publicPage.getByRole('cell', { name: donor }));
      // Back to the officer's window (a page in the background runs no animations).
      await page.bringToFront();

      // Its receipt, as the browser opens it.
      const href = await row.getByRole('link', { name: /Biên lai/u }).getAttribute('href');
      const pdf = await page.request.get(href!);
      expect(pdf.status()).toBe(200);
      expect(pdf.headers()['content-type']).toBe('application/pdf');
      expect((await pdf.body()).subarray(0, 5).toString()).toBe('%PDF-');

      // Spending on a household of the registry, found by its code.
      const households = await page.request.get('/api/households?commune=18562&limit=1');
      const household = (await households.json()).items[0] as { code: string; headName: string };
      await page.getByRole('button', { name: 'Ghi chi' }).click();
      const spend = page.getByRole('dialog', { name: /^Ghi chi/u });
      await visible(spend);
      await spend.getByLabel('Số tiền (đồng)').fill('1500000');
      await spend.getByLabel('Mục đích chi').click();
      await chooseOption(page, 'Học tập, học bổng');
      await spend.getByLabel('Hộ được hỗ trợ').click();
      await page.keyboard.type(household.code);
      await chooseOption(page, `${household.code} — ${household.headName}`);
      await spend.getByLabel('Số quyết định phê duyệt').fill('99/QĐ-MTTQ');
      await spend.getByRole('button', { name: 'Ghi chi' }).click();
      await hidden(spend);
      await visible(page.locator('.ant-table-row').filter({ hasText: '99/QĐ-MTTQ' }));

      // The donation was entered wrongly: reversed, with the reason.
      await row.getByRole('button', { name: 'Hủy bút toán' }).click();
      const reverse = page.getByRole('dialog', { name: /^Hủy bút toán/u });
      await visible(reverse);
      await reverse.getByRole('button', { name: 'Hủy bút toán' }).click();
      await visible(reverse.getByText('Hãy nêu lý do hủy.'));
      await reverse.getByLabel('Lý do hủy').fill('Ghi nhầm nhà hảo tâm');
      await reverse.getByRole('button', { name: 'Hủy bút toán' }).click();
      await hidden(reverse);
      await visible(row.getByText('Đã hủy'));
      await visible(page.locator('.ant-table-row').filter({ hasText: 'Ghi nhầm nhà hảo tâm' }));
      expect(await row.getByRole('button', { name: 'Hủy bút toán' }).count()).toBe(0);

      // The reversed donation leaves the public page.
      await publicPage.reload();
      await visible(publicPage.getByText('Các khoản ủng hộ'));
      await hidden(publicPage.getByRole('cell', { name: donor }));
      await visitor.close();

      // The spending is the household's support record (one fact): its row leads there.
      await page
        .locator('.ant-table-row')
        .filter({ hasText: '99/QĐ-MTTQ' })
        .first()
        .getByRole('link', { name: 'Hộ nhận và hồ sơ hỗ trợ' })
        .click();
      await visible(page.getByRole('tab', { name: 'Hỗ trợ đã nhận', selected: true }));
      await visible(page.getByRole('cell', { name: '99/QĐ-MTTQ' }));
    } finally {
      await context.close();
    }
  });

  test('a donation in kind lists its items, their total is the amount, and its receipt shows them', async () => {
    const { context, page } = await newPage(browser);
    const donor = `Hợp tác xã Đồng Tiến ${Date.now().toString(36)}`;
    try {
      await login(page, 'mttq.thachha');
      await page.goto('/fund');
      await page.getByRole('link', { name: 'Quỹ "Vì người nghèo" xã Thạch Hà' }).click();
      await page.getByRole('button', { name: 'Ghi thu' }).click();
      const receipt = page.getByRole('dialog', { name: /^Ghi thu/u });
      await visible(receipt);
      await receipt.getByLabel('Hình thức').click();
      await chooseOption(page, 'Hiện vật');
      await receipt.getByLabel('Họ tên / tên đơn vị').fill(donor);

      // No item listed: refused in the form.
      await receipt.getByRole('button', { name: 'Ghi thu' }).click();
      await visible(receipt.getByText('Hãy liệt kê ít nhất một hiện vật.'));

      await receipt.getByRole('button', { name: 'Thêm hiện vật' }).click();
      await receipt.getByLabel('Tên hiện vật 1').fill('Gạo tẻ');
      await receipt.getByLabel('Số lượng 1').fill('200');
      await receipt.getByLabel('Đơn vị tính 1').fill('kg');
      await receipt.getByLabel('Giá trị quy đổi (đồng) 1').fill('3000000');
      await receipt.getByRole('button', { name: 'Thêm hiện vật' }).click();
      await receipt.getByLabel('Tên hiện vật 2').fill('Chăn ấm');
      await receipt.getByLabel('Số lượng 2').fill('10');
      await receipt.getByLabel('Đơn vị tính 2').fill('cái');
      await receipt.getByLabel('Giá trị quy đổi (đồng) 2').fill('1500000');
      // The amount is the items' total, not typed.
      await visible(receipt.getByText('Tổng giá trị quy đổi: 4.500.000 đ'));
      expect(await receipt.getByLabel('Số tiền (đồng)').inputValue()).toBe('4.500.000');
      await screenshot(page, 'fund-receipt-in-kind', false);
      await receipt.getByRole('button', { name: 'Ghi thu' }).click();
      await hidden(receipt);
      await visible(page.getByText(/Đã ghi thu, biên lai số \d{4}-\d{6}/u));

      const row = page.locator('.ant-table-row').filter({ hasText: donor });
      await visible(row.getByText('Gạo tẻ: 200 kg (3.000.000 đ); Chăn ấm: 10 cái (1.500.000 đ)'));
      expect(await row.textContent()).toContain('4.500.000 đ');
      const href = await row.getByRole('link', { name: /Biên lai/u }).getAttribute('href');
      const pdf = await page.request.get(href!);
      expect(pdf.status()).toBe(200);
      expect(pdf.headers()['content-type']).toBe('application/pdf');

      // The donor withdraws consent to be named: corrected on the donors tab, gone from the public page.
      await page.getByRole('tab', { name: 'Nhà hảo tâm' }).click();
      const search = page.getByRole('searchbox', { name: 'Tìm kiếm' });
      await search.fill(donor.replace('Hợp tác xã', 'hop tac xa'));
      await search.press('Enter');
      // The ledger's tab, hidden, keeps its row of the same donor.
      const donorRow = page
        .getByRole('tabpanel', { name: 'Nhà hảo tâm' })
        .locator('.ant-table-row')
        .filter({ hasText: donor });
      await visible(donorRow.getByText('Được nêu tên'));
      expect(await donorRow.textContent()).toContain('4.500.000 đ');
      await donorRow.getByRole('button', { name: 'Sửa thông tin' }).click();
      const edit = page.getByRole('dialog', { name: /^Sửa thông tin/u });
      await edit.getByLabel('Điện thoại').fill('0239 3855 123');
      await edit.getByText('Đồng ý công khai tên').click();
      await screenshot(page, 'fund-donor-edit', false);
      await edit.getByRole('button', { name: 'Lưu' }).click();
      await hidden(edit);
      await visible(donorRow.getByText('Ghi "Nhà hảo tâm"'));
      await visible(donorRow.getByText('0239 3855 123'));
      const publicPath = await page.getByRole('link', { name: 'Trang công khai' }).getAttribute('href');
      const visitor = await browser.newContext({ baseURL: page.url(), locale: 'vi-VN' });
      const publicPage = await visitor.newPage();
      await publicPage.goto(publicPath!);
      await visible(publicPage.getByText('Các khoản ủng hộ'));
      await hidden(publicPage.getByRole('cell', { name: donor }));
      await visitor.close();
    } finally {
      await context.close();
    }
  });

  test('the administrator checks the ledger', async () => {
    const { context, page } = await newPage(browser);
    try {
      await login(page, 'tinh.quantri');
      await page.goto('/admin/ledger');
      await visible(page.getByRole('heading', { name: 'Kiểm tra sổ quỹ' }));
      await visible(page.getByText(/Mọi chuỗi nguyên vẹn \(\d+ quỹ\)/u));
    } finally {
      await context.close();
    }
  });
});
