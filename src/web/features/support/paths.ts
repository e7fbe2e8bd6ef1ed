/** The support and poverty-reduction hub (Hỗ trợ & giảm nghèo). */
export const SUPPORT_PATH = '/ho-tro';
