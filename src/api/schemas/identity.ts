import { Type } from 'typebox'
import { PERMISSIONS, ROLES, type Permission } from '../../domain/identity/index.ts'
import { Id, Nullable, StrictObject, Timestamp } from './common.ts'

export const RoleSchema = Type.Enum(ROLES, { description: ROLES.join(' | ') })

export const Email = Type.String({ format: 'email', maxLength: 320 })
export const Password = Type.String({ minLength: 8, maxLength: 256, description: 'At least 8 characters, mixing letters with digits or symbols' })
export const Language = Type.Union([Type.Literal('zh-CN'), Type.Literal('en')])
/** A name the service trims: it must hold more than spaces, or it would be stored empty. */
export const Name = Type.String({ minLength: 1, maxLength: 200, pattern: '\\S' })

export const UserSchema = Type.Object({
  id: Id,
  email: Type.String(),
  name: Type.String(),
  teamId: Nullable(Id),
  role: RoleSchema,
  active: Type.Boolean(),
  language: Nullable(Type.String()),
  createdAt: Timestamp,
  updatedAt: Timestamp,
})

export const MeSchema = Type.Object({
  user: UserSchema,
  permissions: Type.Array(Type.Enum(Object.keys(PERMISSIONS) as Permission[])),
  via: Type.Union([Type.Literal('session'), Type.Literal('api_key')]),
})

export const CreateUserBody = StrictObject({
  email: Email,
  name: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })),
  password: Password,
  role: RoleSchema,
  teamId: Type.Optional(Nullable(Id)),
  active: Type.Optional(Type.Boolean()),
  language: Type.Optional(Nullable(Language)),
})

export const UpdateUserBody = StrictObject({
  name: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })),
  password: Type.Optional(Password),
  role: Type.Optional(RoleSchema),
  teamId: Type.Optional(Nullable(Id)),
  active: Type.Optional(Type.Boolean()),
  language: Type.Optional(Nullable(Language)),
})

export const UserListQuery = StrictObject({
  teamId: Type.Optional(Id),
  role: Type.Optional(RoleSchema),
  active: Type.Optional(Type.Boolean()),
})

export const TeamSchema = Type.Object({ id: Id, name: Type.String(), description: Nullable(Type.String()), createdAt: Timestamp, updatedAt: Timestamp })

export const CreateTeamBody = StrictObject({
  name: Name,
  description: Type.Optional(Nullable(Type.String({ maxLength: 2000 }))),
})

export const UpdateTeamBody = StrictObject({
  name: Type.Optional(Name),
  description: Type.Optional(Nullable(Type.String({ maxLength: 2000 }))),
})

export const ApiKeySchema = Type.Object({
  id: Id,
  userId: Id,
  name: Type.String(),
  prefix: Type.String({ description: 'The first characters of the key, to recognise it; the key itself is never stored' }),
  createdBy: Type.String(),
  createdAt: Timestamp,
  lastUsedAt: Nullable(Timestamp),
  revokedAt: Nullable(Timestamp),
})

export const CreateApiKeyBody = StrictObject({
  name: Name,
  userId: Type.Optional(Type.String({ minLength: 1, maxLength: 64, description: 'Whose key it is; defaults to the caller' })),
})

export const CreatedApiKey = Type.Object({
  apiKey: ApiKeySchema,
  key: Type.String({ description: 'The secret, shown this once: send it as "Authorization: Bearer KEY"' }),
})

export const LoginBody = StrictObject({
  email: Type.String({ minLength: 1, maxLength: 320 }),
  password: Type.String({ minLength: 1, maxLength: 256 }),
})

export const LoginResponse = Type.Object({ user: UserSchema, expiresAt: Timestamp })
