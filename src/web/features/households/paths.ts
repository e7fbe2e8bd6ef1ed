/** Addresses of the registry pages (Vietnamese, as officers say them). */
export const HOUSEHOLDS_PATH = '/ho-gia-dinh';
export const HOUSEHOLD_CREATE_PATH = `${HOUSEHOLDS_PATH}/them-moi`;
export const HOUSEHOLD_IMPORT_PATH = `${HOUSEHOLDS_PATH}/nhap-excel`;
export const COMPARISON_PATH = '/so-sanh-chuan-ngheo';

export const householdPath = (id: string) => `${HOUSEHOLDS_PATH}/${id}`;
export const assessPath = (id: string, year?: number) =>
  `${HOUSEHOLDS_PATH}/${id}/danh-gia${year === undefined ? '' : `?year=${year}`}`;
