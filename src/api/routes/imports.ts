import { Readable } from 'node:stream'
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { Type } from 'typebox'
import { AppError } from '../../app-error.ts'
import type { Config } from '../../config.ts'
import { IMPORT_ENCODINGS, IMPORT_FORMATS, IMPORT_SOURCES, IMPORT_TARGETS, ImportJobSchema } from '../../schemas/import-job.ts'
import { exportRecords } from '../../services/exports/export-records.ts'
import { createImportJobRunner } from '../../services/imports/import-job-runner.ts'
import { unmappableTarget } from '../../services/imports/run-import.ts'
import { ZOHO_TARGETS } from '../../services/imports/zoho-mapping.ts'
import type { Store } from '../../store/open-store.ts'
import { findImportJob, listImportJobs } from '../../store/repositories/import-jobs.ts'
import { principalOf } from '../auth/access-control.ts'
import { errorResponses, IdParams, StrictObject } from '../schemas/common.ts'

const ImportQuery = StrictObject({
  target: Type.Enum(IMPORT_TARGETS, { description: IMPORT_TARGETS.join(' | ') }),
  format: Type.Optional(Type.Enum(IMPORT_FORMATS, { default: 'csv' })),
  encoding: Type.Optional(Type.Enum(IMPORT_ENCODINGS, { default: 'utf-8', description: 'gbk for CSV files saved by Excel in Chinese' })),
  atomic: Type.Optional(Type.Boolean({ default: false, description: 'Refuse the whole file, writing nothing, when any row is bad' })),
  from: Type.Optional(Type.Union([Type.Enum(IMPORT_SOURCES), Type.Literal('')], { description: 'zoho: the file is a Zoho CRM Accounts (customers) or Contacts (contacts) export' })),
})
const ListQuery = StrictObject({ limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 200, default: 50 })) })
const ExportParams = StrictObject({ target: Type.Enum(IMPORT_TARGETS) })
const ExportQuery = StrictObject({
  format: Type.Optional(Type.Enum(IMPORT_FORMATS, { default: 'csv' })),
  bom: Type.Optional(Type.Boolean({ default: true, description: 'Start a CSV with a UTF-8 byte-order mark, which Excel needs to read Chinese text' })),
})

const CONTENT_TYPES = { csv: 'text/csv; charset=utf-8', ndjson: 'application/x-ndjson; charset=utf-8' } as const

/**
 * Imports run as background jobs: the file is the raw request body (curl --data-binary @file),
 * the answer is 202 with the job, and GET /api/v1/imports/:id follows it. Exports stream the
 * same columns back. docs/import-export.md describes the files.
 */
export const importRoutes: FastifyPluginAsyncTypebox<{ store: Store; config: Config }> = async function importRoutes(app, { store, config }) {
  const runner = createImportJobRunner(store)
  // Jobs a stop cut off are marked failed as the server starts, and in any case before the
  // first job is read or started (the start-up attempt may fail, on a store not yet migrated).
  const recovering = runner.recover().catch(() => {})
  app.addHook('preHandler', () => runner.recover())
  app.addHook('onClose', async () => {
    await recovering
    await runner.settle()
  })
  // Any file arrives as bytes on these routes only.
  app.removeAllContentTypeParsers()
  app.addContentTypeParser('*', { parseAs: 'buffer', bodyLimit: config.importLimit }, (_request, body, done) => done(null, body))

  app.post(
    '/api/v1/imports',
    {
      config: { access: 'imports.run' },
      bodyLimit: config.importLimit,
      schema: {
        tags: ['imports and exports'],
        summary: 'Import a file of customers, contacts, statements or bureau records: the request body is the file; answers 202 with the job',
        querystring: ImportQuery,
        response: { 202: ImportJobSchema, ...errorResponses('payload_too_large') },
      },
    },
    async (request, reply) => {
      if (!Buffer.isBuffer(request.body) || request.body.length === 0) {
        throw new AppError('validation_failed', 'send the file as the raw request body', { details: [{ path: 'body', message: 'must be the file' }] })
      }
      const { target, format = 'csv', encoding = 'utf-8', atomic = false, from } = request.query
      if (from && !(ZOHO_TARGETS as readonly string[]).includes(target)) throw unmappableTarget(from, target)
      const job = await runner.start({ actor: { kind: 'user', userId: principalOf(request).user.id }, content: request.body, target, format, encoding, atomic, from: from || null })
      return reply.status(202).send(job)
    },
  )

  app.get(
    '/api/v1/imports',
    {
      config: { access: 'imports.run' },
      schema: { tags: ['imports and exports'], summary: 'Recent import jobs, newest first (without their errors)', querystring: ListQuery, response: { 200: Type.Object({ items: Type.Array(ImportJobSchema) }), ...errorResponses() } },
    },
    async (request) => ({ items: await listImportJobs(store.db, request.query.limit ?? 50) }),
  )

  app.get(
    '/api/v1/imports/:id',
    {
      config: { access: 'imports.run' },
      schema: { tags: ['imports and exports'], summary: "One import job: its status, progress, counts and first 1,000 errors", params: IdParams, response: { 200: ImportJobSchema, ...errorResponses('not_found') } },
    },
    async (request) => {
      const job = await findImportJob(store.db, request.params.id)
      if (!job) throw new AppError('not_found', `no import job ${request.params.id}`)
      return job
    },
  )

  app.get(
    '/api/v1/exports/:target',
    {
      config: { access: 'imports.run' },
      schema: {
        tags: ['imports and exports'],
        summary: 'Every customer (or contact, statement, bureau record) as CSV or NDJSON, in the columns imports read',
        params: ExportParams,
        querystring: ExportQuery,
        response: { 200: Type.Unknown({ description: 'The file' }), ...errorResponses() },
      },
    },
    async (request, reply) => {
      const { target } = request.params
      const { format = 'csv', bom = true } = request.query
      const day = new Date().toISOString().slice(0, 10).replace(/-/g, '')
      reply.header('content-type', CONTENT_TYPES[format]).header('content-disposition', `attachment; filename="fengkong-${target}-${day}.${format}"`)
      return reply.send(Readable.from(exportRecords({ store, target, format, bom })))
    },
  )
}
