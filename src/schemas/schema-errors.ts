/**
 * Schema validator errors (TypeBox's, as Fastify reports them) turned into one detail per
 * field. Shared by the API's error handler and by imports, so a bad field in a file gets the
 * same words as the same bad field in a request.
 */
export type SchemaError = { keyword?: string; instancePath?: string; message?: string; params?: Record<string, unknown> }

export type FieldDetail = { path: string; message: string }

/**
 * Turns schema validator errors into one detail per field, named the way the caller wrote
 * it. A value failing a union (integer or null, say) gives one message, the most specific.
 */
export function schemaErrorDetails(errors: SchemaError[], context: string | undefined): FieldDetail[] {
  const prefix = context && context !== 'body' ? `${context}.` : ''
  const byPath = new Map<string, SchemaError[]>()
  const details: FieldDetail[] = []
  for (const error of errors) {
    const at = pointerToPath(error.instancePath ?? '')
    const join = (field: string) => prefix + (at ? `${at}.${field}` : field)
    if (error.keyword === 'required') {
      const missing = (error.params?.requiredProperties ?? error.params?.missingProperty) as string[] | string | undefined
      for (const field of [missing ?? []].flat()) details.push({ path: join(field), message: 'is required' })
    } else if (error.keyword === 'additionalProperties') {
      const extra = (error.params?.additionalProperties ?? error.params?.additionalProperty) as string[] | string | undefined
      for (const field of [extra ?? []].flat()) details.push({ path: join(field), message: 'is not a known field' })
    } else if (!(error.keyword === 'boolean' && error.message === 'schema is false')) {
      // ('schema is false' is the same unknown field, already reported by additionalProperties)
      const path = prefix + (at || context || 'body')
      byPath.set(path, [...(byPath.get(path) ?? []), error])
    }
  }
  for (const [path, group] of byPath) details.push({ path, message: bestMessage(group) })
  const seen = new Set<string>()
  return details.filter((d) => !seen.has(`${d.path}\u0000${d.message}`) && seen.add(`${d.path}\u0000${d.message}`))
}

function bestMessage(errors: SchemaError[]): string {
  const specific = errors.find((e) => e.keyword !== 'type' && e.keyword !== 'anyOf' && e.keyword !== 'oneOf')
  if (specific) return specific.message ?? 'is invalid'
  const types = errors.filter((e) => e.keyword === 'type').map((e) => String(e.params?.type))
  if (types.length > 0) return `must be ${[...new Set(types)].join(' or ')}`
  return errors[0]?.message ?? 'is invalid'
}

function pointerToPath(pointer: string): string {
  return pointer
    .split('/')
    .slice(1)
    .map((part) => part.replace(/~1/g, '/').replace(/~0/g, '~'))
    .join('.')
}
