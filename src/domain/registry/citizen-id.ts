/**
 * The 12-digit citizen identity number (số định danh cá nhân / CCCD): 3 digits for the province
 * of birth, 1 for sex and century of birth (0/1 = male/female born 1900–1999, 2/3 = 2000–2099,
 * 4/5 = 2100–2199, …), 2 for the last digits of the year of birth, then 6 random digits.
 */
export interface CitizenIdCheck {
  ok: boolean;
  /** Vietnamese and English reasons when not ok. */
  vi?: string;
  en?: string;
}

const CENTURY_START = [1900, 2000, 2100, 2200, 2300];

/** Format, and agreement with the date of birth and sex when they are known. */
export function checkCitizenId(id: string, person?: { dateOfBirth?: string; sex?: 'male' | 'female' }): CitizenIdCheck {
  if (!/^\d{12}$/u.test(id)) {
    return {
      ok: false,
      vi: 'Số định danh cá nhân phải gồm đúng 12 chữ số.',
      en: 'A citizen ID has exactly 12 digits.',
    };
  }
  const code = Number(id[3]);
  const century = CENTURY_START[Math.floor(code / 2)];
  if (century === undefined) {
    return {
      ok: false,
      vi: 'Chữ số thứ 4 (giới tính, thế kỷ sinh) không hợp lệ.',
      en: 'The 4th digit (sex, century) is invalid.',
    };
  }
  if (person?.sex && (code % 2 === 0 ? 'male' : 'female') !== person.sex) {
    return {
      ok: false,
      vi: 'Chữ số thứ 4 của số định danh không khớp giới tính.',
      en: 'The 4th digit of the citizen ID does not match the sex.',
    };
  }
  const year = century + Number(id.slice(4, 6));
  if (person?.dateOfBirth && Number(person.dateOfBirth.slice(0, 4)) !== year) {
    return {
      ok: false,
      vi: `Số định danh ghi năm sinh ${year}, khác ngày sinh đã nhập.`,
      en: `The citizen ID gives birth year ${year}, not the date of birth entered.`,
    };
  }
  return { ok: true };
}
