import type { Generated, Insertable, Selectable, Updateable } from 'kysely'

/**
 * Table types shared by SQLite and PostgreSQL. Portable column choices: ids are text
 * (UUIDs), times are UTC ISO-8601 text (sortable, identical on both stores), booleans
 * are integers 0/1, JSON is canonical text so hashes over it recompute exactly.
 */
export type Database = {
  teams: TeamTable
  users: UserTable
  sessions: SessionTable
  api_keys: ApiKeyTable
  audit_entries: AuditEntryTable
  audit_head: AuditHeadTable
  customers: CustomerTable
  custom_field_definitions: CustomFieldDefinitionTable
  contacts: ContactTable
  interactions: InteractionTable
  tasks: TaskTable
  documents: DocumentTable
  financial_statements: FinancialStatementTable
  bureau_records: BureauRecordTable
  contracts: ContractTable
  relationships: RelationshipTable
  assessments: AssessmentTable
  questionnaires: QuestionnaireTable
  expert_assessments: ExpertAssessmentTable
  industry_risk_tables: IndustryRiskTableTable
  import_jobs: ImportJobTable
  models: ModelTable
  model_training_jobs: ModelTrainingJobTable
  model_scores: ModelScoreTable
  transactions: TransactionTable
  invoices: InvoiceTable
  payments: PaymentTable
  payment_allocations: PaymentAllocationTable
  feature_snapshots: FeatureSnapshotTable
  monitoring_checkpoints: MonitoringCheckpointTable
  ground_truth_patterns: GroundTruthPatternTable
  rules: RuleTable
  alerts: AlertTable
  cases: CaseTable
  case_queues: CaseQueueTable
  case_rotations: CaseRotationTable
  case_comments: CaseCommentTable
  case_attachments: CaseAttachmentTable
  notifications: NotificationTable
  credit_holds: CreditHoldTable
  webhooks: WebhookTable
  webhook_deliveries: WebhookDeliveryTable
  limit_proposals: LimitProposalTable
  control_reviews: ControlReviewTable
  email_subscriptions: EmailSubscriptionTable
  email_deliveries: EmailDeliveryTable
  email_transport: EmailTransportTable
  policy_versions: PolicyVersionTable
  policy_attestations: PolicyAttestationTable
  approval_requests: ApprovalRequestTable
  approval_decisions: ApprovalDecisionTable
  reviews: ReviewTable
}

export type TeamTable = {
  id: string
  name: string
  description: string | null
  created_at: string
  updated_at: string
}

export type UserTable = {
  id: string
  email: string
  name: string
  team_id: string | null
  role: string
  active: number
  password_hash: string
  language: string | null
  created_at: string
  updated_at: string
}

export type SessionTable = {
  id: string
  user_id: string
  created_at: string
  expires_at: string
}

export type ApiKeyTable = {
  id: string
  user_id: string
  name: string
  prefix: string
  key_hash: string
  created_by: string
  created_at: string
  last_used_at: string | null
  revoked_at: string | null
}

export type AuditEntryTable = {
  seq: number
  at: string
  actor: string
  action: string
  entity: string
  entity_id: string
  before: string | null
  after: string | null
  prev_hash: string
  hash: string
  customer_id: string | null
}

export type AuditHeadTable = {
  id: Generated<number>
  seq: number
  hash: string
}

export type TeamRow = Selectable<TeamTable>
export type UserRow = Selectable<UserTable>
export type NewUserRow = Insertable<UserTable>
export type UserRowUpdate = Updateable<UserTable>
export type ApiKeyRow = Selectable<ApiKeyTable>
export type AuditEntryRow = Selectable<AuditEntryTable>

export type CustomerTable = {
  id: string
  external_id: string | null
  type: string
  name: string
  /** JSON array of strings */
  aliases: string
  registration_id: string | null
  country: string
  region: string | null
  industry_code: string | null
  industry_name: string | null
  business_scope: string | null
  business_model: string | null
  founded: string | null
  employees: number | null
  listed: number
  /** JSON array of strings */
  tags: string
  owner_id: string | null
  status: string
  /** JSON object keyed by custom field key */
  custom_fields: string
  /** Lower-cased name, aliases, registration id and tags: what search matches against */
  search_text: string
  version: number
  created_at: string
  updated_at: string
}

export type CustomFieldDefinitionTable = {
  key: string
  label: string
  type: string
  options: string
  required: number
  created_at: string
  updated_at: string
}

export type ContactTable = {
  id: string
  external_id: string | null
  customer_id: string
  name: string
  title: string | null
  email: string | null
  phone: string | null
  primary_contact: number
  notes: string | null
  created_at: string
  updated_at: string
}

export type InteractionTable = {
  id: string
  customer_id: string
  kind: string
  occurred_at: string
  subject: string
  notes: string | null
  outcome: string | null
  follow_up_on: string | null
  location: string | null
  attendees: string
  author_id: string | null
  created_at: string
  updated_at: string
}

export type TaskTable = {
  id: string
  customer_id: string
  title: string
  description: string | null
  due_on: string | null
  assignee_id: string | null
  status: string
  created_by: string
  completed_at: string | null
  created_at: string
  updated_at: string
}

export type DocumentTable = {
  id: string
  customer_id: string
  filename: string
  content_type: string
  size: number
  sha256: string
  category: string | null
  content: Buffer
  uploaded_by: string
  created_at: string
}

export type FinancialStatementTable = {
  id: string
  customer_id: string
  period_end: string
  period_months: number
  currency: string
  audited: number
  /** JSON object of line items in minor units */
  items: string
  created_at: string
  updated_at: string
}

export type BureauRecordTable = {
  id: string
  customer_id: string
  agency: string
  reported_on: string
  score: number | null
  score_min: number | null
  score_max: number | null
  rating: string | null
  recommended_limit: number | null
  currency: string | null
  defaults: number
  court_judgments: number
  tax_arrears: number
  created_at: string
}

export type ContractTable = {
  id: string
  customer_id: string
  number: string
  signed_on: string | null
  expires_on: string | null
  credit_terms_days: number
  credit_limit: number | null
  currency: string
  /** JSON array of collateral and guarantees */
  securities: string
  status: string
  created_at: string
  updated_at: string
}

export type RelationshipTable = {
  id: string
  from_customer_id: string
  to_customer_id: string
  kind: string
  share_pct: number | null
  note: string | null
  created_at: string
}

export type CustomerRow = Selectable<CustomerTable>

export type ImportJobTable = {
  id: string
  target: string
  format: string
  encoding: string
  /** The system the file came from when it is mapped (zoho), else null */
  source: string | null
  atomic: number
  size: number
  status: string
  read: number
  total: number | null
  inserted: number
  updated: number
  unchanged: number
  failed: number
  /** JSON array of the first errors, {line, field, message} */
  errors: string
  message: string | null
  created_by: string
  created_at: string
  started_at: string | null
  finished_at: string | null
  updated_at: string
}

export type ImportJobRow = Selectable<ImportJobTable>

export type AssessmentTable = {
  id: string
  customer_id: string
  created_at: string
  created_by: string
  grade: string | null
  pd: number | null
  credit_limit: number | null
  currency: string | null
  weights_version: string
  scale_version: string
  /** Canonical JSON: every input the assessment read */
  inputs: string
  /** Canonical JSON: the rating with its contributions and reason codes, and the limit with its candidates */
  result: string
  /** Canonical JSON of an analyst's override ({fromGrade, toGrade, notches, direction, justification, by, at}), or null */
  override: string | null
  /** The override's grade, else the model's grade: what the customer is rated now */
  final_grade: string | null
}

export type QuestionnaireTable = {
  id: string
  /** 1, 2, 3…: the highest is the active questionnaire */
  version: number
  /** Canonical JSON: the domain Questionnaire */
  definition: string
  created_by: string
  created_at: string
}

export type ExpertAssessmentTable = {
  id: string
  customer_id: string
  /** 0 for the built-in default questionnaire */
  questionnaire_version: number
  /** Canonical JSON: question key → option key */
  answers: string
  score: number | null
  /** Canonical JSON: the domain ExpertAssessment (score, dimensions, missing, problems) */
  result: string
  comment: string | null
  created_by: string
  created_at: string
}

export type IndustryRiskTableTable = {
  /** 1, 2, 3…: the highest is the active table */
  version: number
  /** Canonical JSON: the domain IndustryRiskTable, GB/T 4754 section letter → label and level */
  sections: string
  created_by: string
  created_at: string
}

export type ModelTable = {
  id: string
  name: string
  /** 1, 2, 3… per name */
  version: number
  /** draft | approved | retired */
  status: string
  trained_by: string
  trained_at: string
  data_sha256: string
  rows: number
  /** The training file's outcome column and the value that meant bad */
  target: string
  bad: string
  /** Canonical JSON: {train, holdout} of {rows, bads, auc, gini, ks, psi} */
  metrics: string
  /** Canonical JSON: the ScorecardModel */
  scorecard: string
  /** Canonical JSON: {rows, roc, ks, calibration} */
  validation: string
  approved_by: string | null
  approved_at: string | null
  retired_at: string | null
}

export type ModelRow = Selectable<ModelTable>

export type ModelTrainingJobTable = {
  id: string
  /** queued | running | succeeded | failed */
  status: string
  phase: string | null
  done: number
  total: number
  model_id: string | null
  error: string | null
  created_by: string
  created_at: string
  updated_at: string
}

export type ModelScoreTable = {
  model_id: string
  customer_id: string
  score: number
  pd: number
  /** Canonical JSON: [{feature, pointsLost}] */
  reasons: string
  scored_at: string
}

/** Times in the monitoring tables are epoch milliseconds (see migration 0009). */
export type TransactionTable = {
  seq: Generated<number>
  source: string
  id: string
  customer_id: string
  at: number
  amount: number
  currency: string
  direction: string
  type: string
  channel: string | null
  counterparty_id: string | null
  counterparty_name: string | null
  counterparty_country: string | null
  counterparty_account: string | null
  category: string | null
  description: string | null
  received_at: number
}

export type InvoiceTable = {
  source: string
  id: string
  customer_id: string
  number: string
  issued_at: number
  due_at: number
  amount: number
  currency: string
  status: string
  received_at: number
  updated_at: number
  /** What payments allocated to it, minor units (migration 0017). */
  paid_amount: Generated<number>
  /** Epoch ms of the latest payment allocated to it; null: none. */
  paid_through: number | null
}

export type PaymentTable = {
  source: string
  id: string
  customer_id: string
  at: number
  amount: number
  currency: string
  received_at: number
}

export type PaymentAllocationTable = {
  source: string
  payment_id: string
  invoice_id: string
  amount: number
}

export type FeatureSnapshotTable = {
  customer_id: string
  state: string
  updated_at: number
}

export type MonitoringCheckpointTable = {
  name: string
  through_seq: number
  updated_at: number
}

export type GroundTruthPatternTable = {
  id: string
  customer_id: string
  pattern: string
  from_at: number
  to_at: number
  /** JSON array of transaction ids (source 'demo' for the demo's). */
  transaction_ids: string
  invoice_ids: string
  description: string
  source: string
}

export type RuleTable = {
  id: string
  key: string
  version: number
  /** draft, shadow, active or retired; the document's state, kept here to load the live rules. */
  state: string
  /** The rule document, canonical JSON. */
  document: string
  created_by: string
  created_at: string
  updated_at: string
}

export type AlertTable = {
  id: string
  rule_id: string
  rule_key: string
  rule_version: number
  customer_id: string
  severity: string
  score: number
  /** new, assigned, investigating, escalated or closed. */
  status: string
  dedupe_key: string
  transaction_source: string | null
  transaction_id: string | null
  /** When the hit happened (the transaction's time), ISO-8601: the suppression window is measured on it. */
  at: string
  raised_at: string
  /** JSON array of { variable, value, baseline }. */
  evidence: string
  /** 1: a shadow rule's hit, recorded and raising nothing. */
  shadow: number
  case_id: string | null
}

export type CaseTable = {
  id: string
  customer_id: string
  /** new, assigned, investigating, escalated or closed; one case not closed per customer. */
  status: string
  owner_id: string | null
  opened_at: string
  closed_at: string | null
  closed_by: string | null
  /** true_positive, false_positive or not_actionable once closed. */
  disposition: string | null
  note: string | null
  /** The team (queue) the case was routed to. */
  team_id: string | null
  /** The worst severity of its alerts, and its rank (1 low … 4 critical) to sort by. */
  severity: string
  severity_rank: number
  /** When the case is due (its SLA); null after the last escalation level. */
  sla_due_at: string | null
  /** How many times the case was escalated (0: never), and when last. */
  escalation_level: number
  escalated_at: string | null
}

/** Routing: cases of a severity (or '*': any severity without a row of its own) go to a team's queue. */
export type CaseQueueTable = {
  severity: string
  team_id: string
  updated_by: string
  updated_at: string
}

/** Round-robin: the member of the team assigned a case last. */
export type CaseRotationTable = {
  team_id: string
  last_user_id: string
  updated_at: string
}

export type CaseCommentTable = {
  id: string
  case_id: string
  /** The actor label (user:ID). */
  author: string
  body: string
  /** JSON array of the user ids its @mentions resolved to. */
  mentions: string
  created_at: string
}

export type CaseAttachmentTable = {
  id: string
  case_id: string
  filename: string
  content_type: string
  size: number
  sha256: string
  content: Buffer
  uploaded_by: string
  created_at: string
}

/** A user's in-app inbox. */
export type NotificationTable = {
  id: string
  user_id: string
  /** case.assigned, case.escalated or case.mentioned. */
  kind: string
  title: string
  case_id: string | null
  /** JSON object: what the web UI needs to say it. */
  payload: string
  created_at: string
  read_at: string | null
}

export type CreditHoldTable = {
  id: string
  customer_id: string
  reason: string
  /** The alert that placed it, when an alert did. */
  alert_id: string | null
  placed_at: string
  placed_by: string
  /** null while active: one active hold per customer. */
  lifted_at: string | null
  lifted_by: string | null
  lift_note: string | null
}

export type WebhookTable = {
  id: string
  url: string
  /** Kept as given: the server needs it to sign; returned only when the webhook is created. */
  secret: string
  description: string | null
  created_by: string
  created_at: string
  /** Set when deleted: no more deliveries; the log stays. */
  deleted_at: string | null
}

export type WebhookDeliveryTable = {
  id: string
  webhook_id: string
  /** The same for every attempt of one event to one webhook (sent as X-Fengkong-Delivery). */
  event_id: string
  event: string
  /** The JSON body sent, exactly. */
  body: string
  /** 1 for the first try. */
  attempt: number
  /** pending, sending, delivered or failed. */
  status: string
  response_code: number | null
  error: string | null
  created_at: string
  /** When a pending attempt is due. */
  next_attempt_at: string | null
  attempted_at: string | null
  delivered_at: string | null
}

export type LimitProposalTable = {
  id: string
  customer_id: string
  /** The contract whose credit limit is the customer's limit, and which accepting changes. */
  contract_id: string
  /** The case whose alert set it off: one proposal per case. */
  case_id: string | null
  alert_id: string | null
  /** Minor units of currency. */
  current_limit: number
  proposed_limit: number
  currency: string
  cut_percent: number
  /** The reasons in one line, and as canonical JSON (the control policy's rows that decided it). */
  reason: string
  reasons: string
  /** proposed, accepted or rejected. */
  status: string
  proposed_at: string
  proposed_by: string
  decided_at: string | null
  decided_by: string | null
  note: string | null
}

export type ControlReviewTable = {
  id: string
  customer_id: string
  /** The case whose alert started it: one review per case. */
  case_id: string | null
  alert_id: string | null
  /** The review task (tasks table). */
  task_id: string
  /** The customer's status before it was set to under_review. */
  status_before: string
  due_on: string
  reason: string
  /** Canonical JSON of the control policy's reasons. */
  reasons: string
  triggered_at: string
  triggered_by: string
}

export type EmailSubscriptionTable = {
  id: string
  /** A user (emailed at their address when the email is queued), or null for a bare address. */
  user_id: string | null
  address: string | null
  /** JSON array of event names. */
  events: string
  /** For alert events: the least severity emailed; null for every severity. */
  min_severity: string | null
  created_by: string
  created_at: string
  deleted_at: string | null
}

export type EmailDeliveryTable = {
  id: string
  subscription_id: string
  /** The same for every attempt of one email (its Message-ID). */
  message_id: string
  event: string
  to_address: string
  subject: string
  body: string
  attempt: number
  /** pending, sending, delivered, failed or dropped. */
  status: string
  error: string | null
  created_at: string
  next_attempt_at: string | null
  attempted_at: string | null
  delivered_at: string | null
}

/** One row (id 'smtp'): whether the server that sends emails has SMTP configured. */
export type EmailTransportTable = {
  id: string
  configured: number
  updated_at: string
}

export type PolicyVersionTable = {
  id: string
  /** 1, 2, 3…: every draft takes the next number. */
  version: number
  /** draft, pending_approval, active, superseded or rejected; at most one active. */
  status: string
  /** Canonical JSON: the domain RiskPolicy */
  document: string
  note: string | null
  created_by: string
  created_at: string
  /** The last edit of the draft. */
  updated_by: string
  updated_at: string
  submitted_by: string | null
  submitted_at: string | null
  approved_by: string | null
  approved_at: string | null
  rejected_by: string | null
  rejected_at: string | null
  rejection_reason: string | null
  superseded_at: string | null
}

export type PolicyVersionRow = Selectable<PolicyVersionTable>

export type PolicyAttestationTable = {
  policy_version_id: string
  user_id: string
  attested_at: string
}

/** A request for approval (migration 0016-workflow). */
export type ApprovalRequestTable = {
  id: string
  /** limit_change, rating_override, onboarding or hold_release. */
  kind: string
  customer_id: string
  /** Canonical JSON: what is asked (the proposed limit, the override's grade and justification, the lift note). */
  payload: string
  /** Minor units of currency the matrix routed on. */
  amount: number
  currency: string
  /** The customer's grade when it asked, or null when ungraded. */
  grade: string | null
  /** The policy version whose approval matrix routed it. */
  policy_version: number
  required_role: string
  approvers_needed: number
  route_explanation: string
  /** pending, approved, rejected or cancelled. */
  status: string
  /** Actor label, user:<id>. */
  requested_by: string
  requested_at: string
  decided_at: string | null
  note: string | null
  /** Canonical JSON: what approving applied, or null. */
  outcome: string | null
}

export type ApprovalDecisionTable = {
  request_id: string
  user_id: string
  /** approved or rejected. */
  decision: string
  note: string | null
  at: string
}

/** A periodic review (migration 0016-workflow). */
export type ReviewTable = {
  id: string
  customer_id: string
  due_on: string
  /** The date the due date was counted from (last assessment or review). */
  based_on: string
  grade: string
  /** Canonical JSON of the policy's ReviewFrequency for the grade. */
  frequency: string
  policy_version: number
  /** scheduled, done or cancelled; overdue is derived (scheduled and due before today). */
  status: string
  scheduled_at: string
  completed_by: string | null
  completed_at: string | null
  outcome: string | null
  /** When the overdue review was raised (a task for the owner), once. */
  overdue_alerted_at: string | null
  overdue_task_id: string | null
}
