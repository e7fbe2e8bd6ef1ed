import type { Messages } from './vi';

/** English texts of attached files. */
export const attachmentsEn: Messages['attachments'] = {
  title: 'Attachments',
  photos: 'Photos',
  documents: 'Documents',
  empty: 'No files attached yet.',
  upload: 'Upload a file',
  uploading: 'Uploading {name}…',
  uploaded: '{name} attached.',
  caption: 'Caption',
  captionPlaceholder: 'Caption for the next file uploaded (optional)',
  accepted: 'JPEG, PNG or WebP photos; PDF; Word; Excel — up to 10 MB each.',
  tooLarge: '{name} is larger than 10 MB.',
  open: 'Open',
  download: 'Download',
  remove: 'Remove file',
  removeTitle: 'Remove {name}',
  removeIntro: 'The file’s content is erased; its name, who removed it and why stay in the log.',
  reason: 'Reason',
  reasonRequired: 'Give the reason for removing the file.',
  removed: 'File removed.',
  by: '{name}, {date}',
};
