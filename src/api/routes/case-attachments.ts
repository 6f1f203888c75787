import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { Type } from 'typebox'
import { AppError } from '../../app-error.ts'
import type { Config } from '../../config.ts'
import { attachToCase } from '../../services/alerts/attach-to-case.ts'
import type { Store } from '../../store/open-store.ts'
import { listCaseAttachments, readCaseAttachment } from '../../store/repositories/case-attachments.ts'
import { principalOf } from '../auth/access-control.ts'
import { errorResponses, Id, IdParams, StrictObject } from '../schemas/common.ts'

const AttachmentSchema = Type.Object({
  id: Type.String(),
  caseId: Type.String(),
  filename: Type.String(),
  contentType: Type.String(),
  size: Type.Integer(),
  sha256: Type.String(),
  uploadedBy: Type.String(),
  createdAt: Type.String(),
})

/**
 * Files attached to a case travel as documents do: the raw request body, the file name in the
 * query, the document size limit on the bytes.
 */
export const caseAttachmentRoutes: FastifyPluginAsyncTypebox<{ store: Store; config: Config }> = async function caseAttachmentRoutes(app, { store, config }) {
  // Any file type, JSON and text included, arrives as bytes on these routes only.
  app.removeAllContentTypeParsers()
  app.addContentTypeParser('*', { parseAs: 'buffer', bodyLimit: config.documentLimit }, (_request, body, done) => done(null, body))
  const tags = ['cases']
  const base = '/api/v1/cases/:id/attachments'

  app.get(
    base,
    { config: { access: 'customers.read' }, schema: { tags, summary: 'A case’s attachments, newest first', params: IdParams, response: { 200: Type.Object({ items: Type.Array(AttachmentSchema) }), ...errorResponses('not_found') } } },
    async (request) => {
      const kase = await store.db.selectFrom('cases').select('id').where('id', '=', request.params.id).executeTakeFirst()
      if (!kase) throw new AppError('not_found', `no case ${request.params.id}`)
      return { items: await listCaseAttachments(store.db, request.params.id) }
    },
  )

  app.post(
    base,
    {
      config: { access: 'alerts.work' },
      bodyLimit: config.documentLimit,
      schema: {
        tags,
        summary: 'Attach a file to a case: the request body is the file, its Content-Type the file type',
        params: IdParams,
        querystring: StrictObject({ filename: Type.String({ minLength: 1, maxLength: 255 }) }),
        response: { 201: AttachmentSchema, ...errorResponses('not_found', 'conflict', 'payload_too_large') },
      },
    },
    async (request, reply) => {
      if (!Buffer.isBuffer(request.body)) throw new AppError('validation_failed', 'send the file as the raw request body', { details: [{ path: 'body', message: 'must be the file' }] })
      const attachment = await attachToCase({
        store,
        actor: { kind: 'user', userId: principalOf(request).user.id },
        caseId: request.params.id,
        filename: request.query.filename,
        contentType: request.headers['content-type']?.split(';')[0]?.trim() || 'application/octet-stream',
        content: request.body,
      })
      return reply.status(201).send(attachment)
    },
  )

  app.get(
    `${base}/:attachmentId/content`,
    {
      config: { access: 'customers.read' },
      schema: { tags, summary: 'Download an attached file', params: StrictObject({ id: Id, attachmentId: Id }), response: { 200: Type.Unknown({ description: 'The file' }), ...errorResponses('not_found') } },
    },
    async (request, reply) => {
      const found = await readCaseAttachment(store.db, request.params.id, request.params.attachmentId)
      if (!found) throw new AppError('not_found', `case ${request.params.id} has no attachment ${request.params.attachmentId}`)
      reply
        .header('content-type', found.info.contentType)
        .header('content-disposition', `attachment; filename="${found.info.filename.replace(/[^\x20-\x7e]|"/g, '_')}"; filename*=UTF-8''${encodeURIComponent(found.info.filename)}`)
        .header('x-content-type-options', 'nosniff')
        .header('etag', `"${found.info.sha256}"`)
      return reply.send(found.content)
    },
  )
}
