import { Type, type Static } from 'typebox'

/**
 * How two customers are tied, read "from … to": from is the parent of to; from holds
 * sharePct % of to; from guarantees to's obligations; from and to share a beneficial owner.
 * These ties are what group exposure is summed over.
 */
export const RELATIONSHIP_KINDS = ['parent', 'shareholder', 'guarantor', 'common_owner'] as const
export type RelationshipKind = (typeof RELATIONSHIP_KINDS)[number]

export const RelationshipInputSchema = Type.Object(
  {
    toCustomerId: Type.String({ minLength: 1, maxLength: 64 }),
    kind: Type.Enum(RELATIONSHIP_KINDS),
    sharePct: Type.Optional(Type.Union([Type.Number({ exclusiveMinimum: 0, maximum: 100 }), Type.Null()])),
    note: Type.Optional(Type.Union([Type.String({ maxLength: 1000 }), Type.Null()])),
  },
  { additionalProperties: false },
)
export type RelationshipInput = Static<typeof RelationshipInputSchema>

export const RelationshipSchema = Type.Object({
  id: Type.String(),
  customerId: Type.String({ description: 'The "from" customer' }),
  toCustomerId: Type.String(),
  kind: Type.Enum(RELATIONSHIP_KINDS),
  sharePct: Type.Union([Type.Number(), Type.Null()]),
  note: Type.Union([Type.String(), Type.Null()]),
  createdAt: Type.String(),
})
export type Relationship = Static<typeof RelationshipSchema>

/** A relationship seen from one customer: which way it points and who is on the other end. */
export const RelationshipViewSchema = Type.Object({
  ...RelationshipSchema.properties,
  direction: Type.Enum(['outgoing', 'incoming'] as const),
  other: Type.Object({ id: Type.String(), name: Type.String() }),
})
export type RelationshipView = Static<typeof RelationshipViewSchema>
