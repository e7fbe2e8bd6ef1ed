/**
 * The demo Fund for the Poor: the province's fund and those of three communes, the Peak Months
 * of 2025 and 2026 with realistic receipts (businesses, organisations, individuals — some not to
 * be named — in cash, by transfer and in kind), allocations from the province to the communes,
 * spending on demo households (houses built and repaired, Tết gifts, scholarships — each also the
 * household's support record, through the same one-fact path as the app), and one
 * receipt entered twice and reversed. Written through the fund's services, so every posting is
 * chained, numbered and audited as a real one is. Deterministic.
 */
import { sql } from 'drizzle-orm';
import type { DonorKind, Purpose, ReceiptMethod } from '../../domain/fund';
import type { Actor } from '../platform/access';
import { rowsOf, type Db } from '../platform/db/database';
import { cancelPledge, createPledge } from '../modules/fund/pledges';
import { createFund, postAllocation, postReceipt, reversePosting } from '../modules/fund/service';
import { postExpenditure } from '../modules/support/fund-link';
import { Random } from './random';

const FUND_UNITS: { code: string; name: string; account: string }[] = [
  { code: '42', name: 'Quỹ "Vì người nghèo" tỉnh Hà Tĩnh', account: '3700201008866' },
  { code: '18562', name: 'Quỹ "Vì người nghèo" xã Thạch Hà', account: '3711205123456' },
  { code: '18673', name: 'Quỹ "Vì người nghèo" xã Cẩm Xuyên', account: '3712205654321' },
  { code: '18073', name: 'Quỹ "Vì người nghèo" phường Thành Sen', account: '3713205777888' },
];

const BUSINESSES = [
  'Công ty TNHH Xây dựng Hồng Lĩnh',
  'Công ty CP Vật tư Nông nghiệp Hà Tĩnh',
  'Doanh nghiệp tư nhân Thành Sen',
  'Công ty TNHH Thương mại Lam Hồng',
  'Hợp tác xã Chè Hương Sơn',
];
const ORGANISATIONS = [
  'Hội Doanh nhân trẻ tỉnh Hà Tĩnh',
  'Trường THPT Thạch Hà',
  'Chi đoàn Thanh niên Sở Nông nghiệp và Môi trường',
  'Hội Cựu chiến binh xã',
  'Công đoàn Bệnh viện Đa khoa tỉnh',
];
const PEOPLE = [
  'Nguyễn Văn Hùng',
  'Trần Thị Thanh Hà',
  'Lê Minh Đức',
  'Phạm Thị Hồng',
  'Hoàng Văn Nam',
  'Võ Thị Kim Oanh',
  'Đặng Hữu Phước',
  'Bùi Thị Ngọc Ánh',
  'Hồ Sỹ Tùng',
  'Ngô Thị Lan',
];

function donorOf(random: Random): { kind: DonorKind; name?: string; publishName: boolean } {
  const roll = random.next();
  if (roll < 0.3) return { kind: 'business', name: random.pick(BUSINESSES), publishName: true };
  if (roll < 0.5) return { kind: 'organization', name: random.pick(ORGANISATIONS), publishName: true };
  if (roll < 0.9) return { kind: 'individual', name: random.pick(PEOPLE), publishName: random.chance(0.6) };
  return { kind: 'anonymous', publishName: false };
}

const day = (year: number, month: number, d: number) =>
  `${year}-${String(month).padStart(2, '0')}-${String(d).padStart(2, '0')}`;

/** Households of a commune to support: the first of its registry by code (deterministic). */
async function householdsOf(db: Db, communeCode: string, count: number): Promise<string[]> {
  const rows = rowsOf<{ id: string }>(
    await db.execute(
      sql`select id from households where commune_code = ${communeCode} and archived_at is null order by code limit ${count}`,
    ),
  );
  return rows.map((r) => r.id);
}

export async function seedFund(db: Db, admin: Actor) {
  const random = new Random('quy-vi-nguoi-ngheo');
  const funds = [];
  for (const unit of FUND_UNITS) {
    funds.push(
      await createFund(db, admin, {
        unitCode: unit.code,
        name: unit.name,
        bankBin: '970405',
        bankName: 'Agribank chi nhánh Hà Tĩnh',
        accountNumber: unit.account,
        accountHolder: `Ủy ban MTTQ Việt Nam ${unit.code === '42' ? 'tỉnh Hà Tĩnh' : unit.name.replace('Quỹ "Vì người nghèo" ', '')}`,
      }),
    );
  }
  const [province, ...communes] = funds;

  // Peak Months of 2025 and 2026: the province raises the most, each commune its share. A donor
  // who gave to a fund before is picked from its donors, as an officer would (the rice below is
  // entered anew each time: the duplicates the donors tab offers to merge).
  const known = new Map<string, string>();
  for (const year of [2025, 2026]) {
    for (const [i, fund] of funds.entries()) {
      const count = i === 0 ? 18 : 10;
      for (let k = 0; k < count; k++) {
        const donor = donorOf(random);
        const method: ReceiptMethod = donor.kind === 'business' || random.chance(0.4) ? 'bank' : 'cash';
        const big = donor.kind === 'business' || donor.kind === 'organization';
        const amount = (big ? random.int(10, 200) * 1_000_000 : random.int(2, 50) * 100_000) * (i === 0 ? 2 : 1);
        const key = donor.name && `${fund!.id} ${donor.kind} ${donor.name}`;
        const donorId = key ? known.get(key) : undefined;
        const receipt = await postReceipt(db, admin, fund!.id, {
          amount,
          date: day(year, k % 2 === 0 ? 10 : 11, k % 2 === 0 ? 17 + (k % 14) : 1 + (k % 18)),
          method,
          ...(donorId ? { donorId } : { donor }),
        });
        if (key && receipt.posting.donor?.id) known.set(key, receipt.posting.donor.id);
      }
    }
    // Rice and blankets in kind for the commune funds.
    for (const fund of communes) {
      await postReceipt(db, admin, fund.id, {
        amount: 7_500_000,
        date: day(year, 11, 10),
        method: 'in_kind',
        donor: { kind: 'business', name: random.pick(BUSINESSES), publishName: true },
        items: [
          { name: 'Gạo', quantity: 300, unit: 'kg', value: 4_500_000 },
          { name: 'Chăn ấm', quantity: 20, unit: 'cái', value: 3_000_000 },
        ],
      });
    }
    // After the Peak Month the province allocates to the communes.
    for (const [i, fund] of communes.entries()) {
      await postAllocation(db, admin, province!.id, {
        toFundId: fund.id,
        amount: [300_000_000, 250_000_000, 150_000_000][i]!,
        date: day(year, 11, 25),
        decisionNumber: `${40 + i}/QĐ-MTTQ-BTT`,
        description: `Phân bổ Quỹ "Vì người nghèo" sau Tháng cao điểm năm ${year}`,
      });
    }
  }

  // Spending on households of each commune: houses, Tết gifts, scholarships, a hospital stay.
  const plan: [Purpose, number, number, string, number][] = [
    ['house_build', 2, 60_000_000, 'Hỗ trợ xây mới nhà Đại đoàn kết', 12],
    ['house_repair', 3, 30_000_000, 'Hỗ trợ sửa chữa nhà ở', 12],
    ['tet_gift', 15, 1_000_000, 'Quà Tết Nguyên đán Bính Ngọ 2026', 1],
    ['education', 5, 2_000_000, 'Học bổng "Tiếp sức đến trường"', 9],
    ['medical', 1, 5_000_000, 'Hỗ trợ người bệnh điều trị dài ngày', 3],
  ];
  for (const [c, fund] of communes.entries()) {
    const ids = await householdsOf(db, fund.communeCode!, 26);
    let next = 0;
    for (const [purpose, count, amount, description, month] of plan) {
      for (let k = 0; k < count && next < ids.length; k++) {
        const year = month === 12 ? 2025 : 2026;
        await postExpenditure(db, admin, fund.id, {
          amount,
          date: day(year, month, month === 1 ? 20 : 5 + k),
          purpose,
          householdId: ids[next++]!,
          decisionNumber: `${10 + c * 5 + k}/QĐ-MTTQ`,
          description: `${description}; biên bản bàn giao có chữ ký của chủ hộ`,
        });
      }
    }
  }

  // A receipt typed twice, corrected by a reversal.
  const twice = {
    amount: 5_000_000,
    date: day(2026, 11, 3),
    method: 'cash' as const,
    donor: { kind: 'individual' as const, name: 'Nguyễn Thị Xuân', publishName: true },
  };
  const fund = communes[0]!;
  await postReceipt(db, admin, fund.id, twice);
  const duplicate = await postReceipt(db, admin, fund.id, twice);
  await reversePosting(db, admin, duplicate.posting.id, {
    reason: 'Ghi trùng biên lai (đã ghi ở bút toán trước)',
    date: day(2026, 11, 4),
  });
  await seedPledges(db, admin, fund.id);
}

/**
 * Pledges on Thạch Hà's fund, with fixed references: the sample statement
 * (src/web/public/samples/sao-ke-mau.csv) pays two of them in full or in part by transfer.
 */
async function seedPledges(db: Db, admin: Actor, fundId: string) {
  const pledges: [string, DonorKind, string, number, string][] = [
    ['CKHLXD26', 'business', 'Công ty TNHH Xây dựng Hồng Lĩnh', 50_000_000, day(2026, 12, 31)],
    ['CKDNTR26', 'organization', 'Hội Doanh nhân trẻ tỉnh Hà Tĩnh', 30_000_000, day(2026, 11, 30)],
    ['CKTTHA27', 'individual', 'Trần Thị Thanh Hà', 2_000_000, day(2027, 1, 15)],
    ['CKLAMH26', 'business', 'Công ty TNHH Thương mại Lam Hồng', 10_000_000, day(2026, 10, 31)],
  ];
  const made = [];
  for (const [reference, kind, name, amount, dueDate] of pledges) {
    made.push(
      await createPledge(
        db,
        admin,
        fundId,
        {
          donor: { kind, name, publishName: true },
          amount,
          dueDate,
          description: 'Cam kết tại Lễ ra quân Tháng cao điểm',
        },
        reference,
      ),
    );
  }
  // Lam Hồng paid part in cash, then withdrew the rest.
  const lamHong = made[3]!;
  await postReceipt(db, admin, fundId, {
    amount: 4_000_000,
    date: day(2026, 10, 20),
    method: 'cash',
    donorId: lamHong.donor.id,
    pledgeId: lamHong.id,
  });
  await cancelPledge(db, admin, lamHong.id, 'Doanh nghiệp gặp khó khăn, xin rút phần còn lại');
}
