/**
 * What an uploaded file really is, read from its first bytes (its signature), not from the
 * name or the Content-Type the sender claims: a photo, a scanned or signed document, minutes.
 * Office files are ZIP (docx, xlsx) or OLE (doc, xls) containers; for those the name's
 * extension says which, since the container alone cannot.
 */
export const FILE_TYPES = {
  jpeg: { mediaType: 'image/jpeg', image: true },
  png: { mediaType: 'image/png', image: true },
  webp: { mediaType: 'image/webp', image: true },
  pdf: { mediaType: 'application/pdf', image: false },
  docx: { mediaType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', image: false },
  xlsx: { mediaType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', image: false },
  doc: { mediaType: 'application/msword', image: false },
  xls: { mediaType: 'application/vnd.ms-excel', image: false },
} as const;
export type FileType = keyof typeof FILE_TYPES;
export const IMAGE_TYPES = (Object.keys(FILE_TYPES) as FileType[]).filter((t) => FILE_TYPES[t].image);

/** The accepted kinds, as users know them, for the refusal message. */
export const ACCEPTED_FILES = 'ảnh JPEG, PNG, WebP; PDF; Word (.docx, .doc); Excel (.xlsx, .xls)';
export const ACCEPTED_FILES_EN = 'JPEG, PNG or WebP photos; PDF; Word (.docx, .doc); Excel (.xlsx, .xls)';

const startsWith = (bytes: Uint8Array, signature: readonly number[], at = 0) =>
  bytes.length >= at + signature.length && signature.every((b, i) => bytes[at + i] === b);
const ascii = (text: string) => [...text].map((c) => c.charCodeAt(0));

const ZIP = [0x50, 0x4b, 0x03, 0x04];
const OLE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

export function extensionOf(fileName: string): string {
  const dot = fileName.lastIndexOf('.');
  return dot < 0 ? '' : fileName.slice(dot + 1).toLowerCase();
}

/** The file's type, or null when it is none we keep (or its name contradicts its content). */
export function detectFileType(bytes: Uint8Array, fileName: string): FileType | null {
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return 'jpeg';
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'png';
  if (startsWith(bytes, ascii('RIFF')) && startsWith(bytes, ascii('WEBP'), 8)) return 'webp';
  if (startsWith(bytes, ascii('%PDF-'))) return 'pdf';
  const ext = extensionOf(fileName);
  if (startsWith(bytes, ZIP)) return ext === 'docx' || ext === 'xlsx' ? ext : null;
  if (startsWith(bytes, OLE)) return ext === 'doc' || ext === 'xls' ? ext : null;
  return null;
}
