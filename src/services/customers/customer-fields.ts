import { AppError } from '../../app-error.ts'
import { CUSTOMER_FIELD_DEFAULTS, customerProblems, type CustomerFields, type CustomFieldDefinition } from '../../domain/customers/index.ts'
import type { CustomerInput } from '../../schemas/customer.ts'

/** A schema-valid input with every optional field filled with its default. */
export function withCustomerDefaults(input: CustomerInput): CustomerFields {
  const defaults = CUSTOMER_FIELD_DEFAULTS
  // One literal naming every field (the type makes a new field a compile error here). Copying
  // the input key by key onto the defaults measured 8.8 µs a customer, this 0.24 µs; an import
  // does it for every row.
  return {
    externalId: input.externalId ?? defaults.externalId,
    type: input.type,
    name: input.name,
    aliases: input.aliases ?? defaults.aliases,
    registrationId: input.registrationId ? input.registrationId.trim().toUpperCase() : null,
    country: input.country,
    region: input.region ?? defaults.region,
    industry: input.industry ? { code: input.industry.code, name: input.industry.name ?? null } : null,
    businessScope: input.businessScope ?? defaults.businessScope,
    businessModel: input.businessModel ?? defaults.businessModel,
    founded: input.founded ?? defaults.founded,
    employees: input.employees ?? defaults.employees,
    listed: input.listed ?? defaults.listed,
    tags: input.tags ?? defaults.tags,
    ownerId: input.ownerId ?? defaults.ownerId,
    status: input.status ?? defaults.status,
    customFields: input.customFields ?? defaults.customFields,
  }
}

/** Throws one 400 naming every field the domain rules refuse. */
export function assertValidCustomer(fields: CustomerFields, definitions: readonly CustomFieldDefinition[]): void {
  const problems = customerProblems(fields, definitions)
  if (problems.length > 0) {
    throw new AppError('validation_failed', problems.map((p) => `${p.path} ${p.message}`).join('; '), { details: problems })
  }
}
