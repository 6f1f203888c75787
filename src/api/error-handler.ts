import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify'
import { AppError, ERROR_STATUS, type ErrorCode } from '../app-error.ts'
import { schemaErrorDetails, type SchemaError } from '../schemas/schema-errors.ts'

/** One mapping from anything thrown to `{"error":{code,message,details}}`; clients never see a stack. */
export function handleError(error: FastifyError | AppError | Error, request: FastifyRequest, reply: FastifyReply) {
  const appError = toAppError(error, request.headers['content-type'])
  if (appError.code === 'internal') request.log.error({ err: error }, 'unhandled error')
  else request.log.info({ code: appError.code, message: appError.message }, 'request refused')
  return sendError(reply, appError, request.id)
}

export function sendError(reply: FastifyReply, error: AppError, requestId: string) {
  reply.headers(error.headers)
  return reply.status(error.status).send({ error: { code: error.code, message: error.message, details: error.details, requestId } })
}

function toAppError(error: FastifyError | AppError | Error, contentType: string | undefined): AppError {
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
      return new AppError('unsupported_media_type', `content type ${contentType?.split(';')[0]?.trim() || '(none)'} is not accepted here; send application/json`)
  }
  const status = fastifyError.statusCode ?? 500
  if (status === 400) return new AppError('validation_failed', fastifyError.message, { details: [{ path: 'body', message: fastifyError.message }] })
  const code = (Object.keys(ERROR_STATUS) as ErrorCode[]).find((c) => ERROR_STATUS[c] === status && c !== 'internal')
  if (code && status < 500) return new AppError(code, fastifyError.message)
  return new AppError('internal', 'internal error; the request id in this response finds it in the server log', { cause: error })
}
