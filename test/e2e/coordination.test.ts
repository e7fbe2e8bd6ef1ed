import { readFileSync } from 'node:fs';
import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { openDocx } from '../helpers/docx';
import { chooseOption, hidden, launchBrowser, login, newPage, screenshot, visible } from './support';

let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
});

/** Type a date (dd/mm/yyyy) into an antd DatePicker and confirm it. */
async function typeDate(page: Page, input: Locator, date: string) {
  await input.click();
  await input.fill(date);
  await input.press('Enter');
  await page.waitForTimeout(200);
}

/** Search an organisation picker and choose the organisation by its exact name. */
async function pickOrganisation(page: Page, select: Locator, name: string, multiple = false) {
  await select.click();
  await select.pressSequentially(name.slice(0, 18));
  if (!multiple) return chooseOption(page, name);
  // A multiple select stays open after a choice: close it.
  await page.locator(`.ant-select-dropdown:visible .ant-select-item-option[title="${name}"]`).click();
  await page.keyboard.press('Escape');
  await page.waitForFunction(
    () => document.querySelectorAll('.ant-select-dropdown:not(.ant-select-dropdown-hidden)').length === 0,
  );
}

const FRONT = 'Ủy ban MTTQ Việt Nam tỉnh Hà Tĩnh';
const DEPARTMENT = 'Sở Nông nghiệp và Môi trường tỉnh Hà Tĩnh';

// A long flow on a loaded machine: a generous timeout, no timing asserted.
describe('coordination between the Front and the government', { timeout: 240_000 }, () => {
  test('a provincial Front officer signs a programme, plans a task, records its evidence, runs a supervision to closure and drafts the review', async () => {
    const { context, page } = await newPage(browser);
    const suffix = Date.now().toString(36).toUpperCase();
    const number = `${suffix}/CTPH-MTTQ-SNNMT`;
    const activity = `Hội nghị tuyên truyền ${suffix}`;
    const topic = `Giám sát hỗ trợ sinh kế ${suffix}`;
    try {
      await login(page, 'tinh.mttq');

      // The programme, with one coordination content.
      await page.goto('/coordination/programmes/new');
      await visible(page.getByRole('heading', { name: 'Chương trình phối hợp mới' }));
      await page.getByLabel('Số, ký hiệu').fill(number);
      await page.getByLabel('Tên chương trình').fill('Chương trình phối hợp giảm nghèo bền vững giai đoạn 2026–2030');
      await typeDate(page, page.getByLabel('Ngày ký'), '15/01/2026');
      await pickOrganisation(page, page.getByLabel('Các bên ký kết'), FRONT, true);
      await pickOrganisation(page, page.getByLabel('Các bên ký kết'), DEPARTMENT, true);
      await page.getByLabel('Căn cứ').click();
      await page.getByLabel('Căn cứ').pressSequentially('257/2025');
      await page.locator('.ant-select-dropdown:visible .ant-select-item-option').first().click();
      await page.keyboard.press('Escape');
      await page.getByLabel('Mục đích').fill('Phát huy sức mạnh khối đại đoàn kết trong giảm nghèo.');
      await page.getByLabel('Yêu cầu').fill('Phối hợp thường xuyên, đúng chức năng.');
      await page.getByLabel('Tên nội dung').fill('Tuyên truyền chính sách giảm nghèo');
      await page.getByLabel('Phạm vi, cách làm').fill('Tuyên truyền đến từng hộ nghèo.');
      await pickOrganisation(page, page.getByLabel('Đơn vị chủ trì'), FRONT);
      await page.getByRole('button', { name: 'Lưu' }).click();
      await visible(page.getByRole('heading', { name: new RegExp(`^${number}`, 'u') }));
      await visible(page.getByText('Nghị quyết 257/2025/QH15', { exact: false }).or(page.getByText('257/2025/QH15')));

      // Edit it: a clearer title and a second content, its legal bases still picked from the library.
      await page.getByRole('button', { name: 'Sửa chương trình' }).click();
      await visible(page.getByRole('heading', { name: 'Sửa chương trình phối hợp' }));
      await page.getByLabel('Tên chương trình').fill('Chương trình phối hợp thực hiện giảm nghèo bền vững 2026–2030');
      await page.getByLabel('Căn cứ').click();
      await page.getByLabel('Căn cứ').pressSequentially('1198');
      await page
        .locator('.ant-select-dropdown:visible .ant-select-item-option')
        .filter({ hasText: '1198/QĐ-MTTW-ĐCT' })
        .click();
      await page.keyboard.press('Escape');
      await page.getByRole('button', { name: 'Thêm nội dung' }).click();
      await page.getByLabel('Tên nội dung').last().fill('Giám sát việc thực hiện chương trình');
      await page.getByLabel('Phạm vi, cách làm').last().fill('Giám sát hằng năm việc hỗ trợ hộ nghèo.');
      await pickOrganisation(page, page.getByLabel('Đơn vị chủ trì').last(), DEPARTMENT);
      await page.getByRole('button', { name: 'Lưu' }).click();
      await visible(page.getByText('Đã lưu thay đổi của chương trình'));
      await visible(page.getByRole('heading', { name: /thực hiện giảm nghèo bền vững 2026–2030$/u }));
      await visible(page.getByText('2. Giám sát việc thực hiện chương trình'));
      await visible(page.getByText('1198/QĐ-MTTW-ĐCT', { exact: false }).first());

      // The plan of 2026 and a task under the content.
      await page.getByRole('button', { name: 'Lập kế hoạch năm' }).click();
      const planDialog = page.getByRole('dialog', { name: 'Lập kế hoạch năm' });
      await planDialog.getByRole('button', { name: 'Lưu' }).click();
      await hidden(planDialog);
      await page.getByRole('button', { name: 'Thêm nhiệm vụ' }).click();
      const taskDialog = page.getByRole('dialog', { name: 'Thêm nhiệm vụ' });
      await taskDialog.getByLabel('Thuộc nội dung').click();
      await chooseOption(page, '1. Tuyên truyền chính sách giảm nghèo');
      await taskDialog.getByLabel('Tên nhiệm vụ').fill('Hội nghị tuyên truyền ở các xã');
      await pickOrganisation(page, taskDialog.getByLabel('Chủ trì'), FRONT);
      await typeDate(page, taskDialog.getByLabel('Hạn hoàn thành'), '30/12/2026');
      await taskDialog.getByRole('button', { name: 'Lưu' }).click();
      await hidden(taskDialog);
      const taskRow = page.locator('.ant-table-row').filter({ hasText: 'Hội nghị tuyên truyền ở các xã' });
      await visible(taskRow);
      await taskRow.getByRole('button', { name: 'Sửa nhiệm vụ' }).click();
      const editTask = page.getByRole('dialog', { name: 'Sửa nhiệm vụ' });
      await pickOrganisation(page, editTask.getByLabel('Phối hợp'), DEPARTMENT, true);
      await typeDate(page, editTask.getByLabel('Hạn hoàn thành'), '15/12/2026');
      await editTask.getByRole('button', { name: 'Lưu' }).click();
      await hidden(editTask);
      await visible(taskRow.getByText('15/12/2026'));

      // An activity as the task's evidence.
      await taskRow.getByRole('button', { name: 'Ghi nhận hoạt động làm minh chứng' }).click();
      const evidence = page.getByRole('dialog', { name: 'Ghi nhận hoạt động làm minh chứng' });
      await evidence.getByLabel('Tên hoạt động').fill(activity);
      await typeDate(page, evidence.getByLabel('Từ ngày'), '20/03/2026');
      await evidence.getByLabel('Số người tham dự').fill('120');
      await evidence.getByLabel('Trong đó thuộc hộ nghèo, cận nghèo').fill('30');
      await evidence.getByLabel('Chủ đề, nội dung').fill('Chuẩn nghèo giai đoạn 2027–2030');
      await evidence.getByRole('button', { name: 'Lưu' }).click();
      await hidden(evidence);
      await taskRow.getByRole('button', { name: /Mở rộng|Expand/u }).click();
      await visible(page.getByRole('cell', { name: activity }));

      // A supervision of the task (its evidence), with a recommendation, followed to closure.
      await taskRow.getByRole('button', { name: 'Giám sát việc này' }).click();
      const plan = page.getByRole('dialog', { name: 'Giám sát việc này' });
      await plan.getByLabel('Nội dung giám sát').fill(topic);
      await pickOrganisation(page, plan.getByLabel('Đơn vị được giám sát'), DEPARTMENT);
      const period = plan.locator('.ant-picker-range input');
      await period.first().click();
      await period.first().fill('01/01/2026');
      await period.first().press('Enter');
      await period.last().fill('30/06/2026');
      await period.last().press('Enter');
      await plan.getByRole('button', { name: 'Lưu' }).click();
      await hidden(plan);
      await visible(page.getByRole('cell', { name: topic }));
      await page.goto('/coordination?tab=supervision');
      const row = page.locator('.ant-table-row').filter({ hasText: topic });
      await row.getByRole('button', { name: 'Ghi kết quả giám sát' }).click();
      const conduct = page.getByRole('dialog', { name: 'Ghi kết quả giám sát' });
      await typeDate(page, conduct.getByLabel('Ngày giám sát'), '15/07/2026');
      await conduct.getByLabel('Kết quả, phát hiện').fill('Giải ngân chậm ở hai xã.');
      await conduct.getByRole('button', { name: 'Lưu' }).click();
      await hidden(conduct);
      await row.getByRole('button', { name: 'Thêm kiến nghị' }).click();
      const recommend = page.getByRole('dialog', { name: 'Thêm kiến nghị' });
      await recommend.getByLabel('Kiến nghị').fill('Đẩy nhanh giải ngân vốn hỗ trợ sinh kế.');
      await typeDate(page, recommend.getByLabel('Hạn trả lời'), '30/09/2026');
      await recommend.getByRole('button', { name: 'Lưu' }).click();
      await hidden(recommend);
      await row.getByRole('button', { name: /Mở rộng|Expand/u }).click();
      const rec = page.locator('.ant-table-row').filter({ hasText: 'Đẩy nhanh giải ngân vốn hỗ trợ sinh kế.' });
      await rec.getByRole('button', { name: 'Ghi nhận trả lời' }).click();
      const answer = page.getByRole('dialog', { name: 'Ghi nhận trả lời' });
      await answer.getByLabel('Trả lời', { exact: true }).fill('Đã giải ngân xong ngày 20/09/2026.');
      await answer.getByRole('button', { name: 'Lưu' }).click();
      await hidden(answer);
      await rec.getByRole('button', { name: 'Đã giải quyết xong' }).click();
      const resolve = page.getByRole('dialog', { name: 'Đã giải quyết xong' });
      await resolve.getByRole('button', { name: 'Lưu' }).click();
      await hidden(resolve);
      await visible(rec.getByText('Đã giải quyết xong'));

      // The review report of the programme, drafted from the data, exported to Word.
      await page.goBack();
      await page.goto('/coordination');
      await page.getByRole('link', { name: number }).click();
      const plannedTask = page.locator('.ant-table-row').filter({ hasText: 'Hội nghị tuyên truyền ở các xã' });
      await plannedTask.getByRole('button', { name: /Mở rộng|Expand/u }).click();
      await visible(page.locator('.ant-table-row').filter({ hasText: topic }).getByText('1/1 đã giải quyết xong'));
      await page.getByRole('button', { name: 'Dự thảo báo cáo từ số liệu' }).click();
      const draft = page.getByRole('dialog', { name: 'Dự thảo báo cáo từ số liệu' });
      const range = draft.locator('.ant-picker-range input');
      await range.first().click();
      await range.first().fill('01/01/2026');
      await range.first().press('Enter');
      await range.last().fill('31/12/2026');
      await range.last().press('Enter');
      await draft.getByRole('button', { name: 'Dự thảo báo cáo từ số liệu' }).click();
      await hidden(draft);
      const summary = page.getByText(
        /^Tổ chức 1 hoạt động tuyên truyền với 120 lượt người tham dự; trong đó 30 lượt người/u,
      );
      await visible(summary.or(page.locator('textarea', { hasText: 'Tổ chức 1 hoạt động tuyên truyền với 120' })));
      await page.getByLabel('Khó khăn, vướng mắc').fill('Nguồn lực còn hạn chế.');
      await page.getByRole('button', { name: 'Lưu nội dung' }).click();
      await visible(page.getByText('Đã lưu báo cáo'));
      await screenshot(page, 'coordination-programme');
      const download = page.waitForEvent('download');
      await page.getByRole('button', { name: 'Tải báo cáo Word' }).click();
      const file = await download;
      expect(file.suggestedFilename()).toMatch(/^bao-cao-so-ket-.*\.docx$/u);
      // The Word file: the figures drawn from the data, and the text written here.
      const doc = await openDocx(readFileSync((await file.path())!));
      expect(doc.fonts).toEqual(new Set(['Times New Roman']));
      expect(doc.text).toContain('Hoạt động tuyên truyền\n1 (120 lượt người)');
      expect(doc.paragraphs).toContain('Nhà ở bàn giao trong kỳ');
      expect(doc.text).toContain('Quỹ "Vì người nghèo": tiếp nhận');
      expect(doc.paragraphs).toContain('Nguồn lực còn hạn chế.');
    } finally {
      await context.close();
    }
  });

  test('the library keeps a text with its PDF, which anyone in the area downloads', async () => {
    const { context, page } = await newPage(browser);
    const number = `${Date.now().toString(36).toUpperCase()}/KH-UBND`;
    try {
      await login(page, 'tinh.mttq');
      await page.goto('/coordination?tab=documents');
      await page.getByRole('button', { name: 'Thêm văn bản' }).click();
      const add = page.getByRole('dialog', { name: 'Thêm văn bản' });
      await add.getByLabel('Số, ký hiệu').fill(number);
      await typeDate(page, add.getByLabel('Ngày ban hành'), '05/03/2026');
      await add.getByLabel('Cơ quan ban hành').fill('UBND tỉnh Hà Tĩnh');
      await add.getByLabel('Trích yếu').fill('Kế hoạch thực hiện giảm nghèo bền vững năm 2026');
      await add.getByRole('button', { name: 'Lưu' }).click();
      await hidden(add);
      await page.getByPlaceholder(/Tìm theo số/u).fill(number);
      await page.getByPlaceholder(/Tìm theo số/u).press('Enter');
      const row = page.locator('.ant-table-row').filter({ hasText: number });
      await row.getByRole('button', { name: /Mở rộng|Expand/u }).click();
      await page.locator('input[type="file"]').setInputFiles({
        name: 'Kế hoạch giảm nghèo 2026.pdf',
        mimeType: 'application/pdf',
        buffer: Buffer.from('%PDF-1.4\n1 0 obj <<>> endobj\n%%EOF\n'),
      });
      await visible(page.getByText('Kế hoạch giảm nghèo 2026.pdf'));
      await screenshot(page, 'coordination-library');
      await context.close();

      // A commune officer finds it without accents and downloads the text.
      const commune = await newPage(browser);
      try {
        await login(commune.page, 'xem.thachha');
        await commune.page.goto('/coordination?tab=documents');
        await commune.page.getByPlaceholder(/Tìm theo số/u).fill('giam ngheo ben vung nam 2026');
        await commune.page.getByPlaceholder(/Tìm theo số/u).press('Enter');
        const found = commune.page.locator('.ant-table-row').filter({ hasText: number });
        await found.getByRole('button', { name: /Mở rộng|Expand/u }).click();
        const download = commune.page.waitForEvent('download');
        await commune.page.getByRole('link', { name: /Tải về|Download/u }).click();
        const file = await download;
        expect(
          readFileSync((await file.path())!)
            .subarray(0, 5)
            .toString(),
        ).toBe('%PDF-');
      } finally {
        await commune.context.close();
      }
    } finally {
      await context.close().catch(() => undefined);
    }
  });
});
