/**
 * The one error type that crosses layers. Services and repositories throw it with a code;
 * the API maps each code to an HTTP status in one place (src/api/error-handler.ts) and the
 * CLI prints the message. Anything else that escapes is an internal error.
 */
export const ERROR_STATUS = {
  validation_failed: 400,
  unauthenticated: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  payload_too_large: 413,
  unsupported_media_type: 415,
  rate_limited: 429,
  internal: 500,
} as const

export type ErrorCode = keyof typeof ERROR_STATUS

export type ErrorDetail = { path: string; message: string }

export class AppError extends Error {
  readonly code: ErrorCode
  readonly details: ErrorDetail[]
  readonly headers: Record<string, string>

  constructor(code: ErrorCode, message: string, options: { details?: ErrorDetail[]; headers?: Record<string, string>; cause?: unknown } = {}) {
    super(message, { cause: options.cause })
    this.name = 'AppError'
    this.code = code
    this.details = options.details ?? []
    this.headers = options.headers ?? {}
  }

  get status(): number {
    return ERROR_STATUS[this.code]
  }
}

/** A 400 naming one field, for checks a schema cannot express. */
export function invalidField(path: string, message: string): AppError {
  return new AppError('validation_failed', `${path} ${message}`, { details: [{ path, message }] })
}
