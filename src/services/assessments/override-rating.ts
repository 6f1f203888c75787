import { AppError } from '../../app-error.ts'
import { canonicalJson, type JsonValue } from '../../domain/audit/index.ts'
import { applyOverride, type CompositeRating, type NotRated } from '../../domain/scoring/index.ts'
import type { Store } from '../../store/open-store.ts'
import { appendAuditEntry } from '../../store/repositories/audit-ledger.ts'
import { withTransaction } from '../../store/with-transaction.ts'
import { actorLabel, type Actor } from '../actor.ts'
import { scaleOfRating } from '../policy/scale-of-rating.ts'
import type { Assessment, RatingOverride } from './assess-customer.ts'
import { assessmentFromRow } from './list-assessments.ts'

export type OverrideRatingOptions = {
  store: Store
  actor: Actor
  assessmentId: string
  /** A grade of the master scale the assessment was graded on. */
  grade: string
  /** Why, in at least MIN_JUSTIFICATION_LENGTH characters. */
  justification: string
}

/**
 * Sets an analyst's grade on an assessment, keeping the model's grade and rating beside it.
 * The override is always measured from the model's grade; overriding again replaces the
 * previous override, which the ledger keeps. An unrated assessment has nothing to override.
 * Audited as assessment.overridden under the customer, with the grades before and after,
 * the notches, the justification and who overrode.
 */
export async function overrideRating({ store, actor, assessmentId, grade, justification }: OverrideRatingOptions): Promise<Assessment> {
  const by = actorLabel(actor)
  return withTransaction(store.db, async (trx) => {
    let select = trx.selectFrom('assessments').selectAll().where('id', '=', assessmentId)
    if (store.dialect === 'postgres') select = select.forUpdate()
    const row = await select.executeTakeFirst()
    if (!row) throw new AppError('not_found', `no assessment ${assessmentId}`)
    const before = assessmentFromRow(row)
    const rating = before.rating as CompositeRating | NotRated
    if (!rating.rated) throw new AppError('conflict', `assessment ${assessmentId} was not rated (${rating.reason}): there is no grade to override`)

    const policyVersion = (before.inputs as { policyVersion?: number } | null)?.policyVersion ?? null
    const scale = await scaleOfRating(trx, { scaleVersion: rating.scaleVersion, policyVersion })
    const outcome = applyOverride(rating, { grade, justification, by, scale })
    if (!outcome.ok) {
      if (outcome.problems.length === 0) throw new AppError('conflict', `assessment ${assessmentId} has grade ${rating.grade}, which is not on its scale ${rating.scaleVersion}`)
      const details = outcome.problems.map(({ field, message }) => ({ path: field, message }))
      throw new AppError('validation_failed', details.map((d) => `${d.path} ${d.message}`).join('; '), { details })
    }
    const at = new Date().toISOString()
    const override: RatingOverride = { ...outcome.rating.override, at }
    const finalGrade = outcome.rating.grade
    await trx
      .updateTable('assessments')
      .set({ override: canonicalJson(override), final_grade: finalGrade })
      .where('id', '=', assessmentId)
      .execute()
    await appendAuditEntry(trx, {
      actor: by,
      action: 'assessment.overridden',
      entity: 'assessment',
      entityId: assessmentId,
      before: { id: assessmentId, customerId: before.customerId, finalGrade: before.finalGrade, override: before.override } as JsonValue,
      after: { id: assessmentId, customerId: before.customerId, finalGrade, override } as JsonValue,
      at,
    })
    return { ...before, override, finalGrade }
  })
}
