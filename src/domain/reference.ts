/** Kinds of villages and organisations: codes used in the API, labels for the UI. */
export const VILLAGE_KINDS = ['thon', 'xom', 'ban', 'ap', 'buon', 'plei', 'to_dan_pho', 'khu_pho', 'khom'] as const;
export type VillageKind = (typeof VILLAGE_KINDS)[number];

export const VILLAGE_KIND_LABELS: Record<VillageKind, { vi: string; en: string }> = {
  thon: { vi: 'Thôn', en: 'Village (thôn)' },
  xom: { vi: 'Xóm', en: 'Hamlet (xóm)' },
  ban: { vi: 'Bản', en: 'Village (bản)' },
  ap: { vi: 'Ấp', en: 'Hamlet (ấp)' },
  buon: { vi: 'Buôn', en: 'Village (buôn)' },
  plei: { vi: 'Plei', en: 'Village (plei)' },
  to_dan_pho: { vi: 'Tổ dân phố', en: 'Residential group' },
  khu_pho: { vi: 'Khu phố', en: 'Quarter (khu phố)' },
  khom: { vi: 'Khóm', en: 'Quarter (khóm)' },
};

export const ORGANISATION_KINDS = [
  'front_committee',
  'government_department',
  'peoples_committee',
  'member_organisation',
  'bank',
  'business',
  'other',
] as const;
export type OrganisationKind = (typeof ORGANISATION_KINDS)[number];

export const ORGANISATION_KIND_LABELS: Record<OrganisationKind, { vi: string; en: string }> = {
  front_committee: { vi: 'Ủy ban MTTQ', en: 'Fatherland Front committee' },
  government_department: { vi: 'Sở, ngành', en: 'Government department' },
  peoples_committee: { vi: 'UBND', en: "People's Committee" },
  member_organisation: { vi: 'Tổ chức thành viên', en: 'Member organisation' },
  bank: { vi: 'Ngân hàng', en: 'Bank' },
  business: { vi: 'Doanh nghiệp', en: 'Business' },
  other: { vi: 'Khác', en: 'Other' },
};
