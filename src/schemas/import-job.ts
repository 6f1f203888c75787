import { Type, type Static } from 'typebox'

/**
 * What an import is asked to do and what it reports, shared by the API (the job it answers
 * with), the CLI (the summary it prints) and the import services.
 */
export const IMPORT_TARGETS = ['customers', 'contacts', 'statements', 'bureau'] as const
export type ImportTarget = (typeof IMPORT_TARGETS)[number]

export const IMPORT_FORMATS = ['csv', 'ndjson'] as const
export type ImportFormat = (typeof IMPORT_FORMATS)[number]

/** gbk also reads GB2312 files, which is what Excel in Simplified Chinese saves as "CSV". */
export const IMPORT_ENCODINGS = ['utf-8', 'gbk'] as const
export type ImportEncoding = (typeof IMPORT_ENCODINGS)[number]

/** Other systems whose export files an import can map: a Zoho CRM Accounts or Contacts export. */
export const IMPORT_SOURCES = ['zoho'] as const
export type ImportSource = (typeof IMPORT_SOURCES)[number]

export const IMPORT_STATUSES = ['queued', 'running', 'succeeded', 'failed'] as const
export type ImportStatus = (typeof IMPORT_STATUSES)[number]

export const RowErrorSchema = Type.Object({
  line: Type.Integer({ description: 'Physical line of the file; the CSV header is line 1' }),
  field: Type.String({ description: 'The field or column at fault, dotted (industry.code); empty when the whole row is' }),
  message: Type.String(),
})
export type RowError = Static<typeof RowErrorSchema>

export const ImportCountsSchema = Type.Object({
  inserted: Type.Integer(),
  updated: Type.Integer(),
  unchanged: Type.Integer({ description: 'Rows equal to what is stored: neither rewritten nor audited' }),
  failed: Type.Integer(),
})
export type ImportCounts = Static<typeof ImportCountsSchema>

export const ImportJobSchema = Type.Object({
  id: Type.String(),
  status: Type.Enum(IMPORT_STATUSES),
  target: Type.Enum(IMPORT_TARGETS),
  format: Type.Enum(IMPORT_FORMATS),
  encoding: Type.Enum(IMPORT_ENCODINGS),
  from: Type.Union([Type.Enum(IMPORT_SOURCES), Type.Null()]),
  atomic: Type.Boolean(),
  size: Type.Integer({ description: 'Bytes uploaded' }),
  progress: Type.Object({
    read: Type.Integer({ description: 'Rows read so far' }),
    total: Type.Optional(Type.Integer({ description: 'Rows in the file, once it has been read to the end' })),
  }),
  counts: ImportCountsSchema,
  errors: Type.Array(RowErrorSchema, { description: 'The first 1,000 errors, in line order' }),
  message: Type.Union([Type.String(), Type.Null()], { description: 'Why the job failed, or a summary when it is done' }),
  createdBy: Type.String(),
  createdAt: Type.String(),
  startedAt: Type.Union([Type.String(), Type.Null()]),
  finishedAt: Type.Union([Type.String(), Type.Null()]),
})
export type ImportJob = Static<typeof ImportJobSchema>
