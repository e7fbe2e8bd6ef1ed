export const REVIEWS_PATH = '/ra-soat';
export const roundPath = (id: string) => `${REVIEWS_PATH}/${id}`;
