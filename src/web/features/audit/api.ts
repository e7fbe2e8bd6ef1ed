import { api, type Page } from '../../api/client';

export interface AuditEvent {
  id: number;
  at: string;
  actorUsername: string | null;
  action: string;
  entity: string;
  entityId: string;
  provinceCode: string | null;
  communeCode: string | null;
  before: unknown;
  after: unknown;
  ip: string | null;
}

export interface AuditQuery {
  q?: string;
  entity?: string;
  action?: string;
  actor?: string;
  from?: string;
  to?: string;
  limit: number;
  offset: number;
}

export const auditApi = {
  list: (query: AuditQuery) => api.get<Page<AuditEvent>>('/api/audit-events', { ...query }),
};
