import { foldAccents } from '../../domain/text';

/** Accent-insensitive option filter for antd Select/TreeSelect: "thach ha" finds "Thạch Hà". */
export function matchesFolded(input: string, label: unknown): boolean {
  return typeof label === 'string' && foldAccents(label).includes(foldAccents(input));
}

export const foldedSearch = {
  filterOption: (input: string, option?: { label?: unknown }) => matchesFolded(input, option?.label),
};
