import { canonicalJson } from '../../domain/audit/index.ts'
import type { FieldProblem } from '../../domain/customers/index.ts'
import type {
  BureauRecord,
  BureauRecordInput,
  Contact,
  ContactInput,
  Contract,
  ContractInput,
  Interaction,
  InteractionInput,
  Statement,
  StatementInput,
  Task,
  TaskInput,
} from '../../schemas/customer-records.ts'
import type { Database } from '../schema.ts'

/**
 * One definition per kind of record kept about a customer: its table, how a row becomes
 * the API's view and an input becomes columns, how it is ordered and which columns identify
 * it within a customer (what an import upserts on). Services, routes and imports are
 * written once against this shape instead of six times over.
 */
export type RecordContext = { actor: string; userId: string | null; now: string; before: unknown | null }

export type RecordKind<View = any, Input = any> = {
  /** URL segment and import target: /api/v1/customers/:id/contacts, `fengkong import contacts`. */
  name: string
  /** The audit ledger's entity name. */
  entity: string
  table: RecordTable
  /** Listed newest first by this column. */
  orderBy: string
  /** Columns that identify a record within its customer, for upserts; null when only the id does. */
  naturalKey: readonly string[] | null
  hasUpdatedAt: boolean
  toView(row: Record<string, any>): View
  toColumns(input: Input, context: RecordContext): Record<string, unknown>
  toInput(view: View): Input
  problems?(input: Input): FieldProblem[]
}

export type RecordTable = 'contacts' | 'interactions' | 'tasks' | 'financial_statements' | 'bureau_records' | 'contracts'
export type RecordRow = Database[RecordTable]

const meta = (row: Record<string, any>) => ({ id: row.id as string, customerId: row.customer_id as string, createdAt: row.created_at as string })
const orNull = <T>(value: T | undefined): T | null => (value === undefined ? null : value)

export const contactKind: RecordKind<Contact, ContactInput> = {
  name: 'contacts',
  entity: 'contact',
  table: 'contacts',
  orderBy: 'created_at',
  naturalKey: null,
  hasUpdatedAt: true,
  toView: (row) => ({
    ...meta(row),
    externalId: row.external_id,
    name: row.name,
    title: row.title,
    email: row.email,
    phone: row.phone,
    primary: row.primary_contact === 1,
    notes: row.notes,
    updatedAt: row.updated_at,
  }),
  toColumns: (input) => ({
    external_id: orNull(input.externalId),
    name: input.name,
    title: orNull(input.title),
    email: input.email ? input.email.trim().toLowerCase() : null,
    phone: orNull(input.phone),
    primary_contact: input.primary ? 1 : 0,
    notes: orNull(input.notes),
  }),
  toInput: ({ externalId, name, title, email, phone, primary, notes }) => ({ externalId, name, title, email, phone, primary, notes }),
}

export const interactionKind: RecordKind<Interaction, InteractionInput> = {
  name: 'interactions',
  entity: 'interaction',
  table: 'interactions',
  orderBy: 'occurred_at',
  naturalKey: null,
  hasUpdatedAt: true,
  toView: (row) => ({
    ...meta(row),
    kind: row.kind,
    occurredAt: row.occurred_at,
    subject: row.subject,
    notes: row.notes,
    outcome: row.outcome,
    followUpOn: row.follow_up_on,
    location: row.location,
    attendees: JSON.parse(row.attendees),
    authorId: row.author_id,
    updatedAt: row.updated_at,
  }),
  toColumns: (input, context) => ({
    kind: input.kind,
    occurred_at: new Date(input.occurredAt).toISOString(),
    subject: input.subject,
    notes: orNull(input.notes),
    outcome: orNull(input.outcome),
    follow_up_on: orNull(input.followUpOn),
    location: orNull(input.location),
    attendees: canonicalJson(input.attendees ?? []),
    // The author is whoever first wrote it down; editing does not change that.
    author_id: context.before ? (context.before as Interaction).authorId : context.userId,
  }),
  toInput: ({ kind, occurredAt, subject, notes, outcome, followUpOn, location, attendees }) => ({ kind, occurredAt, subject, notes, outcome, followUpOn, location, attendees }),
}

export const taskKind: RecordKind<Task, TaskInput> = {
  name: 'tasks',
  entity: 'task',
  table: 'tasks',
  orderBy: 'created_at',
  naturalKey: null,
  hasUpdatedAt: true,
  toView: (row) => ({
    ...meta(row),
    title: row.title,
    description: row.description,
    dueOn: row.due_on,
    assigneeId: row.assignee_id,
    status: row.status,
    createdBy: row.created_by,
    completedAt: row.completed_at,
    updatedAt: row.updated_at,
  }),
  toColumns: (input, context) => {
    const before = context.before as Task | null
    const status = input.status ?? 'open'
    return {
      title: input.title,
      description: orNull(input.description),
      due_on: orNull(input.dueOn),
      assignee_id: orNull(input.assigneeId),
      status,
      created_by: before?.createdBy ?? context.actor,
      completed_at: status === 'done' ? (before?.completedAt ?? context.now) : null,
    }
  },
  toInput: ({ title, description, dueOn, assigneeId, status }) => ({ title, description, dueOn, assigneeId, status }),
}

export const statementKind: RecordKind<Statement, StatementInput> = {
  name: 'statements',
  entity: 'financial_statement',
  table: 'financial_statements',
  orderBy: 'period_end',
  naturalKey: ['period_end', 'period_months'],
  hasUpdatedAt: true,
  toView: (row) => ({
    ...meta(row),
    periodEnd: row.period_end,
    periodMonths: row.period_months,
    currency: row.currency,
    audited: row.audited === 1,
    items: JSON.parse(row.items),
    updatedAt: row.updated_at,
  }),
  toColumns: (input) => ({
    period_end: input.periodEnd,
    period_months: input.periodMonths ?? 12,
    currency: input.currency,
    audited: input.audited ? 1 : 0,
    // Absent and null items are both "not reported": store only what was reported.
    items: canonicalJson(Object.fromEntries(Object.entries(input.items).filter(([, value]) => value !== null && value !== undefined))),
  }),
  toInput: ({ periodEnd, periodMonths, currency, audited, items }) => ({ periodEnd, periodMonths, currency, audited, items }),
  problems: (input) => {
    const problems: FieldProblem[] = []
    const { totalAssets, currentAssets, totalLiabilities, currentLiabilities } = input.items
    if (totalAssets != null && currentAssets != null && currentAssets > totalAssets) problems.push({ path: 'items.currentAssets', message: 'cannot exceed totalAssets' })
    if (totalLiabilities != null && currentLiabilities != null && currentLiabilities > totalLiabilities) {
      problems.push({ path: 'items.currentLiabilities', message: 'cannot exceed totalLiabilities' })
    }
    return problems
  },
}

export const bureauRecordKind: RecordKind<BureauRecord, BureauRecordInput> = {
  name: 'bureau',
  entity: 'bureau_record',
  table: 'bureau_records',
  orderBy: 'reported_on',
  naturalKey: ['agency', 'reported_on'],
  hasUpdatedAt: false,
  toView: (row) => ({
    ...meta(row),
    agency: row.agency,
    reportedOn: row.reported_on,
    score: row.score,
    scoreMin: row.score_min,
    scoreMax: row.score_max,
    rating: row.rating,
    recommendedLimit: row.recommended_limit === null ? null : Number(row.recommended_limit),
    currency: row.currency,
    defaults: row.defaults,
    courtJudgments: row.court_judgments,
    taxArrears: Number(row.tax_arrears),
  }),
  toColumns: (input) => ({
    agency: input.agency,
    reported_on: input.reportedOn,
    score: orNull(input.score),
    score_min: orNull(input.scoreMin),
    score_max: orNull(input.scoreMax),
    rating: orNull(input.rating),
    recommended_limit: orNull(input.recommendedLimit),
    currency: orNull(input.currency),
    defaults: input.defaults ?? 0,
    court_judgments: input.courtJudgments ?? 0,
    tax_arrears: input.taxArrears ?? 0,
  }),
  toInput: ({ agency, reportedOn, score, scoreMin, scoreMax, rating, recommendedLimit, currency, defaults, courtJudgments, taxArrears }) => ({
    agency,
    reportedOn,
    score,
    scoreMin,
    scoreMax,
    rating,
    recommendedLimit,
    currency,
    defaults,
    courtJudgments,
    taxArrears,
  }),
  problems: (input) => {
    const problems: FieldProblem[] = []
    if (input.score != null && input.scoreMin != null && input.score < input.scoreMin) problems.push({ path: 'score', message: `is below the scale's minimum ${input.scoreMin}` })
    if (input.score != null && input.scoreMax != null && input.score > input.scoreMax) problems.push({ path: 'score', message: `is above the scale's maximum ${input.scoreMax}` })
    if (input.recommendedLimit != null && !input.currency) problems.push({ path: 'currency', message: 'is required with recommendedLimit' })
    return problems
  },
}

export const contractKind: RecordKind<Contract, ContractInput> = {
  name: 'contracts',
  entity: 'contract',
  table: 'contracts',
  orderBy: 'created_at',
  naturalKey: ['number'],
  hasUpdatedAt: true,
  toView: (row) => ({
    ...meta(row),
    number: row.number,
    signedOn: row.signed_on,
    expiresOn: row.expires_on,
    creditTermsDays: row.credit_terms_days,
    creditLimit: row.credit_limit === null ? null : Number(row.credit_limit),
    currency: row.currency,
    securities: JSON.parse(row.securities),
    status: row.status,
    updatedAt: row.updated_at,
  }),
  toColumns: (input) => ({
    number: input.number,
    signed_on: orNull(input.signedOn),
    expires_on: orNull(input.expiresOn),
    credit_terms_days: input.creditTermsDays,
    credit_limit: orNull(input.creditLimit),
    currency: input.currency,
    securities: canonicalJson(input.securities ?? []),
    status: input.status ?? 'active',
  }),
  toInput: ({ number, signedOn, expiresOn, creditTermsDays, creditLimit, currency, securities, status }) => ({
    number,
    signedOn,
    expiresOn,
    creditTermsDays,
    creditLimit,
    currency,
    securities,
    status,
  }),
  problems: (input) =>
    input.signedOn && input.expiresOn && input.expiresOn < input.signedOn ? [{ path: 'expiresOn', message: 'is before signedOn' }] : [],
}

export const RECORD_KINDS = [contactKind, interactionKind, taskKind, statementKind, bureauRecordKind, contractKind] as const
