import { Type, type TSchema } from 'typebox'
import { ERROR_STATUS, type ErrorCode } from '../../app-error.ts'

/** Objects in requests refuse fields they do not know: a typo must not be silently dropped. */
export function StrictObject<T extends Record<string, TSchema>>(properties: T, options: { description?: string } = {}) {
  return Type.Object(properties, { additionalProperties: false, ...options })
}

export const Nullable = <T extends TSchema>(schema: T) => Type.Union([schema, Type.Null()])

export const Timestamp = Type.String({ format: 'date-time', description: 'UTC, ISO-8601' })

export const Id = Type.String({ minLength: 1, maxLength: 64 })

export const IdParams = StrictObject({ id: Id })

export const ErrorResponse = Type.Object(
  {
    error: Type.Object({
      code: Type.String({ description: Object.keys(ERROR_STATUS).join(', ') }),
      message: Type.String(),
      details: Type.Array(Type.Object({ path: Type.String(), message: Type.String() })),
      requestId: Type.Optional(Type.String()),
    }),
  },
  { description: 'Every error has this shape; details name each bad field.' },
)

const STANDARD_ERRORS: Record<number, string> = {
  400: 'The request is malformed; details name each bad field',
  401: 'No valid session cookie or API key',
  403: 'Your role does not allow this',
  404: 'Not found',
  409: 'Conflicts with the current state',
  413: 'The body is larger than the configured limit',
  429: 'Too many attempts; see Retry-After',
}

/** The error responses a route can give, documented with the shared error schema. */
export function errorResponses(...codes: ErrorCode[]) {
  const statuses = [...new Set([400, 401, 403, ...codes.map((code) => ERROR_STATUS[code])])]
  return Object.fromEntries(statuses.map((status) => [status, { ...ErrorResponse, description: STANDARD_ERRORS[status] ?? 'Error' }]))
}
