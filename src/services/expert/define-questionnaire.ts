import { AppError } from '../../app-error.ts'
import { canonicalJson, type JsonValue } from '../../domain/audit/index.ts'
import { validateQuestionnaire, type Questionnaire } from '../../domain/scoring/index.ts'
import type { Store } from '../../store/open-store.ts'
import { appendAuditEntry } from '../../store/repositories/audit-ledger.ts'
import { latestQuestionnaireVersion, type QuestionnaireVersion } from '../../store/repositories/questionnaires.ts'
import { isUniqueViolation } from '../../store/unique-violation.ts'
import { withTransaction } from '../../store/with-transaction.ts'
import { actorLabel, type Actor } from '../actor.ts'

export type DefineQuestionnaireOptions = { store: Store; actor: Actor; dimensions: Questionnaire['dimensions'] }

/**
 * Stores a new version of the expert questionnaire, which becomes the active one. Versions
 * are never edited: answers already given keep the version they were given to. Every
 * problem validateQuestionnaire finds is refused at once, one detail each.
 */
export async function defineQuestionnaire({ store, actor, dimensions }: DefineQuestionnaireOptions): Promise<QuestionnaireVersion> {
  const id = crypto.randomUUID()
  const problems = validateQuestionnaire({ id, version: 1, dimensions })
  if (problems.length > 0) {
    throw new AppError('validation_failed', `the questionnaire cannot be used: ${problems.join('; ')}`, { details: problems.map((message) => ({ path: 'dimensions', message })) })
  }
  const createdBy = actorLabel(actor)
  const createdAt = new Date().toISOString()
  return withTransaction(store.db, async (trx) => {
    const version = (await latestQuestionnaireVersion(trx)) + 1
    // Round trip through canonical JSON: what is returned is exactly what is stored and audited.
    const definition = JSON.parse(canonicalJson({ id, version, dimensions })) as Questionnaire
    try {
      await trx.insertInto('questionnaires').values({ id, version, definition: canonicalJson(definition), created_by: createdBy, created_at: createdAt }).execute()
    } catch (error) {
      if (isUniqueViolation(error)) throw new AppError('conflict', `questionnaire version ${version} was defined by someone else at the same moment; send it again`)
      throw error
    }
    await appendAuditEntry(trx, { actor: createdBy, action: 'questionnaire.defined', entity: 'questionnaire', entityId: id, after: { version, definition } as unknown as JsonValue, at: createdAt })
    return { version, definition, createdBy, createdAt }
  })
}
