import type { Customer, CustomerInput, CustomerPatch, CustomFieldDefinition, CustomFieldValue } from '../api/types.ts'
import type { FieldName } from '../forms/field-errors.ts'

/** What the customer form holds: text boxes hold '' where the customer holds null. */
export type CustomerFormValues = {
  type: Customer['type']
  name: string
  aliases: string[]
  registrationId: string
  externalId: string
  country: string
  region: string
  industry: { code: string; name: string }
  businessScope: string
  businessModel: string
  founded: string
  employees: number | null
  listed: boolean
  tags: string[]
  status: Customer['status']
  customFields: Record<string, CustomFieldValue>
}

/** Every field of the form, for putting the server's error details on them. */
export function customerFormFields(definitions: CustomFieldDefinition[]): FieldName[] {
  return [
    'type',
    'name',
    'aliases',
    'registrationId',
    'externalId',
    'country',
    'region',
    ['industry', 'code'],
    ['industry', 'name'],
    'businessScope',
    'businessModel',
    'founded',
    'employees',
    'listed',
    'tags',
    'status',
    ...definitions.map((d) => ['customFields', d.key]),
  ]
}

export function toFormValues(customer: Customer | null): CustomerFormValues {
  return {
    type: customer?.type ?? 'company',
    name: customer?.name ?? '',
    aliases: customer?.aliases ?? [],
    registrationId: customer?.registrationId ?? '',
    externalId: customer?.externalId ?? '',
    country: customer?.country ?? 'CN',
    region: customer?.region ?? '',
    industry: { code: customer?.industry?.code ?? '', name: customer?.industry?.name ?? '' },
    businessScope: customer?.businessScope ?? '',
    businessModel: customer?.businessModel ?? '',
    founded: customer?.founded ?? '',
    employees: customer?.employees ?? null,
    listed: customer?.listed ?? false,
    tags: customer?.tags ?? [],
    status: customer?.status ?? 'prospect',
    customFields: { ...customer?.customFields },
  }
}

const orNull = (text: string | undefined) => (text?.trim() ? text.trim() : null)

/** The form as the API reads a customer: trimmed, empty text as null, no industry without a code or name. */
export function toCustomerInput(values: CustomerFormValues): CustomerInput {
  const code = values.industry.code.trim()
  const industryName = orNull(values.industry.name)
  return {
    type: values.type,
    name: values.name.trim(),
    aliases: values.aliases.map((a) => a.trim()).filter(Boolean),
    registrationId: orNull(values.registrationId),
    externalId: orNull(values.externalId),
    country: values.country.trim().toUpperCase(),
    region: orNull(values.region),
    // A name without a code is sent as it is, so the server names industry.code as missing.
    industry: code || industryName ? { code, name: industryName } : null,
    businessScope: orNull(values.businessScope),
    businessModel: orNull(values.businessModel),
    founded: orNull(values.founded),
    employees: values.employees ?? null,
    listed: values.listed,
    tags: values.tags.map((t) => t.trim()).filter(Boolean),
    status: values.status,
    customFields: Object.fromEntries(Object.entries(values.customFields).map(([key, value]) => [key, typeof value === 'string' ? orNull(value) : (value ?? null)])),
  }
}

/** Only what the form changed, with the version it was edited from, so the server can refuse a stale edit (409). */
export function customerPatch(customer: Customer, values: CustomerFormValues): CustomerPatch {
  const input = toCustomerInput(values)
  const patch: Record<string, unknown> = {}
  for (const [key, value] of Object.entries(input) as [keyof CustomerInput, unknown][]) {
    if (key === 'customFields') continue
    if (JSON.stringify(value) !== JSON.stringify(customer[key])) patch[key] = value
  }
  const customFields = Object.fromEntries(Object.entries(input.customFields ?? {}).filter(([key, value]) => (customer.customFields[key] ?? null) !== value))
  if (Object.keys(customFields).length > 0) patch.customFields = customFields
  return { ...patch, version: customer.version } as CustomerPatch
}

/** A new customer: only the fields that were filled in. */
export function newCustomerInput(values: CustomerFormValues): CustomerInput {
  const input = toCustomerInput(values) as Record<string, unknown>
  const filled = Object.entries(input).filter(([key, value]) => {
    if (value === null) return false
    if (Array.isArray(value)) return value.length > 0
    if (key === 'customFields') return Object.values(value as object).some((v) => v !== null)
    return true
  })
  const result = Object.fromEntries(filled) as CustomerInput
  if (result.customFields) result.customFields = Object.fromEntries(Object.entries(result.customFields).filter(([, v]) => v !== null))
  return result
}
