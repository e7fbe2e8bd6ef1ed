export const COORDINATION_PATH = '/coordination';
export const PROGRAMME_CREATE_PATH = '/coordination/programmes/new';
export const programmePath = (id: string) => `/coordination/programmes/${id}`;
export const programmeEditPath = (id: string) => `/coordination/programmes/${id}/edit`;
