import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { hidden, launchBrowser, login, newPage, submitLogin, visible, chooseOption } from './support';

let browser: Browser;
let admin: Page;
let closeAdmin: () => Promise<void>;

const username = `kiemthu.${Date.now().toString(36)}`;
const fullName = 'Nguyễn Thị Kiểm Thử';
const newPassword = 'Mật-khẩu-mới-2026';
let initialPassword = '';

beforeAll(async () => {
  browser = await launchBrowser();
  const { context, page } = await newPage(browser);
  admin = page;
  closeAdmin = () => context.close();
  await login(admin, 'admin');
});

afterAll(async () => {
  await closeAdmin?.();
  await browser?.close();
});

/** Type into an antd Select inside `scope` and pick the option with this exact text. */
async function pick(page: Page, scope: ReturnType<Page['getByRole']>, label: string, search: string, option: string) {
  const select = scope.getByLabel(label, { exact: true });
  await select.click();
  await select.fill(search);
  await chooseOption(page, option);
}

function row(page: Page) {
  return page.locator('.ant-table-row').filter({ hasText: username });
}

async function openActions(page: Page) {
  await page.getByRole('button', { name: `Thao tác với ${username}` }).click();
}

async function findUser(page: Page) {
  await page.goto('/admin/users');
  await page.getByRole('searchbox').fill(username);
  await page.getByRole('searchbox').press('Enter');
  await visible(row(page));
}

describe('user administration', () => {
  test('the administrator creates a user and sees the initial password once', async () => {
    await admin.goto('/admin/users');
    await visible(admin.getByRole('heading', { name: 'Người dùng' }));
    await admin.getByRole('button', { name: 'Thêm người dùng' }).click();
    const dialog = admin.getByRole('dialog', { name: 'Thêm người dùng' });
    await visible(dialog);

    // A bad username is refused before anything is sent.
    await dialog.getByLabel('Tên đăng nhập').fill('Tên Có Dấu');
    await dialog.getByRole('button', { name: 'Thêm người dùng' }).click();
    await visible(dialog.getByText('Tên đăng nhập gồm 3–40 ký tự'));

    await dialog.getByLabel('Tên đăng nhập').fill(username);
    await dialog.getByLabel('Họ và tên').fill(fullName);
    await pick(admin, dialog, 'Tỉnh, thành phố', 'ha tinh', 'Tỉnh Hà Tĩnh');
    await pick(admin, dialog, 'Xã, phường, đặc khu', 'thach ha', 'Xã Thạch Hà');
    await dialog.getByLabel('Cán bộ nghiệp vụ').check();
    await dialog.getByRole('button', { name: 'Thêm người dùng' }).click();

    const secret = admin.getByRole('dialog', { name: `Mật khẩu ban đầu của ${username}` });
    await visible(secret);
    initialPassword = ((await secret.getByTestId('secret').textContent()) ?? '').trim();
    expect(initialPassword.length).toBeGreaterThanOrEqual(10);
    await secret.getByRole('button', { name: 'Xong' }).click();
    await hidden(secret);

    await findUser(admin);
    const text = await row(admin).textContent();
    expect(text).toContain(fullName);
    expect(text).toContain('Xã Thạch Hà');
    expect(text).toContain('Cán bộ nghiệp vụ');
    expect(text).toContain('Chờ đổi mật khẩu');
  });

  test('the new user signs in with it and must choose a new password first', async () => {
    const { context, page } = await newPage(browser);
    try {
      await submitLogin(page, username, initialPassword);
      const forced = page.getByRole('dialog', { name: 'Hãy đặt mật khẩu mới' });
      await visible(forced);
      await forced.getByLabel('Mật khẩu hiện tại').fill(initialPassword);
      await forced.getByLabel('Mật khẩu mới', { exact: true }).fill(newPassword);
      await forced.getByLabel('Nhập lại mật khẩu mới').fill(newPassword);
      await forced.getByRole('button', { name: 'Đổi mật khẩu' }).click();
      await hidden(forced);
      await visible(page.getByRole('heading', { name: `Xin chào, ${fullName}` }));
      expect(await page.getByTestId('dashboard-scope').textContent()).toContain('Xã Thạch Hà');
      // What was refused before the change is asked for again: the area has its full name.
      await visible(page.getByTestId('dashboard-area').getByText('Tỉnh Hà Tĩnh / Xã Thạch Hà'));
    } finally {
      await context.close();
    }
  });

  test('the administrator changes the user’s area and roles', async () => {
    await findUser(admin);
    await openActions(admin);
    await admin.getByRole('menuitem', { name: 'Đổi phạm vi và vai trò' }).click();
    const dialog = admin.getByRole('dialog', { name: `Phạm vi và vai trò: ${username}` });
    await visible(dialog);
    await visible(dialog.getByText('Xã Thạch Hà'));
    await pick(admin, dialog, 'Xã, phường, đặc khu', 'cam xuyen', 'Xã Cẩm Xuyên');
    await dialog.getByLabel('Phê duyệt').check();
    await dialog.getByRole('button', { name: 'Lưu' }).click();
    await hidden(dialog);
    await visible(row(admin).getByText('Xã Cẩm Xuyên'));
    expect(await row(admin).textContent()).toContain('Phê duyệt');

    const { context, page } = await newPage(browser);
    try {
      await login(page, username, newPassword);
      expect(await page.getByTestId('dashboard-scope').textContent()).toContain('Xã Cẩm Xuyên');
      expect(await page.locator('.dashboard-account').textContent()).toContain('Phê duyệt');
    } finally {
      await context.close();
    }
  });

  test('the administrator resets the password and sees the temporary one once', async () => {
    await findUser(admin);
    await openActions(admin);
    await admin.getByRole('menuitem', { name: 'Đặt lại mật khẩu' }).click();
    const confirm = admin.getByRole('dialog').filter({ hasText: `Đặt lại mật khẩu của ${username}?` });
    await confirm.getByRole('button', { name: 'Đặt lại mật khẩu' }).click();
    const secret = admin.getByRole('dialog', { name: `Mật khẩu tạm thời của ${username}` });
    await visible(secret);
    const temporary = ((await secret.getByTestId('secret').textContent()) ?? '').trim();
    expect(temporary.length).toBeGreaterThanOrEqual(10);
    await secret.getByRole('button', { name: 'Xong' }).click();
    await hidden(secret);
    await visible(row(admin).getByText('Chờ đổi mật khẩu'));

    const { context, page } = await newPage(browser);
    try {
      await submitLogin(page, username, temporary);
      await visible(page.getByRole('dialog', { name: 'Hãy đặt mật khẩu mới' }));
    } finally {
      await context.close();
    }
  });

  test('a disabled user can no longer sign in', async () => {
    await findUser(admin);
    await openActions(admin);
    await admin.getByRole('menuitem', { name: 'Khóa tài khoản' }).click();
    const confirm = admin.getByRole('dialog').filter({ hasText: `Khóa tài khoản ${username}?` });
    await visible(confirm);
    await confirm.getByRole('button', { name: 'Khóa tài khoản' }).click();
    await hidden(confirm);
    await visible(row(admin).getByText('Đã khóa'));

    const { context, page } = await newPage(browser);
    try {
      await submitLogin(page, username, newPassword);
      await visible(page.getByRole('alert').filter({ hasText: 'Tên đăng nhập hoặc mật khẩu không đúng.' }));
      expect(new URL(page.url()).pathname).toBe('/login');
    } finally {
      await context.close();
    }
  });
});
