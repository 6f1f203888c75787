import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { Type } from 'typebox'
import type { RiskPolicy } from '../../domain/policy/index.ts'
import { AttestationReportSchema, PolicyAttestationSchema, PolicyDiffSchema, PolicyVersionSchema, PolicyVersionSummarySchema, PolicyWhatIfSchema, RiskPolicySchema } from '../../schemas/policy.ts'
import { approvePolicy } from '../../services/policy/approve-policy.ts'
import { attestPolicy } from '../../services/policy/attest-policy.ts'
import { attestationReport } from '../../services/policy/attestation-report.ts'
import { getMyAttestation } from '../../services/policy/get-my-attestation.ts'
import { createPolicyDraft } from '../../services/policy/create-policy-draft.ts'
import { diffPolicyVersions } from '../../services/policy/diff-policy-versions.ts'
import { getActivePolicy, getPolicyVersion } from '../../services/policy/get-policy-version.ts'
import { listPolicyVersions } from '../../services/policy/list-policy-versions.ts'
import { policyWhatIf } from '../../services/policy/policy-what-if.ts'
import { rejectPolicy } from '../../services/policy/reject-policy.ts'
import { submitPolicy } from '../../services/policy/submit-policy.ts'
import { updatePolicyDraft } from '../../services/policy/update-policy-draft.ts'
import type { Store } from '../../store/open-store.ts'
import { principalOf } from '../auth/access-control.ts'
import { errorResponses, Id, IdParams, Nullable, StrictObject } from '../schemas/common.ts'

const Note = Type.String({ maxLength: 2000, description: 'What the version changes and why' })

/**
 * The risk policy (docs/policy.md): the active version, every version, drafts edited and
 * submitted by one user and approved by another (maker-checker), the diff of two versions, a
 * what-if of a version over the current portfolio, and users' attestations of the active one.
 */
export const policyRoutes: FastifyPluginAsyncTypebox<{ store: Store }> = async function policyRoutes(app, { store }) {
  const tags = ['risk policy']
  const actorOf = (request: Parameters<typeof principalOf>[0]) => ({ kind: 'user' as const, userId: principalOf(request).user.id })

  app.get(
    '/api/v1/policy',
    { config: { access: 'authenticated' }, schema: { tags, summary: 'The active policy version with its document', response: { 200: PolicyVersionSchema, ...errorResponses('conflict') } } },
    async () => getActivePolicy({ store }),
  )

  app.get(
    '/api/v1/policy/versions',
    {
      config: { access: 'authenticated' },
      schema: {
        tags,
        summary: 'Every version of the policy, newest first, without documents; actorNames gives the name behind each user:<id>',
        response: { 200: Type.Object({ items: Type.Array(PolicyVersionSummarySchema), actorNames: Type.Object({}, { additionalProperties: Type.String(), description: 'user:<id> → name' }) }), ...errorResponses() },
      },
    },
    async () => listPolicyVersions({ store }),
  )

  app.get(
    '/api/v1/policy/versions/:id',
    { config: { access: 'authenticated' }, schema: { tags, summary: 'One version with its document', params: IdParams, response: { 200: PolicyVersionSchema, ...errorResponses('not_found') } } },
    async (request) => getPolicyVersion({ store, versionId: request.params.id }),
  )

  app.post(
    '/api/v1/policy/versions',
    {
      config: { access: 'policy.manage' },
      schema: {
        tags,
        summary: 'Start a draft: from the document given, else a copy of the active policy',
        body: StrictObject({ document: Type.Optional(RiskPolicySchema), note: Type.Optional(Nullable(Note)) }),
        response: { 201: PolicyVersionSchema, ...errorResponses('conflict') },
      },
    },
    async (request, reply) => {
      const draft = await createPolicyDraft({ store, actor: actorOf(request), document: request.body.document as RiskPolicy | undefined, note: request.body.note ?? null })
      return reply.status(201).send(draft)
    },
  )

  app.put(
    '/api/v1/policy/versions/:id',
    {
      config: { access: 'policy.manage' },
      schema: {
        tags,
        summary: 'Replace a draft’s document (and note); errors name each field that is wrong',
        params: IdParams,
        body: StrictObject({ document: RiskPolicySchema, note: Type.Optional(Nullable(Note)) }),
        response: { 200: PolicyVersionSchema, ...errorResponses('not_found', 'conflict') },
      },
    },
    async (request) => updatePolicyDraft({ store, actor: actorOf(request), versionId: request.params.id, document: request.body.document as RiskPolicy, note: request.body.note }),
  )

  app.post(
    '/api/v1/policy/versions/:id/submit',
    {
      config: { access: 'policy.manage' },
      schema: { tags, summary: 'Submit a draft for approval by a second user', params: IdParams, response: { 200: PolicyVersionSchema, ...errorResponses('not_found', 'conflict') } },
    },
    async (request) => submitPolicy({ store, actor: actorOf(request), versionId: request.params.id }),
  )

  app.post(
    '/api/v1/policy/versions/:id/approve',
    {
      config: { access: 'policy.approve' },
      schema: {
        tags,
        summary: 'Approve a submitted version and make it active (not by a user who made or submitted it: 403); the active one is superseded',
        params: IdParams,
        response: { 200: PolicyVersionSchema, ...errorResponses('not_found', 'conflict') },
      },
    },
    async (request) => approvePolicy({ store, actor: actorOf(request), versionId: request.params.id }),
  )

  app.post(
    '/api/v1/policy/versions/:id/reject',
    {
      config: { access: 'policy.approve' },
      schema: {
        tags,
        summary: 'Reject a submitted version, saying why',
        params: IdParams,
        body: StrictObject({ reason: Type.String({ minLength: 1, maxLength: 2000 }) }),
        response: { 200: PolicyVersionSchema, ...errorResponses('not_found', 'conflict') },
      },
    },
    async (request) => rejectPolicy({ store, actor: actorOf(request), versionId: request.params.id, reason: request.body.reason }),
  )

  app.get(
    '/api/v1/policy/diff',
    {
      config: { access: 'authenticated' },
      schema: {
        tags,
        summary: 'What changed from one version to another: one entry per field, with its value in each',
        querystring: StrictObject({ from: Id, to: Id }),
        response: { 200: PolicyDiffSchema, ...errorResponses('not_found') },
      },
    },
    async (request) => diffPolicyVersions({ store, fromId: request.query.from, toId: request.query.to }),
  )

  app.post(
    '/api/v1/policy/versions/:id/what-if',
    {
      config: { access: 'policy.manage' },
      schema: {
        tags,
        summary: 'Run a version over the current portfolio beside the active one: grade and limit changes, and the alerts each would raise',
        params: IdParams,
        response: { 200: PolicyWhatIfSchema, ...errorResponses('not_found', 'conflict') },
      },
    },
    async (request) => policyWhatIf({ store, versionId: request.params.id }),
  )

  app.post(
    '/api/v1/policy/attest',
    {
      config: { access: 'authenticated' },
      schema: { tags, summary: 'Acknowledge the active policy version as the signed-in user (once per version)', response: { 200: PolicyAttestationSchema, ...errorResponses('conflict') } },
    },
    async (request) => attestPolicy({ store, actor: actorOf(request) }),
  )

  app.get(
    '/api/v1/policy/attestations/me',
    {
      config: { access: 'authenticated' },
      schema: {
        tags,
        summary: 'Whether the signed-in user has acknowledged the active version, and when',
        response: { 200: Type.Object({ policyVersionId: Type.String(), version: Type.Integer(), attestedAt: Nullable(Type.String()) }), ...errorResponses('conflict') },
      },
    },
    async (request) => getMyAttestation({ store, userId: principalOf(request).user.id }),
  )

  app.get(
    '/api/v1/policy/attestations',
    {
      config: { access: 'policy.manage' },
      schema: { tags, summary: 'Which active users have acknowledged the active version, and which have not', response: { 200: AttestationReportSchema, ...errorResponses('conflict') } },
    },
    async () => attestationReport({ store }),
  )
}
