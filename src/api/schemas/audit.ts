import { Type } from 'typebox'
import { Nullable, StrictObject, Timestamp } from './common.ts'

export const AuditEntrySchema = Type.Object({
  seq: Type.Integer(),
  at: Timestamp,
  actor: Type.String(),
  action: Type.String(),
  entity: Type.String(),
  entityId: Type.String(),
  before: Type.Unknown({ description: 'The record before the change, or null' }),
  after: Type.Unknown({ description: 'The record after the change, or null' }),
  prevHash: Type.String(),
  hash: Type.String({ description: 'SHA-256 of the canonical JSON of this entry including prevHash' }),
})

export const AuditQuery = StrictObject({
  entity: Type.Optional(Type.String({ minLength: 1, maxLength: 64 })),
  entityId: Type.Optional(Type.String({ minLength: 1, maxLength: 64 })),
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 1000, default: 100 })),
  cursor: Type.Optional(Type.Integer({ minimum: 1, description: 'nextCursor of the previous page' })),
})

export const AuditPage = Type.Object({ entries: Type.Array(AuditEntrySchema), nextCursor: Nullable(Type.Integer()) })

export const AuditVerification = Type.Object({
  ok: Type.Boolean(),
  checked: Type.Integer(),
  firstBadSeq: Nullable(Type.Integer()),
  reason: Nullable(Type.String()),
})
