import { api } from '../../api/client';

/** The records a file can be attached to (as the server names them). */
export type OwnerKind = 'activity' | 'supervision' | 'programme' | 'news' | 'house' | 'legal_document';

export interface Attachment {
  id: string;
  ownerKind: OwnerKind;
  ownerId: string;
  fileName: string;
  fileType: string;
  mediaType: string;
  image: boolean;
  sizeBytes: number;
  caption: string | null;
  createdAt: string;
  createdByName: string | null;
  canRemove: boolean;
}

/** The server refuses larger files; checked here first so nobody waits for a 40 MB upload to fail. */
export const MAX_FILE_BYTES = 10 * 1024 * 1024;
export const ACCEPT = 'image/jpeg,image/png,image/webp,application/pdf,.pdf,.docx,.doc,.xlsx,.xls';

export const contentUrl = (id: string, download = false) =>
  `/api/attachments/${id}/content${download ? '?download=true' : ''}`;

export const attachmentsApi = {
  list: (ownerKind: OwnerKind, ownerId: string) =>
    api.get<{ items: Attachment[] }>('/api/attachments', { ownerKind, ownerId }),
  upload: (ownerKind: OwnerKind, ownerId: string, file: File, caption: string) =>
    api.upload<Attachment>(
      '/api/attachments',
      { ownerKind, ownerId, fileName: file.name, caption: caption || undefined },
      file,
    ),
  remove: (id: string, reason: string) => api.post<void>(`/api/attachments/${id}/removal`, { reason }),
};
