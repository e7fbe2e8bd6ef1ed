import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { todayInVietnam } from '../../src/domain/calendar';
import { CATEGORY_LABELS, type Category } from '../../src/domain/poverty';
import { addDays } from '../../src/domain/review';
import { openDocx } from '../helpers/docx';
import {
  chooseOption,
  createHousehold,
  hidden,
  launchBrowser,
  login,
  newPage,
  screenshot,
  typeDate,
  visible,
} from './support';

let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
});

const dmy = (iso: string) => iso.split('-').reverse().join('/');

/** The first demo household of Thạch Hà's second village (the first village gets a new one). */
async function householdOfSecondVillage(page: Page) {
  return page.evaluate(async () => {
    const villages = (await (await fetch('/api/villages?commune=18562&limit=5')).json()) as {
      items: { id: string; name: string }[];
    };
    const village = villages.items[1]!;
    const found = (await (await fetch(`/api/households?commune=18562&village=${village.id}&limit=1`)).json()) as {
      items: { id: string; code: string; headName: string }[];
    };
    return { ...found.items[0]!, villageName: village.name, firstVillageName: villages.items[0]!.name };
  });
}

/** A Word file the page downloads when `button` is clicked, opened. */
async function downloadDocx(page: Page, click: () => Promise<void>) {
  const download = page.waitForEvent('download');
  await click();
  const file = await download;
  const path = await file.path();
  const { readFile } = await import('node:fs/promises');
  return { name: file.suggestedFilename(), doc: await openDocx(await readFile(path)) };
}

/** Click a step button and wait for the round to show its new step. */
async function takeStep(page: Page, button: string, state: string) {
  await page.getByRole('button', { name: button }).click();
  await visible(page.locator('.ant-tag').filter({ hasText: new RegExp(`^${state}$`, 'u') }));
}

/** Fill the survey sheet of a household with its income, see the result, complete it. */
async function survey(page: Page, code: string, income: string) {
  const row = page.locator('.ant-table-row').filter({ hasText: code });
  await row.getByRole('button', { name: 'Phiếu điều tra' }).click();
  const sheet = page.locator('.ant-drawer').filter({ hasText: `Phiếu điều tra — hộ ${code}` });
  await visible(sheet);
  await sheet.getByLabel('Thu nhập bình quân đầu người một tháng').fill(income);
  // The classification and its explanation follow the typing.
  await visible(sheet.locator('.assessment-explanation'));
  await sheet.getByRole('button', { name: 'Hoàn thành phiếu' }).click();
  await hidden(sheet);
  await visible(row.getByText('Đã điều tra'));
}

describe('the yearly household review', () => {
  test(
    'a regular round on Thạch Hà from the applications to the signed decision, with a reviewer who sees only their village',
    { timeout: 300_000 },
    async () => {
      const today = todayInVietnam();
      const year = today.slice(0, 4);
      const { context, page } = await newPage(browser);
      const reviewer = await newPage(browser);
      const chairman = await newPage(browser);
      try {
        await login(page, 'canbo.thachha');
        const applicant = await createHousehold(page, `RS-${Date.now().toString(36)}`, 'Lê Văn Đơn');
        const proposed = await householdOfSecondVillage(page);

        // The rounds of the commune; a regular round for this year.
        await page.getByRole('menuitem', { name: 'Rà soát hộ nghèo' }).click();
        await visible(page.getByRole('heading', { name: 'Rà soát hộ nghèo' }));
        await page.getByRole('button', { name: 'Lập đợt rà soát' }).click();
        const create = page.getByRole('dialog', { name: /^Lập đợt rà soát/u });
        await create.getByRole('radio', { name: 'Thường xuyên' }).check();
        await create.getByRole('button', { name: 'Lập đợt rà soát' }).click();
        await visible(page.getByRole('heading', { name: `Rà soát thường xuyên năm ${year} — Xã Thạch Hà` }));
        const roundUrl = page.url();
        await takeStep(page, 'Bắt đầu lập danh sách', 'Lập danh sách');

        // An application (Mẫu 01) received 12 days ago, and a village head's proposal.
        const received = addDays(today, -12);
        await page.getByRole('button', { name: 'Thêm hộ' }).click();
        let add = page.getByRole('dialog', { name: 'Thêm hộ vào danh sách rà soát' });
        await add.getByLabel('Hộ gia đình').click();
        await page.keyboard.type(applicant.code);
        await chooseOption(page, `${applicant.code} — ${applicant.headName}`);
        await typeDate(page, 'Ngày nhận', dmy(received), add);
        await add.getByLabel('Người làm đơn').fill('Lê Văn Đơn');
        await add.getByLabel('Lý do đề nghị').fill('Chồng mất việc, thu nhập giảm');
        await add.getByRole('button', { name: 'Thêm hộ' }).click();
        await hidden(add);
        await visible(page.locator('.ant-table-row').filter({ hasText: applicant.code }));
        // The 15-day deadline of the application.
        await visible(page.getByText(`hạn quyết định ${dmy(addDays(received, 15))} (15 ngày)`));

        // The same household twice: the server's refusal, in Vietnamese.
        await page.getByRole('button', { name: 'Thêm hộ' }).click();
        add = page.getByRole('dialog', { name: 'Thêm hộ vào danh sách rà soát' });
        await add.getByLabel('Hộ gia đình').click();
        await page.keyboard.type(applicant.code);
        await chooseOption(page, `${applicant.code} — ${applicant.headName}`);
        await add.getByLabel('Người làm đơn').fill('Lê Văn Đơn');
        await add.getByLabel('Lý do đề nghị').fill('Nộp lại');
        await add.getByRole('button', { name: 'Thêm hộ' }).click();
        await visible(add.getByText(`Hộ ${applicant.code} đã có trong danh sách rà soát.`));
        await add.getByLabel('Hộ gia đình').click();
        await page.keyboard.type(proposed.code);
        await chooseOption(page, `${proposed.code} — ${proposed.headName}`);
        await add.getByRole('radio', { name: 'Trưởng thôn đề xuất' }).check();
        await add.getByRole('textbox', { name: 'Trưởng thôn đề xuất' }).fill('Nguyễn Văn Trưởng');
        await add.getByRole('button', { name: 'Thêm hộ' }).click();
        await hidden(add);
        await visible(page.locator('.ant-table-row').filter({ hasText: proposed.code }));

        // Surveying; the meetings cannot start before every sheet is complete.
        await takeStep(page, 'Bắt đầu điều tra', 'Điều tra, rà soát');
        await page.getByRole('button', { name: 'Chuyển sang họp dân' }).click();
        await visible(page.getByRole('alert').filter({ hasText: 'Còn 2 hộ chưa hoàn thành phiếu điều tra.' }));

        // The demo reviewer is assigned to the applicant's village.
        await page.getByRole('tab', { name: 'Điều tra viên' }).click();
        await page.getByRole('button', { name: 'Phân công điều tra viên' }).click();
        const assign = page.getByRole('dialog', { name: 'Phân công điều tra viên' });
        await assign.getByLabel('Điều tra viên').click();
        await chooseOption(page, 'Ngô Văn Điều');
        await assign.getByLabel('Thôn').click();
        await chooseOption(page, proposed.firstVillageName);
        await assign.getByRole('button', { name: 'Phân công điều tra viên' }).click();
        await hidden(assign);
        await visible(page.getByRole('cell', { name: 'Ngô Văn Điều' }));

        // The reviewer sees only the first village's household and completes its survey sheet.
        await login(reviewer.page, 'dtv.thachha');
        await reviewer.page.goto(roundUrl);
        await visible(reviewer.page.locator('.ant-table-row').filter({ hasText: applicant.code }));
        expect(await reviewer.page.locator('.ant-table-row').count()).toBe(1);
        expect(await reviewer.page.getByText(proposed.code).count()).toBe(0);
        await survey(reviewer.page, applicant.code, '1300000');
        await screenshot(reviewer.page, 'review-reviewer');

        // The officer surveys the other household.
        await page.getByRole('tab', { name: 'Danh sách hộ' }).click();
        await page.reload();
        await survey(page, proposed.code, '1200000');
        await takeStep(page, 'Chuyển sang họp dân', 'Họp dân');

        // A meeting per village: 8 of 10 agree; 7 of 12.
        await page.getByRole('tab', { name: 'Họp dân' }).click();
        for (const [village, code, present, agreeing] of [
          [proposed.firstVillageName, applicant.code, '10', '8'],
          [proposed.villageName, proposed.code, '12', '7'],
        ] as const) {
          await page.getByRole('button', { name: 'Ghi biên bản họp dân' }).click();
          const meeting = page.getByRole('dialog', { name: 'Ghi biên bản họp dân' });
          await meeting.getByLabel('Thôn').click();
          await chooseOption(page, village);
          await typeDate(page, 'Ngày họp', dmy(addDays(today, -8)), meeting);
          await meeting.getByLabel('Người chủ trì').fill('Trưởng thôn');
          await meeting.getByLabel('Số người dự họp').fill(present);
          await meeting.getByLabel(new RegExp(`^Số đồng ý — hộ ${code}`, 'u')).fill(agreeing);
          await meeting.getByRole('button', { name: 'Ghi biên bản họp dân' }).click();
          await hidden(meeting);
        }
        await visible(page.getByRole('tabpanel').getByRole('row', { name: new RegExp(proposed.villageName, 'u') }));

        // Posted 7 days ago: 3 working days, then a complaint and its re-check.
        await page.getByRole('button', { name: 'Niêm yết công khai' }).click();
        const posting = page.getByRole('dialog', { name: 'Niêm yết công khai' });
        await typeDate(page, 'Ngày bắt đầu niêm yết', dmy(addDays(today, -7)), posting);
        // Enter in the dialog's only field may already have sent it (the browser's implicit
        // submission): click the button unless the dialog is gone first.
        await Promise.race([
          hidden(posting),
          posting
            .getByRole('button', { name: 'Niêm yết công khai' })
            .click()
            .catch(() => undefined),
        ]);
        await hidden(posting);
        await page.getByRole('tab', { name: 'Niêm yết, khiếu nại' }).click();
        await visible(page.getByText('Hết thời gian niêm yết'));
        const list = await downloadDocx(page, () => page.getByRole('button', { name: 'Danh sách của xã' }).click());
        expect(list.doc.text).toContain(applicant.code);
        expect(list.doc.text).toContain(proposed.code);
        const pdf = page.waitForEvent('download');
        await page
          .locator('.ant-space-compact')
          .filter({ hasText: 'Danh sách của xã' })
          .getByRole('button', { name: 'PDF' })
          .click();
        const printable = await pdf;
        expect(printable.suggestedFilename()).toBe('danh-sach-niem-yet-2026.pdf');
        const { readFile } = await import('node:fs/promises');
        expect((await readFile(await printable.path())).subarray(0, 5).toString()).toBe('%PDF-');

        await page.getByRole('button', { name: 'Ghi nhận khiếu nại' }).click();
        const complaint = page.getByRole('dialog', { name: 'Ghi nhận khiếu nại' });
        await complaint.getByLabel('Hộ gia đình').click();
        await chooseOption(page, `${proposed.code} — ${proposed.headName}`);
        await typeDate(page, 'Ngày nhận', dmy(addDays(today, -6)), complaint);
        await complaint.getByLabel('Người khiếu nại').fill('Trần Văn Khiếu');
        await complaint.getByLabel('Nội dung khiếu nại').fill('Hộ có xe máy mới');
        await complaint.getByRole('button', { name: 'Ghi nhận khiếu nại' }).click();
        await hidden(complaint);
        await page.getByRole('button', { name: 'Ghi kết quả phúc tra' }).click();
        const recheck = page.getByRole('dialog', { name: 'Ghi kết quả phúc tra' });
        await recheck.getByLabel('Kết quả phúc tra', { exact: true }).fill('Xe máy mua trả góp; giữ nguyên kết quả');
        const proposedResult = await page.evaluate(
          async ({ url, code }) => {
            const id = url.split('/').pop()!;
            const cases = (await (await fetch(`/api/reviews/${id}/cases?q=${code}`)).json()) as {
              items: { finalCategory: Category }[];
            };
            return cases.items[0]!.finalCategory;
          },
          { url: roundUrl, code: proposed.code },
        );
        await recheck.getByLabel('Phân loại sau phúc tra').click();
        await chooseOption(page, CATEGORY_LABELS[proposedResult].vi);
        await recheck.getByRole('button', { name: 'Ghi kết quả phúc tra' }).click();
        await hidden(recheck);
        await screenshot(page, 'review-posting');

        // The chairman decides; the decision is a Word document in the official layout.
        await login(chairman.page, 'chutich.thachha');
        await chairman.page.goto(roundUrl);
        await chairman.page.getByRole('button', { name: 'Ra quyết định công nhận' }).click();
        const decide = chairman.page.getByRole('dialog', { name: 'Ra quyết định công nhận' });
        await decide.getByLabel('Số, ký hiệu').fill('45/QĐ-UBND');
        await decide.getByLabel('Người ký (Chủ tịch UBND xã)').fill('Võ Minh Tuấn');
        await decide.getByRole('button', { name: 'Ra quyết định công nhận' }).click();
        await hidden(decide);
        await visible(chairman.page.getByText(/^Đã có Quyết định số 45\/QĐ-UBND/u));
        await chairman.page.getByRole('tab', { name: 'Quyết định' }).click();
        const decision = await downloadDocx(chairman.page, () =>
          chairman.page.getByRole('button', { name: 'Tải quyết định (Word)' }).click(),
        );
        expect(decision.name).toMatch(/\.docx$/u);
        expect(decision.doc.text).toContain('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM');
        expect(decision.doc.text).toContain('Độc lập - Tự do - Hạnh phúc');
        expect(decision.doc.text).toContain('45/QĐ-UBND');
        expect(decision.doc.text).toContain('Võ Minh Tuấn');
        expect(decision.doc.text).toContain(applicant.code);
        expect(decision.doc.text).toContain(applicant.headName);
        await screenshot(chairman.page, 'review-decided');

        // The history shows each step and who took it.
        await chairman.page.getByRole('tab', { name: 'Lịch sử' }).click();
        await visible(chairman.page.getByText('Quyết định công nhận', { exact: true }));
        await visible(chairman.page.getByText('Niêm yết công khai', { exact: true }).first());
      } finally {
        await context.close();
        await reviewer.context.close();
        await chairman.context.close();
      }
    },
  );
  test(
    'bulk classification of Thạch Hà’s 2026 periodic round: progress, the result, and a sheet the surveyor can correct',
    { timeout: 180_000 },
    async () => {
      const { context, page } = await newPage(browser);
      try {
        await login(page, 'canbo.thachha');
        const roundId = await page.evaluate(async () => {
          const rounds = (await (await fetch('/api/reviews?commune=18562&year=2026&kind=periodic')).json()) as {
            items: { id: string }[];
          };
          return rounds.items[0]!.id;
        });
        await page.goto(`/ra-soat/${roundId}`);
        const card = page.locator('.bulk-classification');
        await visible(card.getByText(/thu nhập lấy từ phiếu điều tra gần nhất của chính hộ/u));
        await card.getByRole('button', { name: 'Phân loại hàng loạt…' }).click();
        const dialog = page.getByRole('dialog', { name: 'Phân loại hàng loạt từ dữ liệu sổ hộ' });
        await visible(dialog.getByText('Cả xã'));
        await dialog.getByRole('button', { name: 'Bắt đầu phân loại' }).click();
        await hidden(dialog);
        const result = card.locator('.bulk-result');
        await visible(result.filter({ hasText: /^Cả xã: đã phân loại \d+ hộ từ dữ liệu sổ hộ/u }));
        await visible(result.getByText(/hộ đã có phiếu do điều tra viên lưu: giữ nguyên/u));
        await screenshot(page, 'review-bulk-classification');

        // A sheet filled in bulk says where its income came from; the surveyor can still change it.
        const code = await page.evaluate(async (id) => {
          const cases = (await (await fetch(`/api/reviews/${id}/cases?status=surveyed&limit=500`)).json()) as {
            items: { householdCode: string; survey: { classificationId?: string } | null }[];
          };
          return cases.items.find((c) => c.survey?.classificationId)!.householdCode;
        }, roundId);
        const search = page.getByPlaceholder('Tìm theo mã hộ, tên chủ hộ (không cần dấu)');
        await search.fill(code);
        await search.press('Enter');
        const row = page.locator('.ant-table-row').filter({ hasText: code });
        await row.getByRole('button', { name: 'Phiếu điều tra' }).click();
        const sheet = page.locator('.ant-drawer').filter({ hasText: `Phiếu điều tra — hộ ${code}` });
        await visible(
          sheet.getByText(/do phân loại hàng loạt điền từ dữ liệu sổ hộ, thu nhập theo phiếu điều tra năm 20\d\d/u),
        );
        await visible(sheet.locator('.assessment-explanation'));
        await screenshot(page, 'review-bulk-sheet', false);
      } finally {
        await context.close();
      }
    },
  );
});
