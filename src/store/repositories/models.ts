import type { Kysely } from 'kysely'
import type { ScorecardModel } from '../../domain/scoring/scorecard/index.ts'
import type { ModelDetail, ModelMetrics, ModelStatus, ModelSummary, ModelValidation } from '../../schemas/model.ts'
import type { Database, ModelRow, ModelTable } from '../schema.ts'

/** The columns a summary needs: everything but the scorecard and the validation curves. */
const SUMMARY_COLUMNS = [
  'id',
  'name',
  'version',
  'status',
  'trained_by',
  'trained_at',
  'data_sha256',
  'rows',
  'target',
  'bad',
  'metrics',
  'approved_by',
  'approved_at',
  'retired_at',
] as const

type SummaryRow = Pick<ModelRow, (typeof SUMMARY_COLUMNS)[number]>

export function toModelSummary(row: SummaryRow): ModelSummary {
  return {
    id: row.id,
    name: row.name,
    version: Number(row.version),
    status: row.status as ModelStatus,
    trainedBy: row.trained_by,
    trainedAt: row.trained_at,
    dataSha256: row.data_sha256,
    rows: Number(row.rows),
    target: row.target,
    bad: row.bad,
    metrics: JSON.parse(row.metrics) as { train: ModelMetrics; holdout: ModelMetrics | null },
    approvedBy: row.approved_by,
    approvedAt: row.approved_at,
    retiredAt: row.retired_at,
  }
}

export function toModelDetail(row: ModelRow): ModelDetail {
  return { ...toModelSummary(row), scorecard: JSON.parse(row.scorecard) as ScorecardModel, validation: JSON.parse(row.validation) as ModelValidation }
}

export async function insertModel(db: Kysely<Database>, row: ModelTable): Promise<void> {
  await db.insertInto('models').values(row).execute()
}

/** The version the next model of this name gets: one more than the highest so far, 1 for a new name. */
export async function nextModelVersion(db: Kysely<Database>, name: string): Promise<number> {
  const row = await db.selectFrom('models').select((eb) => eb.fn.max('version').as('highest')).where('name', '=', name).executeTakeFirst()
  return Number(row?.highest ?? 0) + 1
}

export async function findModel(db: Kysely<Database>, id: string): Promise<ModelDetail | undefined> {
  const row = await db.selectFrom('models').selectAll().where('id', '=', id).executeTakeFirst()
  return row && toModelDetail(row)
}

export async function findModelSummary(db: Kysely<Database>, id: string): Promise<ModelSummary | undefined> {
  const row = await db.selectFrom('models').select(SUMMARY_COLUMNS).where('id', '=', id).executeTakeFirst()
  return row && toModelSummary(row)
}

/** Every model, by name and newest version first. */
export async function listModels(db: Kysely<Database>): Promise<ModelSummary[]> {
  const rows = await db.selectFrom('models').select(SUMMARY_COLUMNS).orderBy('name').orderBy('version', 'desc').execute()
  return rows.map(toModelSummary)
}

/** The approved version of a name, if any. */
export async function findApprovedModelOf(db: Kysely<Database>, name: string): Promise<ModelSummary | undefined> {
  const row = await db.selectFrom('models').select(SUMMARY_COLUMNS).where('name', '=', name).where('status', '=', 'approved').executeTakeFirst()
  return row && toModelSummary(row)
}

/** The approved model approved most recently, of any name: the one scoring uses unless told otherwise. */
export async function findLatestApprovedModel(db: Kysely<Database>): Promise<ModelDetail | undefined> {
  const row = await db.selectFrom('models').selectAll().where('status', '=', 'approved').orderBy('approved_at', 'desc').orderBy('id', 'desc').executeTakeFirst()
  return row && toModelDetail(row)
}

export type ModelStatusChange = Pick<ModelTable, 'status'> & Partial<Pick<ModelTable, 'approved_by' | 'approved_at' | 'retired_at'>>

export async function updateModelStatus(db: Kysely<Database>, id: string, change: ModelStatusChange): Promise<ModelSummary> {
  const row = await db.updateTable('models').set(change).where('id', '=', id).returning(SUMMARY_COLUMNS).executeTakeFirstOrThrow()
  return toModelSummary(row)
}
