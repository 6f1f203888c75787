/**
 * What the API sends, typed from the server's own definitions where they are plain types,
 * so a renamed field breaks this build instead of a page.
 */
export type { Customer, CustomFieldDefinition, CustomFieldValue, LifecycleStatus, CustomerType } from '../../../src/domain/customers/index.ts'
export type { Contact, Statement, BureauRecord, StatementItem } from '../../../src/schemas/customer-records.ts'
export type { CustomerInput, CustomerPatch } from '../../../src/schemas/customer.ts'
export type { RelationshipView, RelationshipKind } from '../../../src/schemas/relationship.ts'

export type Language = 'zh-CN' | 'en'

/** GET /api/v1/me (src/api/schemas/identity.ts MeSchema). */
export type Me = {
  user: { id: string; email: string; name: string; role: string; language: string | null; teamId: string | null }
  permissions: string[]
  via: 'session' | 'api_key'
}

export type Page<T> = { items: T[]; nextCursor: string | null }

/** A stored file. */
export type { DocumentInfo } from '../../../src/schemas/document.ts'

/** One change in a customer's history (src/api/routes/timeline.ts TimelineItem). */
export type TimelineItem = {
  seq: number
  at: string
  actor: string
  actorName: string | null
  action: string
  entity: string
  entityId: string
  before: unknown
  after: unknown
}
