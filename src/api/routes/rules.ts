import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { Type } from 'typebox'
import { RULE_SCOPES, RULE_SEVERITIES, RULE_STATES } from '../../domain/alerts/index.ts'
import { changeRuleState } from '../../services/rules/change-rule-state.ts'
import { createRule } from '../../services/rules/create-rule.ts'
import { getRule } from '../../services/rules/get-rule.ts'
import { listRules } from '../../services/rules/list-rules.ts'
import type { Store } from '../../store/open-store.ts'
import { principalOf } from '../auth/access-control.ts'
import { errorResponses, IdParams, StrictObject } from '../schemas/common.ts'

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

/** Anything that evaluates the stored rules and must load them again when they change. */
export type RulesListener = { reload(): Promise<void> }

/** Early-warning rules: versions of JSON documents, written as drafts and moved forward through shadow and active to retired. */
export const ruleRoutes: FastifyPluginAsyncTypebox<{ store: Store; listener?: RulesListener }> = async function ruleRoutes(app, { store, listener }) {
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
