import { AppError, type ErrorDetail } from '../../app-error.ts'
import { canonicalJson, type JsonValue } from '../../domain/audit/index.ts'
import { scoreAnswers, type Answers, type Questionnaire } from '../../domain/scoring/index.ts'
import type { Store } from '../../store/open-store.ts'
import { appendAuditEntry } from '../../store/repositories/audit-ledger.ts'
import type { ExpertAssessmentRecord } from '../../store/repositories/expert-assessments.ts'
import { activeQuestionnaire } from '../../store/repositories/questionnaires.ts'
import { withTransaction } from '../../store/with-transaction.ts'
import { actorLabel, type Actor } from '../actor.ts'
import { assertCustomerExists } from '../customer-records/record-checks.ts'

export type FillQuestionnaireOptions = {
  store: Store
  actor: Actor
  customerId: string
  /** Question key → the chosen option's key; questions left out are listed as missing. */
  answers: Answers
  comment?: string | null
}

/**
 * Records an analyst's answers to the active questionnaire for a customer, with their score.
 * An answer naming a question or option the questionnaire does not have is refused, naming
 * it; unanswered questions are allowed and listed in `missing`. The next assessment of the
 * customer reads the newest score. Audited under the customer, so it shows on the timeline.
 */
export async function fillQuestionnaire({ store, actor, customerId, answers, comment = null }: FillQuestionnaireOptions): Promise<ExpertAssessmentRecord> {
  await assertCustomerExists(store.db, customerId)
  const { version, definition } = await activeQuestionnaire(store.db)
  const problems = answerProblems(definition, answers)
  if (problems.length > 0) throw new AppError('validation_failed', problems.map((p) => `${p.path} ${p.message}`).join('; '), { details: problems })

  const scored = scoreAnswers(definition, answers)
  const record: ExpertAssessmentRecord = {
    id: crypto.randomUUID(),
    customerId,
    questionnaireVersion: version,
    answers: { ...answers },
    score: scored.score,
    dimensions: scored.dimensions,
    missing: scored.missing,
    comment: comment?.trim() || null,
    createdBy: actorLabel(actor),
    createdAt: new Date().toISOString(),
  }
  return withTransaction(store.db, async (trx) => {
    await trx
      .insertInto('expert_assessments')
      .values({
        id: record.id,
        customer_id: customerId,
        questionnaire_version: version,
        answers: canonicalJson(record.answers),
        score: record.score,
        result: canonicalJson(scored),
        comment: record.comment,
        created_by: record.createdBy,
        created_at: record.createdAt,
      })
      .execute()
    await appendAuditEntry(trx, {
      actor: record.createdBy,
      action: 'expert_assessment.created',
      entity: 'expert_assessment',
      entityId: record.id,
      after: { id: record.id, customerId, questionnaireVersion: version, answers: record.answers, score: record.score, missing: record.missing, comment: record.comment } as JsonValue,
      at: record.createdAt,
    })
    return record
  })
}

/** One detail per answer the questionnaire cannot take, naming the question and the option. */
function answerProblems(questionnaire: Questionnaire, answers: Answers): ErrorDetail[] {
  const questions = new Map(questionnaire.dimensions.flatMap((d) => d.questions.map((q) => [q.key, q] as const)))
  const problems: ErrorDetail[] = []
  for (const [key, chosen] of Object.entries(answers)) {
    const question = questions.get(key)
    const path = `answers.${key}`
    if (!question) problems.push({ path, message: `is not a question of questionnaire version ${questionnaire.version}` })
    else if (!question.options.some((o) => o.key === chosen)) problems.push({ path, message: `has no option ${chosen}: choose one of ${question.options.map((o) => o.key).join(', ')}` })
  }
  if (Object.keys(answers).length === 0) problems.push({ path: 'answers', message: 'must answer at least one question' })
  return problems
}
