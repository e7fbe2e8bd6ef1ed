import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { baseUrl, launchBrowser, login, newPage, visible } from './support';

let browser: Browser;
let dir: string;

beforeAll(async () => {
  browser = await launchBrowser();
  dir = mkdtempSync(path.join(tmpdir(), 'chungtay-standards-'));
});

afterAll(async () => {
  await browser?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

type Definition = Record<string, unknown> & { version: number; lines: { rural: number }[] };

/** The 2027–2030 definition as the public API lists it, without what the list adds. */
async function definition2027(): Promise<Definition> {
  const response = await fetch(`${baseUrl()}/api/public/poverty/standards`);
  const { items } = (await response.json()) as { items: (Definition & { id: string })[] };
  const listed = items.find((s) => s.id === '2027-2030' && s.version === 1)!;
  const { status: _s, source: _o, provinceCode: _p, loadedAt: _l, current: _c, ...definition } = listed;
  return definition as Definition;
}

function writeJson(name: string, value: unknown): string {
  const file = path.join(dir, name);
  writeFileSync(file, JSON.stringify(value, null, 2));
  return file;
}

const row = (page: Page, key: string) => page.locator(`tr[data-row-key="${key}"]`);

async function loadFile(page: Page, file: string): Promise<void> {
  await page.locator('.standards-load input[type="file"]').setInputFiles(file);
}

describe('poverty standards (administration)', () => {
  test('the national administrator loads a corrected standard from JSON, and sees why a file is refused', async () => {
    const { context, page } = await newPage(browser);
    try {
      await login(page, 'admin');
      await page.goto('/admin/standards');
      await visible(page.getByRole('heading', { name: 'Chuẩn nghèo', exact: true }));
      await visible(page.getByRole('menuitem', { name: 'Chuẩn nghèo' }));
      await visible(page.getByText(/tăng số phiên bản/u));

      // The three built-in standards, national, each the current version of its own.
      for (const [id, name] of [
        ['2016-2020', 'Chuẩn nghèo tiếp cận đa chiều giai đoạn 2016–2020'],
        ['2022-2025', 'Chuẩn nghèo đa chiều giai đoạn 2022–2025'],
        ['2027-2030', 'Chuẩn nghèo đa chiều giai đoạn 2027–2030'],
      ] as const) {
        const builtin = row(page, `${id}/national/v1`);
        await visible(builtin.getByText(name, { exact: true }));
        await visible(builtin.getByText('Đang áp dụng'));
        await visible(builtin.getByText('Có sẵn'));
        await visible(builtin.getByText('Toàn quốc'));
      }
      await visible(row(page, '2027-2030/national/v1').getByText('Dự kiến'));
      await visible(row(page, '2022-2025/national/v1').getByText('Nghị định 07/2021/NĐ-CP ngày 27/01/2021'));

      // A correction: version 2 with another rural line, loaded for the whole country.
      const corrected = await definition2027();
      corrected.version = 2;
      corrected.lines[0]!.rural = 2_300_000;
      const file = writeJson('chuan-ngheo-2027-2030-v2.json', corrected);
      await loadFile(page, file);
      await visible(page.getByText('Đã nạp “Chuẩn nghèo đa chiều giai đoạn 2027–2030”, phiên bản 2.'));
      const v2 = row(page, '2027-2030/national/v2');
      await visible(v2.getByText('Đang áp dụng'));
      await visible(v2.getByText('Nạp từ tệp'));
      await visible(row(page, '2027-2030/national/v1').getByText('Đã có bản mới hơn'));

      // Downloaded, it is the file as loaded: ready to be edited and loaded again.
      const [download] = await Promise.all([
        page.waitForEvent('download'),
        page.getByRole('button', { name: 'Tải JSON: Chuẩn nghèo đa chiều giai đoạn 2027–2030, phiên bản 2' }).click(),
      ]);
      expect(download.suggestedFilename()).toBe('chuan-ngheo-2027-2030-v2.json');
      expect(JSON.parse(readFileSync((await download.path())!, 'utf8'))).toEqual(corrected);

      // The same version again is refused: a correction must raise it.
      await loadFile(page, file);
      const failure = page.locator('.standards-failure');
      await visible(failure.getByText('Không nạp được tệp chuan-ngheo-2027-2030-v2.json'));
      await visible(failure.getByText(/đã có phiên bản 2 hoặc mới hơn; hãy tăng số phiên bản/u));

      // A broken file: every problem is listed with its place in the file.
      const broken = writeJson('chuan-ngheo-hong.json', {
        ...corrected,
        version: 3,
        name: { vi: '', en: 'x' },
        lines: corrected.lines.map((l) => ({ ...l, rural: -5 })),
      });
      await loadFile(page, broken);
      await visible(failure.getByText('Không nạp được tệp chuan-ngheo-hong.json'));
      await visible(failure.getByText(/^Cần sửa \d+ chỗ trong tệp:$/u));
      const places = await failure.locator('.standards-problems code').allTextContents();
      expect(places).toContain('name.vi');
      expect(places.some((p) => p.startsWith('lines[0].rural'))).toBe(true);
      expect(await row(page, '2027-2030/national/v3').count()).toBe(0);

      // A file that is not JSON at all is refused before it is sent.
      const notJson = path.join(dir, 'khong-phai-json.json');
      writeFileSync(notJson, '{ "id": ');
      await loadFile(page, notJson);
      await visible(failure.getByText(/^Tệp không đọc được dưới dạng JSON: /u));

      // The menu also leads to the public calculator, which now classifies with version 2.
      await page.getByRole('menuitem', { name: 'Tra cứu chuẩn nghèo' }).click();
      await visible(page.getByRole('heading', { name: 'Tra cứu chuẩn nghèo' }));
      expect(new URL(page.url()).pathname).toBe('/tinh-chuan-ngheo');
    } finally {
      await context.close();
    }
  });

  test('a provincial administrator works in their own province', async () => {
    const { context, page } = await newPage(browser);
    try {
      await login(page, 'tinh.quantri');
      await page.goto('/admin/standards');
      await visible(page.getByRole('heading', { name: 'Chuẩn nghèo', exact: true }));
      const scope = page.getByLabel('Phạm vi', { exact: true });
      expect(await scope.isDisabled()).toBe(true);
      await visible(page.locator('.standards-scope').getByText('Tỉnh Hà Tĩnh'));
      await visible(row(page, '2022-2025/national/v1'));
      await visible(page.getByRole('button', { name: 'Nạp chuẩn từ tệp JSON' }));
    } finally {
      await context.close();
    }
  });
});
