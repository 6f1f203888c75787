import { AppError } from '../../app-error.ts'
import { CUSTOMER_FIELD_DEFAULTS, customerProblems, type CustomerFields, type CustomFieldDefinition } from '../../domain/customers/index.ts'
import type { CustomerInput } from '../../schemas/customer.ts'

/** A schema-valid input with every optional field filled with its default. */
export function withCustomerDefaults(input: CustomerInput): CustomerFields {
  // A loop, not Object.fromEntries(Object.entries(…)): imports call this once a row.
  const fields: Record<string, unknown> = { ...CUSTOMER_FIELD_DEFAULTS }
  for (const key in input) {
    const value = input[key as keyof CustomerInput]
    if (value !== undefined) fields[key] = value
  }
  fields.registrationId = input.registrationId ? input.registrationId.trim().toUpperCase() : null
  fields.industry = input.industry ? { code: input.industry.code, name: input.industry.name ?? null } : null
  return fields as CustomerFields
}

/** Throws one 400 naming every field the domain rules refuse. */
export function assertValidCustomer(fields: CustomerFields, definitions: readonly CustomFieldDefinition[]): void {
  const problems = customerProblems(fields, definitions)
  if (problems.length > 0) {
    throw new AppError('validation_failed', problems.map((p) => `${p.path} ${p.message}`).join('; '), { details: problems })
  }
}
