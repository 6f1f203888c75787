import { AppError } from '../../app-error.ts'
import { CUSTOMER_FIELD_DEFAULTS, customerProblems, type CustomerFields, type CustomFieldDefinition } from '../../domain/customers/index.ts'
import type { CustomerInput } from '../../schemas/customer.ts'

/** A schema-valid input with every optional field filled with its default. */
export function withCustomerDefaults(input: CustomerInput): CustomerFields {
  return {
    ...CUSTOMER_FIELD_DEFAULTS,
    ...Object.fromEntries(Object.entries(input).filter(([, value]) => value !== undefined)),
    registrationId: input.registrationId ? input.registrationId.trim().toUpperCase() : null,
    industry: input.industry ? { code: input.industry.code, name: input.industry.name ?? null } : null,
  } as CustomerFields
}

/** Throws one 400 naming every field the domain rules refuse. */
export function assertValidCustomer(fields: CustomerFields, definitions: readonly CustomFieldDefinition[]): void {
  const problems = customerProblems(fields, definitions)
  if (problems.length > 0) {
    throw new AppError('validation_failed', problems.map((p) => `${p.path} ${p.message}`).join('; '), { details: problems })
  }
}
