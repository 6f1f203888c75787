import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify'
import { AppError, ERROR_STATUS, type ErrorCode, type ErrorDetail } from '../app-error.ts'

type SchemaError = { keyword?: string; instancePath?: string; message?: string; params?: Record<string, unknown> }

/** One mapping from anything thrown to `{"error":{code,message,details}}`; clients never see a stack. */
export function handleError(error: FastifyError | AppError | Error, request: FastifyRequest, reply: FastifyReply) {
  const appError = toAppError(error)
  if (appError.code === 'internal') request.log.error({ err: error }, 'unhandled error')
  else request.log.info({ code: appError.code, message: appError.message }, 'request refused')
  return sendError(reply, appError, request.id)
}

export function sendError(reply: FastifyReply, error: AppError, requestId: string) {
  reply.headers(error.headers)
  return reply.status(error.status).send({ error: { code: error.code, message: error.message, details: error.details, requestId } })
}

function toAppError(error: FastifyError | AppError | Error): AppError {
  if (error instanceof AppError) return error
  const fastifyError = error as FastifyError
  if (fastifyError.validation) {
    const details = schemaErrorDetails(fastifyError.validation as SchemaError[], fastifyError.validationContext)
    const message = details.map((d) => `${d.path} ${d.message}`).join('; ')
    return new AppError('validation_failed', message || 'the request is malformed', { details })
  }
  switch (fastifyError.code) {
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return new AppError('payload_too_large', 'the request body is larger than the configured limit (FENGKONG_BODY_LIMIT)')
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      return new AppError('unsupported_media_type', `content type ${fastifyError.message.split(': ').pop()} is not accepted here; send application/json`)
  }
  const status = fastifyError.statusCode ?? 500
  if (status === 400) return new AppError('validation_failed', fastifyError.message, { details: [{ path: 'body', message: fastifyError.message }] })
  const code = (Object.keys(ERROR_STATUS) as ErrorCode[]).find((c) => ERROR_STATUS[c] === status && c !== 'internal')
  if (code && status < 500) return new AppError(code, fastifyError.message)
  return new AppError('internal', 'internal error; the request id in this response finds it in the server log', { cause: error })
}

/**
 * Turns schema validator errors into one detail per field, named the way the caller wrote
 * it. A value failing a union (integer or null, say) gives one message, the most specific.
 */
export function schemaErrorDetails(errors: SchemaError[], context: string | undefined): ErrorDetail[] {
  const prefix = context && context !== 'body' ? `${context}.` : ''
  const byPath = new Map<string, SchemaError[]>()
  const details: ErrorDetail[] = []
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
