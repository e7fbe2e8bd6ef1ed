/** Addresses of the public pages, for links from elsewhere in the app. */
export const PUBLIC_CALCULATOR_PATH = '/tinh-chuan-ngheo';
/** The same page under an English address. */
export const PUBLIC_CALCULATOR_ALIAS = '/calculator';
/** The public news: the list, and one item at NEWS_PATH/:id. */
export const NEWS_PATH = '/tin-tuc';
