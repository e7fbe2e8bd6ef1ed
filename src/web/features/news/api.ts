import type { NewsStatus } from '../../../domain/coordination';
import { api, type Page } from '../../api/client';
import { NEWS_PATH } from '../../app/paths';

export interface NewsItem {
  id: string;
  unitCode: string;
  unitName: string;
  title: string;
  summary: string;
  body: string | null;
  happenedOn: string;
  activityId: string | null;
  organisations: { id: string; name: string }[];
  activityPhotoIds: string[];
  status: NewsStatus;
  publishedAt: string | null;
  withdrawnAt: string | null;
  withdrawReason: string | null;
  canManage: boolean;
  version: number;
}
export interface NewsInput {
  unitCode: string;
  title: string;
  summary: string;
  body?: string | null;
  happenedOn: string;
  activityId?: string | null;
  organisationIds: string[];
  activityPhotoIds: string[];
}
export interface PublicNews {
  id: string;
  title: string;
  summary: string;
  body?: string | null;
  happenedOn: string;
  publishedAt: string;
  unitName: string;
  provinceName: string;
  organisations: string[];
  photos: { id: string; caption: string | null }[];
}

export const newsPath = (id: string) => `${NEWS_PATH}/${id}`;
export const publicPhotoUrl = (newsId: string, photoId: string) => `/api/public/news/${newsId}/photos/${photoId}`;

export const newsApi = {
  list: (query: { q?: string; limit: number; offset: number; unit?: string; status?: NewsStatus }) =>
    api.get<Page<NewsItem>>('/api/news', { ...query }),
  create: (body: NewsInput) => api.post<NewsItem>('/api/news', body),
  update: (id: string, body: NewsInput & { version: number }) => api.put<NewsItem>(`/api/news/${id}`, body),
  publish: (item: NewsItem) => api.post<NewsItem>(`/api/news/${item.id}/publish`, { version: item.version }),
  withdraw: (item: NewsItem, reason: string) =>
    api.post<NewsItem>(`/api/news/${item.id}/withdrawal`, { reason, version: item.version }),
};

export const publicNewsApi = {
  list: (query: { limit: number; offset: number }) => api.get<Page<PublicNews>>('/api/public/news', query),
  one: (id: string) => api.get<PublicNews>(`/api/public/news/${id}`),
};
