/** A small file with a JPEG signature; `seed` makes its content (and so its hash) differ. */
export const jpegPhoto = (seed: number | string) =>
  Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.from(`JFIF anh ${seed}`)]);

/** A minimal PDF. */
export const pdfFile = Buffer.from('%PDF-1.4\n1 0 obj <<>> endobj\n%%EOF\n');
