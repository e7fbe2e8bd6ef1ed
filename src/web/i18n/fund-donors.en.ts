import type { fundDonorsVi } from './fund-donors.vi';

/** English texts of a fund's donors. */
export const fundDonorsEn: { [K in keyof typeof fundDonorsVi]: string } = {
  tab: 'Donors',
  search: 'Search by name, phone, e-mail (accents optional)',
  contact: 'Contact',
  publicName: 'Name on the public page',
  named: 'Named',
  notNamed: 'Shown as "Donor"',
  receipts: 'Donations',
  given: 'Given',
  lastDate: 'Last given',
  edit: 'Edit details',
  editIntro:
    'The public page names donors by their consent as it is now. Receipts already issued keep the name they were written with (the ledger never changes).',
  email: 'E-mail',
  address: 'Address',
  publishHelp: 'Untick when the donor does not want to be named: the public page shows "Donor".',
  saved: 'Donor {name} saved.',
  empty: 'No donors yet',
  mergeSuggestions:
    'Possible duplicates: {count} groups of donors whose names read the same without accents, case, punctuation and the abbreviation "Cty".',
  mergeInto: 'Merge "{from}" ({given}) into "{into}"',
  mergeAction: 'Merge into…',
  mergeTitle: 'Merge a duplicate donor — {name}',
  mergeConfirm: 'Merge',
  mergeKeep: 'Donor to keep',
  mergeKeepRequired: 'Choose the donor to keep',
  mergeSearchKeep: 'Type a name to find another donor of the fund',
  mergeConsequences:
    '"{name}" will leave the list; their donations count under the donor kept (list, fund report, public page). The ledger does not change: receipts issued keep the name they were written with. The merge can be undone.',
  mergeConsentNamed:
    'The public page follows the consent of the donor kept: these donations will be shown as "{name}".',
  mergeConsentNotNamed:
    'The public page follows the consent of the donor kept: "{name}" did not agree to be named, so these donations show as "Donor".',
  mergeConsentOfKept: 'The public page names donors by the consent of the donor kept.',
  mergeReason: 'Reason',
  mergeReasonHint: 'E.g. same tax code, same phone number',
  merged: '"{name}" merged.',
  mergedFrom: 'Merged here: {name}',
  unmerge: 'Split off',
  unmergeTitle: 'Split "{name}" off',
  unmergeIntro: '"{name}" will stand on its own again; their donations no longer count under "{into}".',
  unmergeReasonRequired: 'Give the reason for splitting off',
  unmerged: '"{name}" split off.',
};
