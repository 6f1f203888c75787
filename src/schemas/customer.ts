import { Type, type Static } from 'typebox'
import { CUSTOMER_TYPES, LIFECYCLE_STATUSES } from '../domain/customers/index.ts'

/**
 * Customer schemas, shared by the API (request and response validation, OpenAPI) and by
 * imports (each row is checked by the same compiled schema, so a file and a form get the
 * same field errors). Objects refuse fields they do not know.
 */
const strict = { additionalProperties: false } as const
const Text = (max: number) => Type.String({ minLength: 1, maxLength: max })
const OptionalText = (max: number) => Type.Optional(Type.Union([Type.String({ maxLength: max }), Type.Null()]))

export const CustomerTypeSchema = Type.Enum(CUSTOMER_TYPES, { description: CUSTOMER_TYPES.join(' | ') })
export const LifecycleStatusSchema = Type.Enum(LIFECYCLE_STATUSES, { description: LIFECYCLE_STATUSES.join(' → ') })
export const CountryCode = Type.String({ pattern: '^[A-Z]{2}$', description: 'ISO 3166-1 alpha-2, e.g. CN, DE, US' })
export const IsoDate = Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$', description: 'YYYY-MM-DD' })
export const IndustrySchema = Type.Object(
  {
    code: Text(20),
    name: Type.Optional(Type.Union([Type.String({ maxLength: 200 }), Type.Null()])),
  },
  { ...strict, description: 'GB/T 4754 or ISIC code, e.g. C39 (manufacture of computers, communication equipment)' },
)
export const CustomFieldValues = Type.Record(Type.String({ pattern: '^[a-z][a-zA-Z0-9_]{0,63}$' }), Type.Union([Type.String({ maxLength: 2000 }), Type.Number(), Type.Null()]))

const customerFields = {
  externalId: OptionalText(100),
  aliases: Type.Optional(Type.Array(Text(300), { maxItems: 50 })),
  registrationId: OptionalText(64),
  region: OptionalText(100),
  industry: Type.Optional(Type.Union([IndustrySchema, Type.Null()])),
  businessScope: OptionalText(4000),
  businessModel: OptionalText(2000),
  founded: Type.Optional(Type.Union([IsoDate, Type.Null()])),
  employees: Type.Optional(Type.Union([Type.Integer({ minimum: 0 }), Type.Null()])),
  listed: Type.Optional(Type.Boolean()),
  tags: Type.Optional(Type.Array(Text(50), { maxItems: 50 })),
  ownerId: OptionalText(64),
  status: Type.Optional(LifecycleStatusSchema),
  customFields: Type.Optional(CustomFieldValues),
}

export const CustomerInputSchema = Type.Object(
  {
    type: CustomerTypeSchema,
    name: Text(300),
    country: CountryCode,
    ...customerFields,
  },
  strict,
)
export type CustomerInput = Static<typeof CustomerInputSchema>

export const CustomerPatchSchema = Type.Object(
  {
    type: Type.Optional(CustomerTypeSchema),
    name: Type.Optional(Text(300)),
    country: Type.Optional(CountryCode),
    ...customerFields,
    version: Type.Optional(Type.Integer({ minimum: 1, description: 'The version you edited; a newer one on the server gives 409' })),
  },
  strict,
)
export type CustomerPatch = Static<typeof CustomerPatchSchema>

const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(schema: T) => Type.Union([schema, Type.Null()])

export const CustomerSchema = Type.Object({
  id: Type.String(),
  externalId: Nullable(Type.String()),
  type: CustomerTypeSchema,
  name: Type.String(),
  aliases: Type.Array(Type.String()),
  registrationId: Nullable(Type.String()),
  country: Type.String(),
  region: Nullable(Type.String()),
  industry: Nullable(Type.Object({ code: Type.String(), name: Nullable(Type.String()) })),
  businessScope: Nullable(Type.String()),
  businessModel: Nullable(Type.String()),
  founded: Nullable(Type.String()),
  employees: Nullable(Type.Integer()),
  listed: Type.Boolean(),
  tags: Type.Array(Type.String()),
  ownerId: Nullable(Type.String()),
  status: LifecycleStatusSchema,
  customFields: Type.Record(Type.String(), Type.Union([Type.String(), Type.Number(), Type.Null()])),
  version: Type.Integer(),
  createdAt: Type.String(),
  updatedAt: Type.String(),
})
