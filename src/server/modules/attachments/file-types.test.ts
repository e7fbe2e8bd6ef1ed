import { describe, expect, it } from 'vitest';
import { detectFileType } from './file-types';

const bytes = (...parts: (number[] | string)[]) =>
  Uint8Array.from(parts.flatMap((p) => (typeof p === 'string' ? [...p].map((c) => c.charCodeAt(0)) : p)));

describe('what an uploaded file really is', () => {
  it('knows photos and PDFs by their signature whatever they are called', () => {
    expect(detectFileType(bytes([0xff, 0xd8, 0xff, 0xe0], 'JFIF'), 'anh-le-ban-giao.JPG')).toBe('jpeg');
    expect(detectFileType(bytes([0x89], 'PNG', [0x0d, 0x0a, 0x1a, 0x0a, 0]), 'IMG_0012')).toBe('png');
    expect(detectFileType(bytes('RIFF', [1, 2, 3, 4], 'WEBPVP8 '), 'a.webp')).toBe('webp');
    expect(detectFileType(bytes('%PDF-1.7\n'), 'bien-ban.pdf')).toBe('pdf');
  });

  it('tells Word from Excel inside an Office container by the name, and refuses a bare ZIP', () => {
    const zip = bytes([0x50, 0x4b, 0x03, 0x04, 20, 0]);
    expect(detectFileType(zip, 'Biên bản họp.docx')).toBe('docx');
    expect(detectFileType(zip, 'danh-sach.XLSX')).toBe('xlsx');
    expect(detectFileType(zip, 'anh.zip')).toBeNull();
    const ole = bytes([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
    expect(detectFileType(ole, 'cong-van.doc')).toBe('doc');
    expect(detectFileType(ole, 'so-lieu.xls')).toBe('xls');
    expect(detectFileType(ole, 'setup.msi')).toBeNull();
  });

  it('refuses what is not a photo or a document, even when named like one', () => {
    expect(detectFileType(bytes('MZ', [0x90, 0]), 'anh.jpg')).toBeNull();
    expect(detectFileType(bytes('<html><script>'), 'bao-cao.pdf')).toBeNull();
    expect(detectFileType(new Uint8Array(), 'rong.pdf')).toBeNull();
    expect(detectFileType(bytes([0xff, 0xd8]), 'cut.jpg')).toBeNull();
  });
});
