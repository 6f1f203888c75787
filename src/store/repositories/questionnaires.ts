import type { Kysely } from 'kysely'
import { DEFAULT_QUESTIONNAIRE, type Questionnaire } from '../../domain/scoring/index.ts'
import type { Database, QuestionnaireTable } from '../schema.ts'

/**
 * The version the built-in DEFAULT_QUESTIONNAIRE answers to. It is active until a
 * questionnaire is stored; stored ones are numbered from 1, so the two never share a number.
 */
export const BUILT_IN_QUESTIONNAIRE_VERSION = 0

export type QuestionnaireVersion = {
  version: number
  /** The questionnaire; its `version` is the same number. */
  definition: Questionnaire
  /** Null for the built-in questionnaire. */
  createdBy: string | null
  createdAt: string | null
}

export const BUILT_IN_QUESTIONNAIRE: QuestionnaireVersion = {
  version: BUILT_IN_QUESTIONNAIRE_VERSION,
  definition: { ...DEFAULT_QUESTIONNAIRE, version: BUILT_IN_QUESTIONNAIRE_VERSION },
  createdBy: null,
  createdAt: null,
}

/** The newest stored questionnaire, else the built-in one. */
export async function activeQuestionnaire(db: Kysely<Database>): Promise<QuestionnaireVersion> {
  const row = await db.selectFrom('questionnaires').selectAll().orderBy('version', 'desc').limit(1).executeTakeFirst()
  return row ? toQuestionnaireVersion(row) : BUILT_IN_QUESTIONNAIRE
}

/** Every version, newest (the active one) first; the built-in questionnaire is always last. */
export async function listQuestionnaires(db: Kysely<Database>): Promise<QuestionnaireVersion[]> {
  const rows = await db.selectFrom('questionnaires').selectAll().orderBy('version', 'desc').execute()
  return [...rows.map(toQuestionnaireVersion), BUILT_IN_QUESTIONNAIRE]
}

/** The highest stored version, 0 when none is stored. */
export async function latestQuestionnaireVersion(db: Kysely<Database>): Promise<number> {
  const row = await db.selectFrom('questionnaires').select((eb) => eb.fn.max('version').as('version')).executeTakeFirst()
  return row?.version == null ? BUILT_IN_QUESTIONNAIRE_VERSION : Number(row.version)
}

function toQuestionnaireVersion(row: QuestionnaireTable): QuestionnaireVersion {
  return { version: Number(row.version), definition: JSON.parse(row.definition) as Questionnaire, createdBy: row.created_by, createdAt: row.created_at }
}
