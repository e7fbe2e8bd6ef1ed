/** The support and poverty-reduction hub (Hỗ trợ & giảm nghèo). */
export const SUPPORT_PATH = '/ho-tro';
/** The distributions (đợt phát) of the area, and one of them. */
export const DISTRIBUTIONS_PATH = `${SUPPORT_PATH}/dot-phat`;
export const distributionPath = (id: string) => `${DISTRIBUTIONS_PATH}/${id}`;
