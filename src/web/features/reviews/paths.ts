export const REVIEWS_PATH = '/ra-soat';
export const roundPath = (id: string) => `${REVIEWS_PATH}/${id}`;
/** The province roll-up of every commune's round. */
export const ROLLUP_PATH = `${REVIEWS_PATH}/tong-hop`;
