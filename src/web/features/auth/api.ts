import { request } from '../../api/client';
import type { User } from '../users/api';

export interface Session {
  user: User;
  csrfToken: string;
}

export const authApi = {
  /** The current session, or a 401 ApiError when nobody is signed in. */
  me: () => request<Session>('GET', '/api/auth/me', { quiet401: true }),
  login: (username: string, password: string) =>
    request<Session>('POST', '/api/auth/login', { body: { username, password }, quiet401: true }),
  logout: () => request<void>('POST', '/api/auth/logout', { body: {}, quiet401: true }),
  changePassword: (currentPassword: string, newPassword: string) =>
    request<void>('POST', '/api/auth/password', { body: { currentPassword, newPassword } }),
};
