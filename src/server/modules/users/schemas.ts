import { z } from 'zod';
import { ROLES } from '../../../domain/access';
import { listQuerySchema, listResponseSchema } from '../../platform/list';
import { nameText, timestampField, unitCodeField, versionField } from '../../platform/schemas';

const usernameField = z
  .string()
  .transform((v) => v.trim().toLowerCase())
  .pipe(
    z
      .string()
      .regex(
        /^[a-z0-9][a-z0-9._-]{2,39}$/u,
        'Tên đăng nhập 3–40 ký tự: chữ thường không dấu, số, dấu chấm, gạch ngang',
      ),
  );
export const passwordField = z.string().min(10, 'Mật khẩu tối thiểu 10 ký tự').max(200, 'Mật khẩu tối đa 200 ký tự');
const rolesField = z
  .array(z.enum(ROLES))
  .min(1, 'Chọn ít nhất một vai trò')
  .max(ROLES.length)
  .refine((r) => new Set(r).size === r.length, 'Vai trò bị lặp');
const scopeCodeField = unitCodeField.nullable().describe('Địa bàn: mã tỉnh, mã xã, hoặc null = toàn quốc');

export const UserScopeSchema = z.object({
  level: z.enum(['national', 'province', 'commune']),
  provinceCode: z.string().nullable(),
  communeCode: z.string().nullable(),
  name: z.string(),
});

export const UserSchema = z.object({
  id: z.uuid(),
  username: z.string(),
  fullName: z.string(),
  organisation: z.object({ id: z.uuid(), name: z.string() }).nullable(),
  scope: UserScopeSchema,
  roles: z.array(z.enum(ROLES)),
  disabled: z.boolean(),
  mustChangePassword: z.boolean(),
  lastLoginAt: timestampField.nullable(),
  createdAt: timestampField,
  updatedAt: timestampField,
  version: z.number().int(),
});

export const PermissionsSchema = z.object({
  manageUsers: z.boolean(),
  manageOrganisations: z.boolean(),
  manageVillages: z.boolean(),
  viewAudit: z.boolean(),
});

export const UserListQuerySchema = listQuerySchema(['name', 'username', 'createdAt']).extend({
  role: z.enum(ROLES).optional(),
  status: z.enum(['active', 'disabled']).optional(),
});
export const UserListSchema = listResponseSchema(UserSchema);

export const UserCreateSchema = z.strictObject({
  username: usernameField,
  fullName: nameText(120),
  organisationId: z.uuid().nullable().default(null),
  scopeCode: scopeCodeField,
  roles: rolesField,
  password: passwordField.optional().describe('Bỏ trống để hệ thống sinh mật khẩu tạm'),
});
export const UserCreatedSchema = z.object({ user: UserSchema, initialPassword: z.string().optional() });

export const UserUpdateSchema = z.strictObject({
  fullName: nameText(120).optional(),
  organisationId: z.uuid().nullable().optional(),
  version: versionField,
});

export const UserAccessSchema = z.strictObject({ scopeCode: scopeCodeField, roles: rolesField, version: versionField });
export const PasswordResetSchema = z.object({ temporaryPassword: z.string() });

export type UserCreateReq = z.infer<typeof UserCreateSchema>;
export type UserUpdateReq = z.infer<typeof UserUpdateSchema>;
export type UserAccessReq = z.infer<typeof UserAccessSchema>;
export type UserListReq = z.infer<typeof UserListQuerySchema>;
export type UserView = z.infer<typeof UserSchema>;
