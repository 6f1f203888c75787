import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { Type } from 'typebox'
import { AppError } from '../../app-error.ts'
import type { Config } from '../../config.ts'
import { DocumentSchema } from '../../schemas/document.ts'
import { assertCustomerExists } from '../../services/customer-records/record-checks.ts'
import { deleteDocument } from '../../services/documents/delete-document.ts'
import { uploadDocument } from '../../services/documents/upload-document.ts'
import type { Store } from '../../store/open-store.ts'
import { findDocument, listDocuments, readDocumentContent } from '../../store/repositories/documents.ts'
import { principalOf } from '../auth/access-control.ts'
import { errorResponses, Id, StrictObject } from '../schemas/common.ts'

const CustomerParams = StrictObject({ customerId: Id })
const DocumentParams = StrictObject({ customerId: Id, id: Id })
const UploadQuery = StrictObject({
  filename: Type.String({ minLength: 1, maxLength: 255, description: 'The file name to keep, e.g. 2025年审计报告.pdf' }),
  category: Type.Optional(Type.String({ minLength: 1, maxLength: 50, description: 'e.g. licence, audit_report, visit_photo' })),
})

/**
 * Documents travel as the raw request body (curl --data-binary @file, or fetch(url, { body: file })),
 * with the file name in the query: no multipart parsing, and the size limit applies to the bytes.
 */
export const documentRoutes: FastifyPluginAsyncTypebox<{ store: Store; config: Config }> = async function documentRoutes(app, { store, config }) {
  // Any file type, JSON and text included, arrives as bytes on these routes only.
  app.removeAllContentTypeParsers()
  app.addContentTypeParser('*', { parseAs: 'buffer', bodyLimit: config.documentLimit }, (_request, body, done) => done(null, body))
  const base = '/api/v1/customers/:customerId/documents'

  app.get(
    base,
    {
      config: { access: 'customers.read' },
      schema: { tags: ['customer documents'], summary: "A customer's documents, newest first", params: CustomerParams, response: { 200: Type.Object({ items: Type.Array(DocumentSchema) }), ...errorResponses('not_found') } },
    },
    async (request) => {
      await assertCustomerExists(store.db, request.params.customerId)
      return { items: await listDocuments(store.db, request.params.customerId) }
    },
  )

  app.post(
    base,
    {
      config: { access: 'customers.write' },
      bodyLimit: config.documentLimit,
      schema: {
        tags: ['customer documents'],
        summary: 'Upload a document: the request body is the file, its Content-Type the file type',
        params: CustomerParams,
        querystring: UploadQuery,
        response: { 201: DocumentSchema, ...errorResponses('not_found', 'conflict', 'payload_too_large') },
      },
    },
    async (request, reply) => {
      if (!Buffer.isBuffer(request.body)) throw new AppError('validation_failed', 'send the file as the raw request body', { details: [{ path: 'body', message: 'must be the file' }] })
      const document = await uploadDocument({
        store,
        actor: { kind: 'user', userId: principalOf(request).user.id },
        customerId: request.params.customerId,
        filename: request.query.filename,
        category: request.query.category ?? null,
        contentType: request.headers['content-type']?.split(';')[0]?.trim() || 'application/octet-stream',
        content: request.body,
      })
      return reply.status(201).send(document)
    },
  )

  app.get(
    `${base}/:id/content`,
    {
      config: { access: 'customers.read' },
      schema: { tags: ['customer documents'], summary: 'Download the file', params: DocumentParams, response: { 200: Type.Unknown({ description: 'The file' }), ...errorResponses('not_found') } },
    },
    async (request, reply) => {
      const info = await findDocument(store.db, request.params.customerId, request.params.id)
      const content = info && (await readDocumentContent(store.db, info.id))
      if (!info || !content) throw new AppError('not_found', `customer ${request.params.customerId} has no document ${request.params.id}`)
      reply
        .header('content-type', info.contentType)
        .header('content-disposition', `attachment; filename="${info.filename.replace(/[^\x20-\x7e]|"/g, '_')}"; filename*=UTF-8''${encodeURIComponent(info.filename)}`)
        .header('x-content-type-options', 'nosniff')
        .header('etag', `"${info.sha256}"`)
      return reply.send(content)
    },
  )

  app.delete(
    `${base}/:id`,
    {
      config: { access: 'customers.write' },
      schema: { tags: ['customer documents'], summary: 'Delete a document (the audit ledger keeps its hash)', params: DocumentParams, response: { 204: Type.Null(), ...errorResponses('not_found') } },
    },
    async (request, reply) => {
      await deleteDocument({ store, actor: { kind: 'user', userId: principalOf(request).user.id }, customerId: request.params.customerId, documentId: request.params.id })
      return reply.status(204).send(null)
    },
  )
}
