import type { Role } from '../../../domain/access';
import { api, type Page } from '../../api/client';

export type ScopeLevel = 'national' | 'province' | 'commune';

export interface UserScope {
  level: ScopeLevel;
  provinceCode: string | null;
  communeCode: string | null;
  name: string;
}

export interface Permissions {
  manageUsers: boolean;
  manageOrganisations: boolean;
  manageVillages: boolean;
  viewAudit: boolean;
}

export interface User {
  id: string;
  username: string;
  fullName: string;
  organisation: { id: string; name: string } | null;
  scope: UserScope;
  roles: Role[];
  disabled: boolean;
  mustChangePassword: boolean;
  lastLoginAt: string | null;
  createdAt: string;
  updatedAt: string;
  version: number;
  /** Present on /api/auth/me and the login answer only. */
  permissions?: Permissions;
}

export interface UserListQuery {
  q?: string;
  role?: Role;
  status?: 'active' | 'disabled';
  limit: number;
  offset: number;
  sort?: 'name' | 'username' | 'createdAt';
  order?: 'asc' | 'desc';
}

export interface UserCreate {
  username: string;
  fullName: string;
  organisationId: string | null;
  scopeCode: string | null;
  roles: Role[];
  password?: string;
}

export const usersApi = {
  list: (query: UserListQuery) => api.get<Page<User>>('/api/users', { ...query }),
  create: (body: UserCreate) => api.post<{ user: User; initialPassword?: string }>('/api/users', body),
  update: (id: string, body: { fullName?: string; organisationId?: string | null; version: number }) =>
    api.patch<User>(`/api/users/${id}`, body),
  setAccess: (id: string, body: { scopeCode: string | null; roles: Role[]; version: number }) =>
    api.put<User>(`/api/users/${id}/access`, body),
  disable: (id: string, version: number) => api.post<User>(`/api/users/${id}/disable`, { version }),
  enable: (id: string, version: number) => api.post<User>(`/api/users/${id}/enable`, { version }),
  resetPassword: (id: string, version: number) =>
    api.post<{ temporaryPassword: string }>(`/api/users/${id}/password-reset`, { version }),
};
