import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import {
  chooseOption,
  createHousehold,
  DESKTOP,
  hidden,
  launchBrowser,
  login,
  newPage,
  PHONE,
  screenshot,
  visible,
} from './support';

/**
 * Screenshots of every page in Vietnamese, on a desktop and a phone, written to
 * test-results/screenshots/ for a person to look at. Each page is also checked for horizontal
 * overflow of the whole document (tables scroll inside themselves instead).
 */
let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
});

const PAGES: { name: string; path: string; ready: string | RegExp }[] = [
  { name: 'dashboard', path: '/', ready: /^Xin chào, / },
  { name: 'households', path: '/ho-gia-dinh', ready: /^Hộ gia đình/ },
  { name: 'household-create', path: '/ho-gia-dinh/them-moi', ready: 'Thêm hộ gia đình — Xã Thạch Hà' },
  { name: 'household-import', path: '/ho-gia-dinh/nhap-excel', ready: 'Nhập hộ gia đình từ Excel' },
  { name: 'review', path: '/ra-soat', ready: 'Rà soát hộ nghèo' },
  { name: 'fund', path: '/fund', ready: 'Quỹ "Vì người nghèo"' },
  { name: 'review-rollup', path: '/ra-soat/tong-hop', ready: 'Tổng hợp kết quả rà soát' },
  { name: 'support', path: '/ho-tro', ready: 'Hỗ trợ & giảm nghèo' },
  { name: 'models', path: '/ho-tro/mo-hinh', ready: 'Mô hình giảm nghèo' },
  { name: 'coordination', path: '/coordination', ready: 'Phối hợp thực hiện' },
  { name: 'coordination-tasks', path: '/coordination?tab=tasks', ready: 'Phối hợp thực hiện' },
  { name: 'coordination-activities', path: '/coordination?tab=activities', ready: 'Phối hợp thực hiện' },
  { name: 'coordination-supervision', path: '/coordination?tab=supervision', ready: 'Phối hợp thực hiện' },
  { name: 'coordination-news', path: '/coordination?tab=news', ready: 'Phối hợp thực hiện' },
  { name: 'news', path: '/tin-tuc', ready: 'Tin tức giảm nghèo' },
  { name: 'coordination-documents', path: '/coordination?tab=documents', ready: 'Phối hợp thực hiện' },
  { name: 'programme-create', path: '/coordination/programmes/new', ready: 'Chương trình phối hợp mới' },
  { name: 'reports', path: '/reports', ready: 'Báo cáo' },
  { name: 'users', path: '/admin/users', ready: 'Người dùng' },
  { name: 'organisations', path: '/admin/organisations', ready: 'Tổ chức' },
  { name: 'villages', path: '/admin/villages', ready: /^Thôn\/tổ dân phố — / },
  { name: 'audit', path: '/admin/audit', ready: 'Nhật ký hệ thống' },
  { name: 'admin-units', path: '/admin/units', ready: 'Đơn vị hành chính' },
  { name: 'admin-unit-province', path: '/admin/units/42', ready: /Tỉnh Hà Tĩnh/ },
  { name: 'admin-unit-commune', path: '/admin/units/18562', ready: /Xã Thạch Hà/ },
  { name: 'standards', path: '/admin/standards', ready: 'Chuẩn nghèo' },
  { name: 'ledger', path: '/admin/ledger', ready: 'Kiểm tra sổ quỹ' },
];

async function settle(page: Page): Promise<void> {
  await page.waitForLoadState('networkidle');
  await page
    .locator('.ant-spin-spinning')
    .first()
    .waitFor({ state: 'detached', timeout: 10_000 })
    .catch(() => undefined);
  await page.waitForTimeout(300);
}

/** Through the API, as the page's own session: add a village to Thạch Hà and rename it. */
async function renameAVillage(page: Page): Promise<void> {
  const status = await page.evaluate(async () => {
    const me = (await (await fetch('/api/auth/me')).json()) as { csrfToken: string };
    const headers = { 'content-type': 'application/json', 'x-csrf-token': me.csrfToken };
    const created = await fetch('/api/villages', {
      method: 'POST',
      headers,
      body: JSON.stringify({ communeCode: '18562', name: `Tổ ảnh ${Date.now()}`, kind: 'to_dan_pho' }),
    });
    const village = (await created.json()) as { id: string; name: string; version: number };
    const renamed = await fetch(`/api/villages/${village.id}`, {
      method: 'PATCH',
      headers,
      body: JSON.stringify({ name: `${village.name} (đổi tên)`, version: village.version }),
    });
    return [created.status, renamed.status];
  });
  expect(status).toEqual([201, 200]);
}

/** Through the API: assess a household for `year` from its registry data. */
async function assessViaApi(page: Page, id: string, year: number, income: number): Promise<void> {
  const status = await page.evaluate(
    async ({ id, year, income }) => {
      const me = (await (await fetch('/api/auth/me')).json()) as { csrfToken: string };
      const response = await fetch(`/api/households/${id}/assessments`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-csrf-token': me.csrfToken },
        body: JSON.stringify({ year, surveyDate: `${year - 1}-11-20`, incomePerCapitaMonthly: income }),
      });
      return response.status;
    },
    { id, year, income },
  );
  expect(status).toBe(201);
}

async function documentOverflow(page: Page): Promise<number> {
  return page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
}

for (const [device, viewport] of [
  ['desktop', DESKTOP],
  ['phone', PHONE],
] as const) {
  describe(`screenshots on ${device}`, () => {
    test('every page', { timeout: 180_000 }, async () => {
      const { context, page } = await newPage(browser, viewport);
      try {
        await page.goto('/login');
        await visible(page.getByRole('heading', { name: 'Đăng nhập' }));
        await screenshot(page, `${device}-login`);

        // The public calculator, before signing in: empty, then with a result.
        await page.goto('/tinh-chuan-ngheo');
        await visible(page.getByRole('heading', { name: 'Tra cứu chuẩn nghèo' }));
        await settle(page);
        await screenshot(page, `${device}-calculator`);
        await page.getByLabel('Thu nhập bình quân đầu người một tháng').fill('1500000');
        for (const name of ['Việc làm', 'Dinh dưỡng', 'Nhà tiêu hợp vệ sinh']) {
          await page.getByRole('checkbox', { name: new RegExp(`^${name}`, 'u') }).check();
        }
        await visible(page.locator('.calc-result .calc-category-large'));
        await page.evaluate(() => window.scrollTo(0, 0));
        await settle(page);
        await screenshot(page, `${device}-calculator-result`);
        const calculatorOverflow = await documentOverflow(page);

        await login(page, 'tinh.quantri');
        // Work in Thạch Hà, so that the village list has content.
        await page.evaluate(() =>
          localStorage.setItem(
            'chungtay.area.tinh.quantri',
            JSON.stringify({
              provinceCode: '42',
              provinceName: 'Tỉnh Hà Tĩnh',
              communeCode: '18562',
              communeName: 'Xã Thạch Hà',
              villageId: null,
              villageName: null,
            }),
          ),
        );
        const overflows: string[] = [];
        for (const p of PAGES) {
          await page.goto(p.path);
          await visible(page.getByRole('heading', { name: p.ready }));
          await settle(page);
          await screenshot(page, `${device}-${p.name}`);
          if ((await documentOverflow(page)) > 0) overflows.push(p.name);
        }

        // A household with two years of assessments: its page, its tabs, the assessment form.
        const household = await createHousehold(page, `ANH-${device}-${Date.now().toString(36)}`, 'Nguyễn Văn Ảnh');
        await assessViaApi(page, household.id, 2025, 1_400_000);
        await assessViaApi(page, household.id, 2026, 2_000_000);
        for (const [name, query] of [
          ['household', ''],
          ['household-dwelling', '?tab=dwelling'],
          ['household-assessments', '?tab=assessments'],
          ['household-history', '?tab=history'],
        ] as const) {
          await page.goto(`/ho-gia-dinh/${household.id}${query}`);
          await visible(page.getByRole('heading', { name: /^Hộ ANH-/u }));
          await settle(page);
          await screenshot(page, `${device}-${name}`);
          if ((await documentOverflow(page)) > 0) overflows.push(name);
        }
        // Its dialogs, and the page in English.
        await page.goto(`/ho-gia-dinh/${household.id}`);
        await settle(page);
        await page.getByRole('button', { name: /Thêm nhân khẩu/u }).click();
        await visible(page.getByRole('dialog'));
        await page.locator('.ant-collapse-header').first().click();
        await page.waitForTimeout(400);
        await screenshot(page, `${device}-household-member-add`, false);
        await page.keyboard.press('Escape');
        await hidden(page.getByRole('dialog'));
        await page.getByRole('button', { name: /Thao tác khác/u }).click();
        await page.getByRole('menuitem', { name: 'Tách hộ' }).click();
        await visible(page.getByRole('dialog'));
        await page.waitForTimeout(400);
        await screenshot(page, `${device}-household-split`, false);
        await page.keyboard.press('Escape');
        await page.evaluate(() => localStorage.setItem('chungtay.lang', 'en'));
        await page.goto(`/ho-gia-dinh/${household.id}?tab=assessments`);
        await visible(page.getByRole('heading', { name: /^Household ANH-/u }));
        await settle(page);
        await screenshot(page, `${device}-household-en`);
        await page.evaluate(() => localStorage.setItem('chungtay.lang', 'vi'));

        await page.goto(`/ho-gia-dinh/${household.id}/danh-gia?year=2026`);
        await visible(page.getByRole('heading', { name: /2026/u }));
        await settle(page);
        await page.locator('[data-indicator="sanitation"]').getByRole('switch').click();
        await page.evaluate(() => window.scrollTo(0, 0));
        await page.waitForTimeout(300);
        await screenshot(page, `${device}-household-assess`);
        if ((await documentOverflow(page)) > 0) overflows.push('household-assess');

        await page.goto('/so-sanh-chuan-ngheo');
        await visible(page.getByRole('heading', { name: 'So sánh chuẩn nghèo' }));
        await page.getByRole('button', { name: 'So sánh' }).click();
        await settle(page);
        await screenshot(page, `${device}-comparison`);
        if ((await documentOverflow(page)) > 0) overflows.push('comparison');

        // A standard refused, with the problems of the file listed.
        await page.goto('/admin/standards');
        await settle(page);
        await page.locator('.standards-load input[type="file"]').setInputFiles({
          name: 'chuan-ngheo-hong.json',
          mimeType: 'application/json',
          buffer: Buffer.from(JSON.stringify({ id: '2027-2030', version: 2, name: { vi: '', en: 'x' } })),
        });
        await visible(page.locator('.standards-problems'));
        await settle(page);
        await screenshot(page, `${device}-standards-refused`);
        if ((await documentOverflow(page)) > 0) overflows.push('standards-refused');

        // Dialogs and drawers.
        await page.goto('/admin/users');
        await settle(page);
        await page.getByRole('button', { name: 'Thêm người dùng' }).click();
        await visible(page.getByRole('dialog'));
        await page.waitForTimeout(400);
        await screenshot(page, `${device}-users-create`, false);
        await page.keyboard.press('Escape');

        await page.goto('/admin/audit');
        await settle(page);
        // A renamed village shows a before/after pair.
        await renameAVillage(page);
        await page.getByLabel('Hành động').click();
        await chooseOption(page, 'Sửa thôn/tổ dân phố');
        await page.getByRole('button', { name: 'Lọc', exact: true }).click();
        await settle(page);
        await page.locator('.ant-table-row-expand-icon').first().click();
        await page.waitForTimeout(300);
        await screenshot(page, `${device}-audit-expanded`);

        if (device === 'phone') {
          await page.goto('/');
          await settle(page);
          await page.getByRole('button', { name: 'Mở danh mục chức năng' }).click();
          await page.waitForTimeout(400);
          await screenshot(page, 'phone-menu', false);
          await page.keyboard.press('Escape');
          await page.waitForTimeout(300);
          await page.getByRole('button', { name: 'Địa bàn làm việc' }).click();
          await page.waitForTimeout(400);
          await screenshot(page, 'phone-area-picker', false);
        } else {
          await page.goto('/');
          await settle(page);
          await page.locator('.area-picker').click();
          await page.waitForTimeout(400);
          await screenshot(page, 'desktop-area-picker', false);
        }
        if (calculatorOverflow > 0) overflows.push('calculator');
        expect(overflows).toEqual([]);
      } finally {
        await context.close();
      }
    });
  });
}
