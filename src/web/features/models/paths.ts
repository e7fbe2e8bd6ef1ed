/** The models pages, under the support section (/ho-tro). */
export const MODELS_PATH = '/ho-tro/mo-hinh';
export const modelPath = (id: string) => `${MODELS_PATH}/${id}`;
