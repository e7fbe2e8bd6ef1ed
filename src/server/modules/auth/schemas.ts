import { z } from 'zod';
import { passwordField, PermissionsSchema, UserSchema } from '../users/schemas';

export const LoginSchema = z.strictObject({
  username: z.string().min(1, 'Nhập tên đăng nhập').max(100),
  password: z.string().min(1, 'Nhập mật khẩu').max(200),
});

export const SessionUserSchema = UserSchema.extend({ permissions: PermissionsSchema });
export const SessionSchema = z.object({ user: SessionUserSchema, csrfToken: z.string() });

export const PasswordChangeSchema = z.strictObject({
  currentPassword: z.string().min(1).max(200),
  newPassword: passwordField,
});
