import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { chromium, type Browser, type BrowserContext, type Locator, type Page } from 'playwright-core';
import { inject } from 'vitest';

export const CHROMIUM = '/usr/bin/chromium';
export const DEMO_PASSWORD = 'ChungTay@2026';
export const DESKTOP = { width: 1366, height: 900 };
export const PHONE = { width: 375, height: 812 };
export const SCREENSHOT_DIR = path.resolve(import.meta.dirname, '../../test-results/screenshots');

export function baseUrl(): string {
  return inject('baseUrl');
}

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

export async function newPage(
  browser: Browser,
  viewport: { width: number; height: number } = DESKTOP,
): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({
    baseURL: baseUrl(),
    viewport,
    locale: 'vi-VN',
    timezoneId: 'Asia/Ho_Chi_Minh',
    isMobile: viewport.width < 768,
    hasTouch: viewport.width < 768,
  });
  const page = await context.newPage();
  page.setDefaultTimeout(15_000);
  return { context, page };
}

/** Wait until the locator is visible (playwright-core has no auto-waiting `expect`). */
export async function visible(locator: Locator, timeout = 15_000): Promise<Locator> {
  await locator.first().waitFor({ state: 'visible', timeout });
  return locator.first();
}

/**
 * Wait until the locator is gone. A dialog that stays open usually says why (a field's error, a
 * refusal from the server); the failure carries that text, since CI keeps only the log.
 */
export async function hidden(locator: Locator, timeout = 15_000): Promise<void> {
  try {
    await locator.first().waitFor({ state: 'hidden', timeout });
  } catch (error) {
    const said = await locator
      .page()
      .locator('.ant-form-item-explain-error, .ant-message-notice, .ant-alert-message')
      .allInnerTexts()
      .catch(() => []);
    throw new Error(`still shown after ${timeout} ms; the page says: ${said.join(' | ') || 'nothing'}`, {
      cause: error,
    });
  }
}

/** Fill the Vietnamese login form and submit it. */
export async function submitLogin(page: Page, username: string, password: string): Promise<void> {
  await page.goto('/login');
  await page.getByLabel('Tên đăng nhập').fill(username);
  await page.getByLabel('Mật khẩu', { exact: true }).fill(password);
  await page.getByRole('button', { name: 'Đăng nhập' }).click();
}

/** Sign in and wait for the dashboard greeting. */
export async function login(page: Page, username: string, password = DEMO_PASSWORD): Promise<void> {
  await submitLogin(page, username, password);
  await visible(page.getByRole('heading', { name: /^Xin chào, / }));
}

/** Choose an option of an open antd Select/Cascader dropdown by its exact text. */
export async function chooseOption(page: Page, text: string): Promise<void> {
  const title = text.replace(/["\\]/gu, '\\$&'); // quotes inside the attribute selector
  const option = page.locator(`.ant-select-dropdown:visible .ant-select-item-option[title="${title}"]`);
  await option.click();
  // The list closes with an animation; until it is gone it covers what lies under it. Twice in CI
  // (2 cores, loaded) a list was still open long after the click, once for 45 s — probably the
  // click landed while the list was still opening. A list still showing the option is clicked again
  // (choosing the same option again changes nothing); what was chosen is checked by the caller.
  const closed = () =>
    page.waitForFunction(
      () => document.querySelectorAll('.ant-select-dropdown:not(.ant-select-dropdown-hidden)').length === 0,
      undefined,
      { timeout: 15_000 },
    );
  for (let attempt = 1; ; attempt++) {
    try {
      await closed();
      return;
    } catch (error) {
      if (attempt === 3) throw error;
      if (await option.isVisible()) await option.click();
    }
  }
}

/** Type a date into an antd date picker in dd/mm/yyyy and confirm it. */
export async function typeDate(page: Page, label: string, value: string, scope = page.locator('body')): Promise<void> {
  const input = scope.getByLabel(label, { exact: true });
  await input.click();
  await input.fill(value);
  await input.press('Enter');
}

/** A PNG in test-results/screenshots; overlays (dialogs, drawers) are taken at viewport size. */
export async function screenshot(page: Page, name: string, fullPage = true): Promise<void> {
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  await page.screenshot({ path: path.join(SCREENSHOT_DIR, `${name}.png`), fullPage });
}

/** A household as the API answers it (the fields the tests read). */
export interface CreatedHousehold {
  id: string;
  code: string;
  headName: string;
  version: number;
}

/** A member as POST /api/households takes it (the fields the tests set). */
export type MemberBody = Record<string, string | boolean | null>;

/**
 * Through the API, as the page's signed-in session: a household of Thạch Hà's first village with
 * a head (born 1980) and a 7-year-old child without health insurance, then `more` members.
 */
export async function createHousehold(
  page: Page,
  code: string,
  headName: string,
  more: MemberBody[] = [],
  headCitizenId: string | null = null,
  /** False: the dwelling is not recorded at all. */
  withDwelling = true,
): Promise<CreatedHousehold> {
  return page.evaluate(
    async ({ code, headName, more, headCitizenId, withDwelling }) => {
      const me = (await (await fetch('/api/auth/me')).json()) as { csrfToken: string };
      const villages = (await (await fetch('/api/villages?commune=18562&limit=5')).json()) as {
        items: { id: string }[];
      };
      const response = await fetch('/api/households', {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-csrf-token': me.csrfToken },
        body: JSON.stringify({
          communeCode: '18562',
          villageId: villages.items[0]!.id,
          code,
          address: 'Thôn 1, xã Thạch Hà',
          area: 'rural',
          members: [
            {
              fullName: headName,
              dateOfBirth: '1980-04-02',
              sex: 'male',
              relation: 'head',
              citizenId: headCitizenId,
              healthInsurance: true,
              work: 'own_account',
              education: 'lower_secondary',
            },
            {
              fullName: 'Trần Thị Na',
              dateOfBirth: '2019-05-10',
              sex: 'female',
              relation: 'child',
              attending: 'primary',
            },
            ...more,
          ],
          dwelling: withDwelling
            ? {
                walls: 'durable',
                frame: 'durable',
                roof: 'non_durable',
                floorArea: 40,
                cleanWater: true,
                hygienicLatrine: false,
                telecomSubscription: true,
                devices: ['tv', 'phone'],
                hearsLoudspeaker: true,
                internetUse: true,
                wasteHandledHygienically: true,
              }
            : undefined,
        }),
      });
      if (response.status !== 201) throw new Error(`create household: ${response.status} ${await response.text()}`);
      return (await response.json()) as { id: string; code: string; headName: string; version: number };
    },
    { code, headName, more, headCitizenId, withDwelling },
  );
}
