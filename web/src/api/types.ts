/**
 * What the API sends, typed from the server's own definitions where they are plain types,
 * so a renamed field breaks this build instead of a page.
 */
import type { CompositeRating, CreditLimitRecommendation, FinancialAnalysis, NotRated } from '../../../src/domain/scoring/index.ts'
import type { CalibrationGroup, ScorecardMetrics, ScorecardModel } from '../../../src/domain/scoring/scorecard/index.ts'
import type { Direction, TransactionType } from '../../../src/domain/monitoring/activity.ts'
import type { CustomerFeatures } from '../../../src/domain/monitoring/features/index.ts'
import type { ReceivablesSummary } from '../../../src/domain/monitoring/receivables/index.ts'
export type { Customer, CustomFieldDefinition, CustomFieldValue, LifecycleStatus, CustomerType } from '../../../src/domain/customers/index.ts'
export type { Contact, Statement, BureauRecord, StatementItem } from '../../../src/schemas/customer-records.ts'
export type { CustomerInput, CustomerPatch } from '../../../src/schemas/customer.ts'
export type { RelationshipView, RelationshipKind } from '../../../src/schemas/relationship.ts'

export type Language = 'zh-CN' | 'en'

/** GET /api/v1/me (src/api/schemas/identity.ts MeSchema). */
export type Me = {
  user: { id: string; email: string; name: string; role: string; language: string | null; teamId: string | null }
  permissions: string[]
  via: 'session' | 'api_key'
}

export type Page<T> = { items: T[]; nextCursor: string | null }

/** A stored file. */
export type { DocumentInfo } from '../../../src/schemas/document.ts'

/** One change in a customer's history (src/api/routes/timeline.ts TimelineItem). */
export type TimelineItem = {
  seq: number
  at: string
  actor: string
  actorName: string | null
  action: string
  entity: string
  entityId: string
  before: unknown
  after: unknown
}

/** What risk analysis and assessments send (src/domain/scoring). */
export type {
  FinancialAnalysis,
  PeriodAnalysis,
  PeriodZScore,
  Ratio,
  RatioKey,
  RatioCategory,
  ZZone,
  ZCutoffs,
  CompositeRating,
  NotRated,
  SignalContribution,
  ReasonCode,
  RatingSignal,
  CreditLimitRecommendation,
  CreditLimitCandidate,
  CreditLimitMethod,
} from '../../../src/domain/scoring/index.ts'
export type { ScorecardModel, ScorecardFeature, ScorecardBin, ScorecardMetrics, CalibrationGroup } from '../../../src/domain/scoring/scorecard/index.ts'

/** GET /api/v1/customers/:id/financial-analysis (src/services/scoring/analyse-customer-financials.ts). */
export type CustomerFinancialAnalysis = FinancialAnalysis & { customerId: string }

/** An analyst's override of an assessment's grade. */
export type AssessmentOverride = {
  fromGrade: string
  toGrade: string
  notches: number
  direction: 'upgrade' | 'downgrade' | 'none'
  justification: string
  by: string
  at: string
}

/**
 * One assessment (src/services/assessments/assess-customer.ts Assessment, which this build
 * cannot import: it reaches the store). `override` and `finalGrade` are new on the server;
 * an answer without them reads as not overridden.
 */
export type Assessment = {
  id: string
  customerId: string
  createdAt: string
  createdBy: string
  /** The model's grade; null when the customer could not be rated. */
  grade: string | null
  pd: number | null
  creditLimit: number | null
  currency: string | null
  weightsVersion: string
  scaleVersion: string
  inputs: unknown
  rating: CompositeRating | NotRated
  limit: CreditLimitRecommendation | null
  limitReason: string | null
  override?: AssessmentOverride | null
  /** The grade that stands: the override's when there is one, else the model's. */
  finalGrade?: string | null
}

/*
 * The model registry's records follow src/schemas/model.ts, which is being written beside
 * this UI; re-export them from there once it is committed.
 */

/** A feature that cost the customer points: how far below the feature's best bin it scored. */
export type ScoreReason = { feature: string; pointsLost: number }

/** POST /api/v1/customers/:id/scores: the approved scorecard's score of the customer, point by point. */
export type CustomerScore = {
  modelId: string
  name: string
  version: number
  customerId?: string
  score: number
  pd: number
  /** The (up to) three features that cost the most points, largest loss first. */
  reasons: ScoreReason[]
  /** What every customer starts from: score = basePoints + the sum of points. */
  basePoints?: number
  points: { feature: string; value: string | number | null; bin: string; points: number }[]
  /** Features the customer has no value for (scored in their missing bin). */
  missing: string[]
  scoredAt?: string
}

export type ModelStatus = 'draft' | 'approved' | 'retired'

/** One scorecard of the model registry (GET /api/v1/models). */
export type ModelSummary = {
  id: string
  name: string
  version: number
  status: ModelStatus
  trainedBy: string
  trainedAt: string
  dataSha256: string
  rows: number
  target: string
  bad: string
  metrics: { train: ScorecardMetrics; holdout: ScorecardMetrics | null }
  approvedBy: string | null
  approvedAt: string | null
  retiredAt: string | null
}

export type RocPoint = { fpr: number; tpr: number }
/** The shares of bads and of goods scoring at or below `score`. */
export type KsPoint = { score: number; cumBad: number; cumGood: number }

/** GET /api/v1/models/:id */
export type ModelDetail = ModelSummary & {
  scorecard: ScorecardModel
  /** The curves are drawn on the holdout, or on the training rows when nothing was held out. */
  validation: { rows?: 'holdout' | 'train'; roc: RocPoint[]; ks: KsPoint[]; calibration: CalibrationGroup[] }
}

/** POST /api/v1/models/training-jobs and GET …/training-jobs/:id */
export type TrainingJob = {
  id: string
  status: 'queued' | 'running' | 'succeeded' | 'failed'
  /** parse → bin → select → fit → validate → save */
  phase: string | null
  done: number
  total: number
  modelId: string | null
  error: string | null
}

/** What the monitoring engine sends about a customer's activity and receivables (src/domain/monitoring). */
export type { Direction, TransactionType } from '../../../src/domain/monitoring/activity.ts'
export type { BaselineFeatures, CustomerFeatures, WindowTotals } from '../../../src/domain/monitoring/features/index.ts'
export type {
  Aging,
  AgingBucket,
  CurrencyReceivables,
  Figure,
  InvoiceDaysPastDue,
  PaymentIndex,
  ReceivablesSummary,
  UnappliedCash,
  Utilisation,
} from '../../../src/domain/monitoring/receivables/index.ts'

/** GET /api/v1/customers/:id/metrics (src/services/monitoring/customer-metrics.ts CustomerMetrics). */
export type CustomerMetrics = {
  customerId: string
  asOf: string
  features: CustomerFeatures
  receivables: ReceivablesSummary
  /** The active contract's credit limit utilisation is measured against; null when there is none. */
  creditLimit: { amount: number; currency: string; contractId: string; contractNumber: string } | null
}

/**
 * One transaction (src/store/repositories/transactions.ts TransactionView, which this build
 * cannot import: it reaches the store).
 */
export type TransactionView = {
  seq: number
  source: string
  id: string
  customerId: string
  at: string
  /** Positive, minor units of `currency`. */
  amount: number
  currency: string
  direction: Direction
  type: TransactionType
  channel: string | null
  counterparty: { id: string | null; name: string | null; country: string | null; account: string | null } | null
  category: string | null
  description: string | null
  receivedAt: string
}

export type ActivityInterval = 'day' | 'week' | 'month'

/** GET …/activity-series: counts and sums of one period (its first day) in one currency. */
export type ActivitySeriesItem = { period: string; currency: string; countIn: number; countOut: number; sumIn: number; sumOut: number }

/** GET …/counterparties: one counterparty (its id, else its name) in one currency. */
export type CounterpartyActivity = { counterparty: string; country: string | null; currency: string; count: number; sumIn: number; sumOut: number; firstAt: string; lastAt: string }

/** GET …/receivables/trend (src/services/monitoring/receivables-trend.ts): the figures at each month end, and now. */
export type ReceivablesTrendPoint = {
  asOf: string
  currency: string
  outstanding: number
  overdue: number
  dsoSimple: number | null
  dsoCountback: number | null
  paymentIndex: number | null
  maxDaysPastDue: number | null
}
export type ReceivablesTrend = { currency: string | null; points: ReceivablesTrendPoint[] }

/** Rules, alerts and cases (src/api/routes/rules.ts and alerts.ts; src/services/alerts/stored-alert.ts, which reaches the store). */
export type { Evidence } from '../../../src/domain/alerts/evaluate-rules.ts'
export type { RuleDocument, RuleSeverity, RuleScope, RuleState, Playbook, LocalizedText } from '../../../src/domain/alerts/rule.ts'
import type { Evidence as AlertEvidence } from '../../../src/domain/alerts/evaluate-rules.ts'
import type { RuleDocument as StoredRuleDocument, RuleSeverity as AlertSeverity, RuleState as StoredRuleState } from '../../../src/domain/alerts/rule.ts'

export type AlertStatus = 'new' | 'assigned' | 'investigating' | 'escalated' | 'closed'
export type CaseStatus = 'new' | 'assigned' | 'investigating' | 'escalated' | 'closed'
export type Disposition = 'true_positive' | 'false_positive' | 'not_actionable'

/** GET /api/v1/alerts, …/alerts/:id and the alerts of a case. */
export type AlertView = {
  id: string
  ruleId: string
  ruleKey: string
  ruleVersion: number
  customerId: string
  severity: AlertSeverity
  score: number
  status: AlertStatus
  dedupeKey: string
  transaction: { source: string; id: string } | null
  at: string
  raisedAt: string
  evidence: AlertEvidence[]
  shadow: boolean
  caseId: string | null
}

/** A case as GET /api/v1/cases/:id and POST …/close send it. */
export type CaseView = {
  id: string
  customerId: string
  status: CaseStatus
  ownerId: string | null
  /** The team (queue) it was routed to. */
  teamId: string | null
  /** The worst severity of its alerts. */
  severity: AlertSeverity
  /** When it is due (its SLA); null after the last escalation level. */
  slaDueAt: string | null
  escalationLevel: number
  escalatedAt: string | null
  openedAt: string
  closedAt: string | null
  closedBy: string | null
  disposition: Disposition | null
  note: string | null
}

/** GET/POST /api/v1/cases/:id/comments. */
export type CaseComment = { id: string; caseId: string; author: string; body: string; mentions: string[]; createdAt: string }

/** GET/POST /api/v1/cases/:id/attachments. */
export type CaseAttachment = { id: string; caseId: string; filename: string; contentType: string; size: number; sha256: string; uploadedBy: string; createdAt: string }

/** GET /api/v1/case-workers: who cases may be assigned to. */
export type CaseWorker = { id: string; name: string; email: string; teamId: string | null }

export type BulkCaseResult = { caseId: string; ok: boolean; case?: CaseView; error?: { code: string; message: string } }

/** GET /api/v1/me/notifications: one entry of the signed-in user's inbox. */
export type InboxNotification = {
  id: string
  userId: string
  kind: 'case.assigned' | 'case.escalated' | 'case.mentioned'
  title: string
  caseId: string | null
  payload: { customerName?: string; severity?: AlertSeverity; level?: number; excerpt?: string; [key: string]: unknown }
  createdAt: string
  readAt: string | null
}

/** GET /api/v1/cases/:id/timeline: one event of a case's history, newest first. */
export type CaseTimelineEvent =
  | {
      kind: 'action'
      at: string
      action: string
      actor: string
      actorName: string | null
      changes: { field: 'status' | 'ownerId' | 'teamId' | 'severity' | 'escalationLevel' | 'disposition'; before: string | number | null; after: string | number | null }[]
      note: string | null
    }
  | { kind: 'alert'; at: string; alertId: string; ruleKey: string; severity: AlertSeverity }

export type CaseSummary = CaseView & { alertCount: number }
export type CaseDetail = CaseView & { customerName: string; alerts: AlertView[] }

/** One rule version (GET /api/v1/rules, …/rules/:id). */
export type StoredRule = {
  id: string
  key: string
  version: number
  state: StoredRuleState
  document: StoredRuleDocument
  createdBy: string
  createdAt: string
  updatedAt: string
}

/** POST /api/v1/rules: the document without the id, version and state the store gives it. */
export type RuleInput = Omit<StoredRuleDocument, 'id' | 'version' | 'state' | 'dedupeKey'> & { dedupeKey?: string }
