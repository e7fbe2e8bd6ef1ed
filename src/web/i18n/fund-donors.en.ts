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
};
