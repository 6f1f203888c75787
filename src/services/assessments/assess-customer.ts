import { canonicalJson, type JsonValue } from '../../domain/audit/index.ts'
import { applyPolicy } from '../../domain/policy/index.ts'
import { industryRiskFor, type CompositeRating, type CreditLimitRecommendation, type NotRated } from '../../domain/scoring/index.ts'
import { mainInvoicedCurrency, receivablesSummary } from '../../domain/monitoring/receivables/index.ts'
import type { Store } from '../../store/open-store.ts'
import { readCustomerReceivables } from '../../store/repositories/receivables.ts'
import { appendAuditEntry } from '../../store/repositories/audit-ledger.ts'
import { bureauRecordKind, contractKind, statementKind } from '../../store/repositories/customer-record-kinds.ts'
import { listRecords } from '../../store/repositories/customer-records.ts'
import type { BureauRecord, Contract, Statement } from '../../schemas/customer-records.ts'
import { withTransaction } from '../../store/with-transaction.ts'
import type { OverriddenRating } from '../../domain/scoring/index.ts'
import { latestExpertAssessment } from '../../store/repositories/expert-assessments.ts'
import { activeIndustryRiskTable } from '../../store/repositories/industry-risk-tables.ts'
import { actorLabel, type Actor } from '../actor.ts'
import { latestScorecardPd } from '../models/latest-scorecard-pd.ts'
import { analyseCustomerFinancials } from '../scoring/analyse-customer-financials.ts'
import { activePolicy } from '../policy/active-policy.ts'
import { limitFactsOf, ratingSignalsOf } from './assessment-facts.ts'

export type Assessment = {
  id: string
  customerId: string
  createdAt: string
  createdBy: string
  grade: string | null
  pd: number | null
  creditLimit: number | null
  currency: string | null
  weightsVersion: string
  scaleVersion: string
  /** Everything the assessment read, as it was then. */
  inputs: JsonValue
  rating: CompositeRating | NotRated
  limit: CreditLimitRecommendation | null
  /** Why there is no limit, when there is none. */
  limitReason: string | null
  /** An analyst's override of the grade, or null. */
  override: RatingOverride | null
  /** The override's grade, else the model's grade: what the customer is rated now. */
  finalGrade: string | null
}

/** Who moved the grade, from what to what, and why (override-rating.ts). */
export type RatingOverride = OverriddenRating['override'] & { at: string }

export type AssessCustomerOptions = {
  store: Store
  actor: Actor
  customerId: string
  /**
   * 0–100, 100 best. Left out: the score of the customer's newest expert assessment (filled
   * questionnaire), if any; null: rate without an expert score.
   */
  expertScore?: number | null
}

/**
 * Rates a customer from what Fengkong knows now — the Z-score zone of the latest statement,
 * the latest bureau score, the industry's risk level in the active industry risk table, and
 * the expert score given or else the customer's newest filled questionnaire's — and
 * recommends a credit limit from the latest statement, the contract's terms and the bureau's
 * limit. The inputs are stored with the result, so every assessment can be explained later
 * exactly as it was made; each one is audited and appears on the customer's timeline.
 */
export async function assessCustomer({ store, actor, customerId, expertScore: givenExpertScore }: AssessCustomerOptions): Promise<Assessment> {
  const analysis = await analyseCustomerFinancials({ store, customerId })
  const customer = await store.db.selectFrom('customers').select(['id', 'name', 'listed', 'industry_code', 'country']).where('id', '=', customerId).executeTakeFirstOrThrow()
  const [statement] = (await listRecords<Statement>(store.db, statementKind, customerId, { limit: 1 })).items
  const [bureau] = (await listRecords<BureauRecord>(store.db, bureauRecordKind, customerId, { limit: 1 })).items
  const contract = (await listRecords<Contract>(store.db, contractKind, customerId, { limit: 50 })).items.find((c) => c.status === 'active') ?? null
  const latest = analysis.periods[0] ?? null
  const expertAssessment = givenExpertScore === undefined ? await latestExpertAssessment(store.db, customerId) : null
  const expertScore = givenExpertScore === undefined ? (expertAssessment?.score ?? null) : givenExpertScore
  const industryRiskTable = await activeIndustryRiskTable(store.db)
  const industryRisk = industryRiskFor(customer.industry_code, industryRiskTable.table)
  const scorecard = await latestScorecardPd({ store, customerId })
  const paymentBehaviour = await paymentBehaviourOf(store, customerId)
  const policy = await activePolicy(store)
  const creditTermsDays = contract?.creditTermsDays ?? policy.policy.limitRules.defaultCreditTermsDays

  const inputs = {
    scorecard,
    paymentBehaviour,
    customer: { id: customer.id, name: customer.name, listed: customer.listed === 1, industryCode: customer.industry_code, country: customer.country },
    statement: statement ? { id: statement.id, periodEnd: statement.periodEnd, periodMonths: statement.periodMonths, currency: statement.currency, items: statement.items } : null,
    zScore: latest ? { model: latest.zScore.model, modelReason: latest.zScore.modelReason, score: latest.zScore.score, zone: latest.zScore.zone, reason: latest.zScore.reason } : null,
    bureau: bureau ? { id: bureau.id, agency: bureau.agency, reportedOn: bureau.reportedOn, score: bureau.score, scoreMin: bureau.scoreMin, scoreMax: bureau.scoreMax, recommendedLimit: bureau.recommendedLimit, currency: bureau.currency } : null,
    contract: contract ? { id: contract.id, number: contract.number, creditTermsDays: contract.creditTermsDays } : null,
    creditTermsDays,
    expertScore,
    expertAssessment: expertAssessment ? { id: expertAssessment.id, questionnaireVersion: expertAssessment.questionnaireVersion, score: expertAssessment.score, at: expertAssessment.createdAt } : null,
    industryRisk: { level: industryRisk.level, section: industryRisk.section, reason: industryRisk.reason, tableVersion: industryRiskTable.version },
    policyVersion: policy.version,
  }
  // The active policy's scale, weights and limit rules rate the facts just gathered (docs/policy.md).
  const { rating, limit, limitReason } = applyPolicy({ policy: policy.policy, signals: ratingSignalsOf(inputs), limitFacts: limitFactsOf(inputs) })
  // Round trip through canonical JSON: what is returned is exactly what is stored and audited.
  const inputsJson = JSON.parse(canonicalJson(inputs)) as JsonValue
  const now = new Date().toISOString()
  const assessment: Assessment = {
    id: crypto.randomUUID(),
    customerId,
    createdAt: now,
    createdBy: actorLabel(actor),
    grade: rating.rated ? rating.grade : null,
    pd: rating.rated ? rating.pd : null,
    creditLimit: limit?.limit ?? null,
    currency: limit?.currency ?? null,
    weightsVersion: rating.weightsVersion,
    scaleVersion: rating.scaleVersion,
    inputs: inputsJson,
    rating,
    limit,
    limitReason,
    override: null,
    finalGrade: rating.rated ? rating.grade : null,
  }
  return withTransaction(store.db, async (trx) => {
    await trx
      .insertInto('assessments')
      .values({
        id: assessment.id,
        customer_id: customerId,
        created_at: now,
        created_by: assessment.createdBy,
        grade: assessment.grade,
        pd: assessment.pd,
        credit_limit: assessment.creditLimit,
        currency: assessment.currency,
        weights_version: assessment.weightsVersion,
        scale_version: assessment.scaleVersion,
        inputs: canonicalJson(inputsJson),
        result: canonicalJson({ rating, limit, limitReason } as unknown as JsonValue),
        final_grade: assessment.finalGrade,
      })
      .execute()
    await appendAuditEntry(trx, {
      actor: assessment.createdBy,
      action: 'assessment.created',
      entity: 'assessment',
      entityId: assessment.id,
      after: { id: assessment.id, customerId, grade: assessment.grade, pd: assessment.pd, creditLimit: assessment.creditLimit, currency: assessment.currency, weightsVersion: assessment.weightsVersion, scaleVersion: assessment.scaleVersion },
      at: now,
    })
    return assessment
  })
}

/**
 * The customer's payment index (PAYDEX-like, 1–100) over its invoices of the last 12 months,
 * in the currency it invoices most; null when it has no invoices that qualify.
 */
async function paymentBehaviourOf(store: Store, customerId: string): Promise<{ index: number; currency: string; formula: string; inputs: Record<string, number | null> } | null> {
  const { invoices, payments } = await readCustomerReceivables(store.db, customerId)
  if (invoices.length === 0) return null
  const summary = receivablesSummary({ invoices, payments, asOf: Date.now() })
  const currency = mainInvoicedCurrency(invoices)!
  const figure = summary.currencies.find((c) => c.currency === currency)?.paymentIndex
  if (!figure || figure.value === null) return null
  return { index: figure.value, currency, formula: figure.formula, inputs: { ...figure.inputs } }
}
