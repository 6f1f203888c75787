import type { Kysely } from 'kysely'
import type { ImportEncoding, ImportFormat, ImportJob, ImportSource, ImportStatus, ImportTarget, RowError } from '../../schemas/import-job.ts'
import type { ImportJobRow, ImportJobTable, Database } from '../schema.ts'

export function toImportJob(row: ImportJobRow): ImportJob {
  return {
    id: row.id,
    status: row.status as ImportStatus,
    target: row.target as ImportTarget,
    format: row.format as ImportFormat,
    encoding: row.encoding as ImportEncoding,
    from: row.source as ImportSource | null,
    atomic: row.atomic === 1,
    size: Number(row.size),
    progress: row.total === null ? { read: row.read } : { read: row.read, total: row.total },
    counts: { inserted: row.inserted, updated: row.updated, unchanged: row.unchanged, failed: row.failed },
    errors: JSON.parse(row.errors) as RowError[],
    message: row.message,
    createdBy: row.created_by,
    createdAt: row.created_at,
    startedAt: row.started_at,
    finishedAt: row.finished_at,
  }
}

export async function insertImportJob(db: Kysely<Database>, row: ImportJobTable): Promise<ImportJob> {
  return toImportJob(await db.insertInto('import_jobs').values(row).returningAll().executeTakeFirstOrThrow())
}

export type ImportJobChanges = Partial<Pick<ImportJobTable, 'status' | 'read' | 'total' | 'inserted' | 'updated' | 'unchanged' | 'failed' | 'errors' | 'message' | 'started_at' | 'finished_at'>>

export async function updateImportJob(db: Kysely<Database>, id: string, changes: ImportJobChanges, now: string): Promise<void> {
  await db.updateTable('import_jobs').set({ ...changes, updated_at: now }).where('id', '=', id).execute()
}

export async function findImportJob(db: Kysely<Database>, id: string): Promise<ImportJob | undefined> {
  const row = await db.selectFrom('import_jobs').selectAll().where('id', '=', id).executeTakeFirst()
  return row && toImportJob(row)
}

/** The most recent jobs first; their error lists are left out (ask for one job to see them). */
export async function listImportJobs(db: Kysely<Database>, limit: number): Promise<ImportJob[]> {
  const rows = await db.selectFrom('import_jobs').selectAll().orderBy('created_at', 'desc').orderBy('id', 'desc').limit(limit).execute()
  return rows.map((row) => toImportJob({ ...row, errors: '[]' }))
}

/** Marks every job still queued or running as failed: called at start, when no job of this store can be running. */
export async function failUnfinishedImportJobs(db: Kysely<Database>, message: string, now: string): Promise<number> {
  const result = await db
    .updateTable('import_jobs')
    .set({ status: 'failed', message, finished_at: now, updated_at: now })
    .where('status', 'in', ['queued', 'running'])
    .executeTakeFirst()
  return Number(result.numUpdatedRows)
}
