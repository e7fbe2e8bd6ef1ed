import { listAdminUnits } from '../modules/admin-units/service';
import type { ActivityCreateReq } from '../modules/activities/schemas';
import { createActivity } from '../modules/activities/service';
import { createProgramme } from '../modules/coordination/service';
import { createPlan, createTask, reportTaskProgress } from '../modules/coordination/tasks';
import { commend, launchMovement } from '../modules/emulation/service';
import { listLegalDocuments } from '../modules/legal-documents/service';
import { archiveOrganisation, createOrganisation, listOrganisations } from '../modules/organisations/service';
import { draftReview } from '../modules/programme-reviews/service';
import { conductSupervision, followUp, planSupervision, recommend } from '../modules/supervision/service';
import type { Actor } from '../platform/access';
import type { Db } from '../platform/db/database';
import { Random } from './random';

/**
 * Coordination in the demo province: the Hà Tĩnh programme of 09/05/2023 (No. 02/CTPH-SLĐTBXH-MTTQ)
 * with its legal bases and six contents, a commune-level programme of Thạch Hà, yearly plans
 * 2024–2026 with tasks in every state, activities, supervisions with open and closed
 * recommendations, a movement and commendations across the demo communes, and a drafted review.
 */
export async function seedCoordination(db: Db, admin: Actor, provinceCode: string) {
  const org = await organisationFinder(db, admin);
  const front = await org('Ủy ban MTTQ Việt Nam tỉnh Hà Tĩnh');
  const department = await org('Sở Nông nghiệp và Môi trường tỉnh Hà Tĩnh');
  const bank = await org('Ngân hàng Chính sách xã hội chi nhánh Hà Tĩnh');
  const farmers = await org('Hội Nông dân tỉnh Hà Tĩnh');
  const women = await org('Hội Liên hiệp Phụ nữ tỉnh Hà Tĩnh');
  const youth = await org('Tỉnh Đoàn Hà Tĩnh');
  // The department that signed in 2023 was merged in March 2025: it signs, then is archived.
  const labour = await createOrganisation(db, admin, {
    name: 'Sở Lao động – Thương binh và Xã hội tỉnh Hà Tĩnh',
    shortName: 'Sở LĐTBXH',
    kind: 'government_department',
    unitCode: provinceCode,
  });
  const { items: library } = await listLegalDocuments(db, admin, {
    limit: 500,
    offset: 0,
    sort: 'number',
    order: 'asc',
  });
  const law = (n: string) => library.find((d) => d.number === n)!.id;

  const programme = await createProgramme(db, admin, {
    number: '02/CTPH-SLĐTBXH-MTTQ',
    title: 'Chương trình phối hợp thực hiện Chương trình mục tiêu quốc gia giảm nghèo bền vững',
    level: 'province',
    unitCode: provinceCode,
    signedOn: '2023-05-09',
    signedPlace: 'Hà Tĩnh',
    partyIds: [labour.id, front],
    legalBasisIds: [law('24/2021/QH15'), law('90/QĐ-TTg'), law('07/2021/NĐ-CP'), law('1198/QĐ-MTTW-ĐCT')],
    periodFrom: 2023,
    periodTo: 2026,
    purposes:
      'Phát huy vai trò của Mặt trận Tổ quốc và ngành lao động trong thực hiện mục tiêu giảm nghèo bền vững; nâng cao hiệu quả phối hợp tuyên truyền, vận động nguồn lực và giám sát chính sách giảm nghèo.',
    requirements:
      'Phối hợp chủ động, thường xuyên, đúng chức năng, nhiệm vụ của mỗi bên; định kỳ trao đổi thông tin, sơ kết, tổng kết.',
    implementation:
      'Hằng năm hai bên xây dựng kế hoạch phối hợp; định kỳ sơ kết, kết thúc giai đoạn tổng kết. Từ 01/3/2025 nhiệm vụ giảm nghèo chuyển sang Sở Nông nghiệp và Môi trường.',
    contents: [
      {
        title: 'Tuyên truyền chủ trương, chính sách về giảm nghèo',
        scope:
          'Tuyên truyền chủ trương của Đảng, chính sách của Nhà nước về giảm nghèo; hướng dẫn hộ nghèo chủ động vươn lên thoát nghèo.',
        responsibleId: front,
        coordinatingIds: [labour.id, department, women, youth],
      },
      {
        title: 'Tập huấn, bồi dưỡng cán bộ; hội nghị, hội thảo',
        scope: 'Tập huấn cán bộ Mặt trận, đoàn thể và ngành lao động; tổ chức hội nghị, hội thảo về giảm nghèo.',
        responsibleId: labour.id,
        coordinatingIds: [front],
      },
      {
        title: 'Vận động nguồn lực hỗ trợ người nghèo',
        scope:
          'Quỹ "Vì người nghèo", Tháng cao điểm vì người nghèo, nhà đại đoàn kết, hỗ trợ sinh kế, quà Tết; tập trung các xã có tỷ lệ nghèo cao.',
        responsibleId: front,
        coordinatingIds: [labour.id, bank],
      },
      {
        title: 'Xây dựng và nhân rộng mô hình giảm nghèo',
        scope:
          'Hướng dẫn địa phương xây dựng dự án, mô hình; nhân rộng mô hình hiệu quả; khuyến khích hộ nghèo tham gia.',
        responsibleId: labour.id,
        coordinatingIds: [farmers, women],
      },
      {
        title: 'Giám sát, kiểm tra; biểu dương, khen thưởng',
        scope:
          'Giám sát, kiểm tra việc thực hiện, theo dõi kiến nghị; sơ kết, biểu dương, khen thưởng; phong trào "Vì người nghèo – Không để ai bị bỏ lại phía sau".',
        responsibleId: front,
        coordinatingIds: [labour.id],
      },
      {
        title: 'Giải ngân vốn hỗ trợ hộ nghèo; chính sách cho nhóm yếu thế',
        scope:
          'Giải ngân vốn hỗ trợ phát triển kinh tế hộ gia đình; thực hiện chính sách đối với nhóm dễ bị tổn thương.',
        responsibleId: labour.id,
        coordinatingIds: [bank, front],
      },
    ],
  });

  // Yearly plans 2024–2026: tasks in every state (done, in progress, planned, cancelled, overdue).
  const [c1, c2, c3, c4, c5, c6] = programme.contents;
  const taskIds: string[][] = [];
  for (const year of [2024, 2025, 2026]) {
    const lead = year === 2024 ? labour.id : department;
    const plan = await createPlan(db, admin, programme.id, { year, note: `Kế hoạch phối hợp năm ${year}` });
    const specs: [typeof c1, string, string, string, 'done' | 'in_progress' | 'planned' | 'cancelled', number][] = [
      [
        c1,
        'Tuyên truyền Tháng cao điểm vì người nghèo',
        front,
        `${year}-11-18`,
        year < 2026 ? 'done' : 'in_progress',
        year < 2026 ? 100 : 70,
      ],
      [
        c2,
        'Tập huấn nghiệp vụ rà soát hộ nghèo cho cán bộ xã',
        lead,
        `${year}-09-30`,
        year < 2026 ? 'done' : 'in_progress',
        year < 2026 ? 100 : 40,
      ],
      [
        c3,
        'Vận động Quỹ "Vì người nghèo", hỗ trợ nhà đại đoàn kết',
        front,
        `${year}-12-31`,
        year < 2026 ? 'done' : 'in_progress',
        year < 2026 ? 100 : 85,
      ],
      [
        c4,
        'Nhân rộng mô hình chăn nuôi bò sinh sản',
        lead,
        `${year}-10-31`,
        year === 2024 ? 'done' : year === 2025 ? 'in_progress' : 'planned',
        year === 2024 ? 100 : year === 2025 ? 60 : 0,
      ],
      [
        c5,
        'Giám sát việc thực hiện chính sách giảm nghèo ở xã',
        front,
        `${year}-08-31`,
        year === 2026 ? 'planned' : 'done',
        year === 2026 ? 0 : 100,
      ],
      [
        c6,
        'Giải ngân vốn hỗ trợ sinh kế',
        lead,
        `${year}-06-30`,
        year === 2025 ? 'cancelled' : year === 2024 ? 'done' : 'in_progress',
        year === 2024 ? 100 : year === 2025 ? 0 : 50,
      ],
    ];
    const ids: string[] = [];
    for (const [content, title, leadId, dueOn, status, progress] of specs) {
      const supporting = content!.coordinating.map((o) => o.id).filter((id) => id !== leadId && id !== labour.id);
      const task = await createTask(db, admin, plan.id, {
        contentId: content!.id,
        title,
        leadId,
        supportingIds: supporting,
        dueOn,
      });
      if (status !== 'planned')
        await reportTaskProgress(db, admin, task.id, { status, progress, version: task.version });
      ids.push(task.id);
    }
    taskIds.push(ids);
  }

  // Merged on 01/03/2025: kept for the records it signed and led, no longer offered for new ones.
  await archiveOrganisation(db, admin, labour.id, labour.version);

  // A commune-level programme of Thạch Hà.
  const thachHa = await createProgramme(db, admin, {
    number: '01/CTPH-UBND-MTTQ',
    title: 'Chương trình phối hợp giảm nghèo bền vững xã Thạch Hà',
    level: 'commune',
    unitCode: '18562',
    signedOn: '2025-08-15',
    signedPlace: 'Thạch Hà',
    partyIds: [await org('UBND xã Thạch Hà'), await org('Ủy ban MTTQ Việt Nam xã Thạch Hà')],
    legalBasisIds: [law('07/2021/NĐ-CP'), law('24/2021/QĐ-TTg')],
    periodFrom: 2025,
    periodTo: 2026,
    purposes: 'Phối hợp rà soát, hỗ trợ hộ nghèo của xã thoát nghèo bền vững.',
    requirements: 'Công khai, đúng đối tượng; mỗi thôn có người theo dõi.',
    contents: [
      {
        title: 'Tuyên truyền, vận động hộ nghèo',
        scope: 'Họp dân ở từng thôn; đến từng hộ nghèo.',
        responsibleId: await org('Ủy ban MTTQ Việt Nam xã Thạch Hà'),
        coordinatingIds: [await org('UBND xã Thạch Hà')],
      },
      {
        title: 'Rà soát hộ nghèo, hộ cận nghèo',
        scope: 'Rà soát định kỳ và thường xuyên theo quy trình.',
        responsibleId: await org('UBND xã Thạch Hà'),
        coordinatingIds: [await org('Ủy ban MTTQ Việt Nam xã Thạch Hà')],
      },
    ],
  });
  const communePlan = await createPlan(db, admin, thachHa.id, { year: 2026 });
  await createTask(db, admin, communePlan.id, {
    contentId: thachHa.contents[1]!.id,
    title: 'Rà soát hộ nghèo cuối năm 2026',
    leadId: thachHa.contents[1]!.responsible.id,
    supportingIds: [thachHa.contents[1]!.coordinating[0]!.id],
    dueOn: '2026-12-15',
  });

  // Activities across the first communes, 2024–2026; some are tasks' evidence.
  const { items: units } = await listAdminUnits(db, {
    parentCode: provinceCode,
    date: null,
    limit: 500,
    offset: 0,
    sort: 'name',
    order: 'asc',
  });
  const communes = [...units].sort((a, b) => a.code.localeCompare(b.code)).slice(0, 12);
  const random = new Random('coordination');
  const kinds: ActivityCreateReq['kind'][] = [
    'meeting',
    'broadcast',
    'door_to_door',
    'leaflet',
    'training',
    'conference',
    'social_media',
    'banner',
  ];
  for (const [i, commune] of communes.entries()) {
    const place = `${commune.unitType === 'ward' ? 'phường' : 'xã'} ${commune.name}`;
    const communeFront = await org(`Ủy ban MTTQ Việt Nam ${place}`);
    for (let k = 0; k < 4; k++) {
      const year = 2024 + ((i + k) % 3);
      const kind = kinds[(i + k) % kinds.length]!;
      const date = `${year}-${String(3 + ((i * 3 + k * 2) % 9)).padStart(2, '0')}-${String(5 + ((i + k) % 20)).padStart(2, '0')}`;
      const audience = kind === 'broadcast' || kind === 'banner' || kind === 'social_media' ? 0 : random.int(25, 180);
      const taskYear = taskIds[year - 2024]!;
      await createActivity(db, admin, {
        kind,
        title: `${kind === 'training' ? 'Tập huấn' : kind === 'conference' ? 'Hội nghị' : 'Tuyên truyền'} giảm nghèo bền vững — ${place}`,
        startsOn: date,
        endsOn: date,
        unitCode: commune.code,
        place: kind === 'door_to_door' ? 'Các thôn' : 'Hội trường UBND',
        organiserIds: [communeFront],
        audienceKind: kind === 'training' ? 'front_staff' : kind === 'door_to_door' ? 'poor_households' : 'residents',
        audienceSize: audience,
        poorAudience: Math.floor(audience * (kind === 'door_to_door' ? 1 : random.int(10, 40) / 100)),
        topics: 'Chuẩn nghèo đa chiều; chính sách hỗ trợ hộ nghèo; Quỹ "Vì người nghèo"',
        budget: {
          state:
            kind === 'training' || kind === 'conference' ? random.int(5, 30) * 1_000_000 : random.int(0, 3) * 500_000,
          fund: random.int(0, 2) * 1_000_000,
          social: 0,
          other: 0,
        },
        taskId: kind === 'training' ? taskYear[1] : k % 2 === 0 ? taskYear[0] : null,
        programmeId: kind === 'training' || k % 2 === 0 ? undefined : programme.id,
        contentId: kind === 'training' || k % 2 === 0 ? undefined : c1!.id,
      });
    }
  }

  // Supervisions of three communes' People's Committees, with open and closed recommendations.
  // Thạch Hà first: its People's Committee is left with an open recommendation (its dashboard reminds it).
  const supervised = [units.find((u) => u.code === '18562')!, ...communes.slice(0, 2)];
  for (const [i, commune] of supervised.entries()) {
    const committee = await org(`UBND xã ${commune.name}`).catch(() => org(`UBND phường ${commune.name}`));
    const year = 2025;
    const planned = await planSupervision(db, admin, {
      year,
      unitCode: provinceCode,
      leadId: front,
      memberIds: [department, women],
      supervisedId: committee,
      topic: `Giám sát việc rà soát hộ nghèo, hộ cận nghèo năm ${year - 1}`,
      method: i === 2 ? 'residents_meeting' : 'direct',
      periodFrom: `${year - 1}-01-01`,
      periodTo: `${year - 1}-12-31`,
      taskId: taskIds[1]![4],
    });
    const done = await conductSupervision(db, admin, planned.id, {
      conductedOn: `${year}-0${5 + i}-15`,
      findings: 'Quy trình rà soát cơ bản đúng; một số thôn chưa niêm yết danh sách đủ thời gian.',
      version: planned.version,
    });
    const open = await recommend(db, admin, done.id, {
      addresseeId: committee,
      text: 'Niêm yết công khai danh sách hộ nghèo, hộ cận nghèo tại nhà văn hóa thôn đủ 7 ngày.',
      dueOn: `${year}-0${7 + i}-28`,
      version: done.version,
    });
    const closed = await recommend(db, admin, done.id, {
      addresseeId: committee,
      text: 'Bổ sung hồ sơ hộ cận nghèo vay vốn hỗ trợ sinh kế.',
      dueOn: `${year}-09-30`,
      version: done.version,
    });
    if (i > 0) {
      const answered = await followUp(db, admin, open.id, 'answer', {
        answer: 'Đã niêm yết bổ sung.',
        answeredOn: `${year}-08-05`,
        version: open.version,
      });
      if (i > 1) await followUp(db, admin, open.id, 'accept', { version: answered.version });
    }
    const a = await followUp(db, admin, closed.id, 'answer', {
      answer: 'Đã lập hồ sơ.',
      answeredOn: `${year}-09-10`,
      version: closed.version,
    });
    await followUp(db, admin, closed.id, 'resolve', { resolvedOn: `${year}-09-25`, version: a.version });
  }
  await planSupervision(db, admin, {
    year: 2026,
    unitCode: provinceCode,
    leadId: front,
    memberIds: [department],
    supervisedId: await org('UBND xã Thạch Hà'),
    topic: 'Giám sát việc hỗ trợ nhà ở cho hộ nghèo năm 2026',
    method: 'reports',
    periodFrom: '2026-01-01',
    periodTo: '2026-11-30',
    programmeId: programme.id,
    contentId: c5!.id,
  });

  // The movement and commendations across the demo communes.
  const movement = await launchMovement(db, admin, {
    name: 'Vì người nghèo – Không để ai bị bỏ lại phía sau',
    unitCode: provinceCode,
    periodFrom: 2021,
    periodTo: 2025,
    description: 'Phong trào thi đua do Ủy ban MTTQ Việt Nam tỉnh phát động.',
  });
  const recipients: [ActivityRecipient, string, string][] = [
    ['collective', 'Ủy ban MTTQ Việt Nam', 'Hoàn thành xuất sắc công tác vận động Quỹ "Vì người nghèo"'],
    ['individual', 'Ông Nguyễn Văn Lợi, Trưởng thôn 3', 'Vận động 12 hộ nghèo tham gia mô hình sinh kế'],
    ['business', 'Công ty TNHH Thương mại Hồng Lĩnh', 'Ủng hộ xây 5 nhà đại đoàn kết'],
    ['household', 'Hộ bà Trần Thị Hoa', 'Tự nguyện làm đơn ra khỏi danh sách hộ nghèo'],
  ];
  for (const [i, commune] of communes.slice(0, 8).entries()) {
    const [kind, name, achievement] = recipients[i % recipients.length]!;
    const place = `${commune.unitType === 'ward' ? 'phường' : 'xã'} ${commune.name}`;
    await commend(db, admin, {
      unitCode: provinceCode,
      movementId: movement.id,
      programmeId: programme.id,
      contentId: c5!.id,
      form: i % 2 === 0 ? 'certificate_of_merit' : 'letter_of_commendation',
      level: 'province',
      recipientKind: kind,
      recipientName: kind === 'collective' ? `${name} ${place}` : `${name} (${place})`,
      achievement,
      decisionNumber: `${120 + i}/QĐ-MTTQ`,
      decisionDate: i < 4 ? '2024-12-20' : '2025-12-19',
    });
  }

  await draftReview(db, admin, programme.id, {
    kind: 'so_ket',
    periodFrom: '2024-01-01',
    periodTo: '2024-12-31',
    number: '45/BC-MTTQ-SLĐTBXH',
  });
}
type ActivityRecipient = 'collective' | 'individual' | 'business' | 'household';

/** The demo's organisations by exact name (made by the province seed). */
async function organisationFinder(db: Db, admin: Actor) {
  const cache = new Map<string, string>();
  return async (name: string) => {
    const known = cache.get(name);
    if (known) return known;
    const { items } = await listOrganisations(db, admin, {
      q: name,
      limit: 50,
      offset: 0,
      sort: 'name',
      order: 'asc',
      includeArchived: false,
    });
    const found = items.find((o) => o.name === name);
    if (!found) throw new Error(`demo organisation not found: ${name}`);
    cache.set(name, found.id);
    return found.id;
  };
}
