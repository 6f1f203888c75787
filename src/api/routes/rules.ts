import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { Type } from 'typebox'
import { RULE_SCOPES, RULE_SEVERITIES, RULE_STATES } from '../../domain/alerts/index.ts'
import { AppError } from '../../app-error.ts'
import { backtestRules, type BacktestRuleInput } from '../../services/rules/backtest-rules.ts'
import { changeRuleState } from '../../services/rules/change-rule-state.ts'
import { checkRule } from '../../services/rules/check-rule.ts'
import { createRule } from '../../services/rules/create-rule.ts'
import { getRule } from '../../services/rules/get-rule.ts'
import { listRules } from '../../services/rules/list-rules.ts'
import type { FeatureConfig } from '../../domain/monitoring/features/index.ts'
import type { Store } from '../../store/open-store.ts'
import { principalOf } from '../auth/access-control.ts'
import { errorResponses, IdParams, Nullable, StrictObject } from '../schemas/common.ts'

const LocalizedName = StrictObject({ zh: Type.String(), en: Type.String() })
const Playbook = StrictObject(
  { check: Type.Array(Type.String()), do: Type.Array(Type.String()), tell: Type.Array(Type.String()) },
  { description: 'What to check, what to do and whom to tell when the rule fires' },
)

const RuleBody = StrictObject({
  key: Type.String({ description: 'Stable across versions: 1–64 of a-z 0-9 _ . -, starting with a letter. Saving a key again makes its next version' }),
  name: Type.Union([Type.String(), LocalizedName]),
  description: Type.String(),
  expression: Type.String({ description: 'An expression of the rule language (docs/rules.md) that is true or false, e.g. tx.amount > 3 * f.avg_amount_90d' }),
  severity: Type.Enum(RULE_SEVERITIES),
  score: Type.Integer({ minimum: 0, maximum: 100 }),
  tags: Type.Array(Type.String()),
  scope: Type.Enum(RULE_SCOPES),
  dedupeKey: Type.Optional(Type.String({ description: "A template such as '{customer.id}:{rule.key}' (the default)" })),
  suppressionHours: Type.Number({ minimum: 0, maximum: 8760 }),
  playbook: Playbook,
})

export const RuleSchema = Type.Object({
  id: Type.String(),
  key: Type.String(),
  version: Type.Integer(),
  state: Type.Enum(RULE_STATES),
  document: Type.Unknown({ description: 'The rule document (docs/rules.md#rule-documents)' }),
  createdBy: Type.String(),
  createdAt: Type.String(),
  updatedAt: Type.String(),
})

const Ratio = Type.Object({ hits: Type.Integer(), total: Type.Integer(), value: Nullable(Type.Number()) })
const DateString = Type.String({ format: 'date', description: 'YYYY-MM-DD (UTC)' })
/** The alerts a backtest answer lists at most; the totals count them all. */
const BACKTEST_ALERTS_SHOWN = 1_000

const BacktestBody = StrictObject({
  rule: Type.Optional(RuleBody),
  ruleId: Type.Optional(Type.String({ description: 'A stored rule version, whatever its state' })),
  from: DateString,
  to: Type.String({ format: 'date', description: 'YYYY-MM-DD (UTC), exclusive' }),
})

const BacktestSchema = Type.Object({
  from: Type.String(),
  to: Type.String(),
  rules: Type.Array(Type.Object({ id: Type.String(), key: Type.String(), version: Type.Integer(), state: Type.Enum(RULE_STATES), scope: Type.Enum(RULE_SCOPES) })),
  transactions: Type.Integer({ description: 'Transactions in the range' }),
  hits: Type.Integer({ description: 'Every time the rule fired: the alerts and the suppressed hits' }),
  suppressed: Type.Integer(),
  customersAffected: Type.Integer(),
  byRule: Type.Array(Type.Object({ ruleKey: Type.String(), alerts: Type.Integer(), customers: Type.Integer() })),
  perDay: Type.Array(Type.Object({ day: Type.String(), alerts: Type.Integer() }), { description: 'Every day of the range with its alerts' }),
  groundTruth: Nullable(
    Type.Object(
      { cases: Type.Integer(), recall: Ratio, precision: Ratio, precisionAll: Ratio, byPattern: Type.Array(Type.Object({ pattern: Type.String(), recall: Ratio })) },
      { description: 'Against the labelled cases overlapping the range (ground_truth_patterns); null when there are none' },
    ),
  ),
  alertCount: Type.Integer(),
  alerts: Type.Array(
    Type.Object({
      ruleKey: Type.String(),
      customerId: Type.String(),
      at: Type.String(),
      severity: Type.Enum(RULE_SEVERITIES),
      dedupeKey: Type.String(),
      transaction: Nullable(Type.Object({ source: Type.String(), id: Type.String() })),
    }),
    { description: `The first ${BACKTEST_ALERTS_SHOWN.toLocaleString('en')} alerts, in the order raised` },
  ),
})

/** Anything that evaluates the stored rules and must load them again when they change. */
export type RulesListener = { reload(): Promise<void> }

/** Early-warning rules: versions of JSON documents, written as drafts and moved forward through shadow and active to retired. */
export const ruleRoutes: FastifyPluginAsyncTypebox<{ store: Store; listener?: RulesListener; config?: FeatureConfig }> = async function ruleRoutes(app, { store, listener, config }) {
  const tags = ['alerts']
  const actorOf = (request: Parameters<typeof principalOf>[0]) => ({ kind: 'user' as const, userId: principalOf(request).user.id })

  app.get(
    '/api/v1/rules',
    {
      config: { access: 'customers.read' },
      schema: {
        tags,
        summary: 'Every rule version, by key and newest version first',
        querystring: StrictObject({ key: Type.Optional(Type.String({ maxLength: 64 })), state: Type.Optional(Type.Enum(RULE_STATES)) }),
        response: { 200: Type.Object({ items: Type.Array(RuleSchema) }), ...errorResponses() },
      },
    },
    async (request) => ({ items: await listRules({ store, key: request.query.key, state: request.query.state }) }),
  )

  app.post(
    '/api/v1/rules',
    {
      config: { access: 'rules.manage' },
      schema: {
        tags,
        summary: 'Save a rule as a draft: version 1 of a new key, else the key’s next version. An invalid rule is refused with each problem’s field and, in the expression, its line and column',
        body: RuleBody,
        response: { 201: RuleSchema, ...errorResponses('conflict') },
      },
    },
    async (request, reply) => {
      const rule = await createRule({ store, actor: actorOf(request), input: request.body })
      return reply.status(201).send(rule)
    },
  )

  app.post(
    '/api/v1/rules/check',
    {
      config: { access: 'rules.manage' },
      schema: {
        tags,
        summary: 'Check a rule without saving it: the problems saving it would refuse, each with its field and, in the expression and dedupe key, its line and column (the editor checks as one types). Writes nothing',
        body: RuleBody,
        response: { 200: Type.Object({ valid: Type.Boolean(), problems: Type.Array(Type.Object({ path: Type.String(), message: Type.String() })) }), ...errorResponses() },
      },
    },
    async (request) => {
      const { problems } = checkRule(request.body)
      return { valid: problems.length === 0, problems }
    },
  )

  app.post(
    '/api/v1/rules/backtest',
    {
      config: { access: 'rules.manage' },
      schema: {
        tags,
        summary: 'Run a rule (a stored version by ruleId, or a document as the editor holds it) over the stored history of a range exactly as live evaluation ran it: hits, customers affected, alerts per day, recall and precision against the labelled cases. Reads only',
        body: BacktestBody,
        response: { 200: BacktestSchema, ...errorResponses('not_found') },
      },
    },
    async (request) => {
      const { rule, ruleId, from, to } = request.body
      if ((rule === undefined) === (ruleId === undefined)) {
        throw new AppError('validation_failed', 'give either rule or ruleId', { details: [{ path: rule === undefined ? 'rule' : 'ruleId', message: 'give either rule (a document) or ruleId, not both' }] })
      }
      const input: BacktestRuleInput = rule === undefined ? { ruleId: ruleId! } : { document: rule, path: 'rule' }
      const result = await backtestRules({ store, rules: [input], from: Date.parse(`${from}T00:00:00.000Z`), to: Date.parse(`${to}T00:00:00.000Z`), config })
      return {
        ...result,
        alertCount: result.alerts.length,
        alerts: result.alerts.slice(0, BACKTEST_ALERTS_SHOWN).map((a) => ({
          ruleKey: a.ruleKey,
          customerId: a.customerId,
          at: new Date(a.at).toISOString(),
          severity: a.severity,
          dedupeKey: a.dedupeKey,
          transaction: a.transactionId === undefined ? null : { source: a.transactionSource!, id: a.transactionId },
        })),
      }
    },
  )

  app.get(
    '/api/v1/rules/:id',
    { config: { access: 'customers.read' }, schema: { tags, summary: 'One rule version', params: IdParams, response: { 200: RuleSchema, ...errorResponses('not_found') } } },
    async (request) => getRule({ store, ruleId: request.params.id }),
  )

  app.post(
    '/api/v1/rules/:id/state',
    {
      config: { access: 'rules.manage' },
      schema: {
        tags,
        summary: 'Move a rule version forward: draft → shadow (hits recorded, nothing raised) → active (hits raise alerts; the key’s previous active version retires) → retired',
        params: IdParams,
        body: StrictObject({ state: Type.Enum(RULE_STATES) }),
        response: { 200: RuleSchema, ...errorResponses('not_found', 'conflict') },
      },
    },
    async (request) => {
      const rule = await changeRuleState({ store, actor: actorOf(request), ruleId: request.params.id, state: request.body.state })
      await listener?.reload()
      return rule
    },
  )
}
