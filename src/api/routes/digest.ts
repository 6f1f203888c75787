import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import type { FastifyReply } from 'fastify'
import { Type } from 'typebox'
import { featureConfigOf, type Config } from '../../config.ts'
import { DIGEST_LANGUAGES, renderDigestHtml, renderHandbookHtml } from '../../domain/digest/index.ts'
import { buildRiskHandbook } from '../../services/digest/build-handbook.ts'
import { buildWeeklyDigest } from '../../services/digest/build-weekly-digest.ts'
import { renderPdf } from '../../services/digest/render-pdf.ts'
import type { Store } from '../../store/open-store.ts'
import { errorResponses, StrictObject } from '../schemas/common.ts'

const Lang = Type.Enum(DIGEST_LANGUAGES, { description: 'The language of the page (default zh-CN)' })

/** The page may show only itself: no script, no request, its own inline style. */
const PAGE_POLICY = "default-src 'none'; style-src 'unsafe-inline'; img-src data:"

export type DigestRoutesOptions = {
  store: Store
  config: Config
  /** The clock the default week is taken from (tests). */
  now?: () => number
}

/** The weekly risk digest and the risk handbook, for people outside the risk team: HTML to read or mail, PDF to print, JSON to reuse. */
export const digestRoutes: FastifyPluginAsyncTypebox<DigestRoutesOptions> = async function digestRoutes(app, { store, config, now = Date.now }) {
  const tags = ['digest']

  app.get(
    '/api/v1/digest/weekly',
    {
      config: { access: 'customers.read' },
      schema: {
        tags,
        summary: 'The weekly risk digest of an ISO week: new alerts, cases opened and closed, grade changes, and the portfolio at the week’s end (exposure, largest names, appetite breaches, overdue reviews)',
        querystring: StrictObject({
          week: Type.Optional(Type.String({ pattern: '^\\d{4}-W\\d{2}$', description: 'YYYY-Www (default: the last full week)' })),
          lang: Type.Optional(Lang),
          format: Type.Optional(Type.Enum(['html', 'pdf', 'json'] as const, { description: 'default html' })),
        }),
        response: { 200: Type.Unknown({ description: 'text/html, application/pdf (as an attachment) or the digest as JSON, every figure with its formula and inputs' }), ...errorResponses() },
      },
    },
    async (request, reply) => {
      const { week, lang = 'zh-CN', format = 'html' } = request.query
      const digest = await buildWeeklyDigest({ store, week, now: now(), fx: featureConfigOf(config) })
      if (format === 'json') return reply.type('application/json; charset=utf-8').send(JSON.stringify(digest))
      return sendPage(reply, { html: renderDigestHtml(digest, lang), format, filename: `risk-digest-${digest.week}-${lang}`, executablePath: config.chromiumPath })
    },
  )

  app.get(
    '/api/v1/handbook',
    {
      config: { access: 'customers.read' },
      schema: {
        tags,
        summary: 'The risk handbook from the active risk policy and the active rules’ playbooks: master scale, what each grade means, thresholds, limits, approvals, risk appetite, each rule',
        querystring: StrictObject({ lang: Type.Optional(Lang), format: Type.Optional(Type.Enum(['html', 'pdf', 'json'] as const, { description: 'default html' })) }),
        response: { 200: Type.Unknown({ description: 'text/html, application/pdf (as an attachment) or the handbook as JSON' }), ...errorResponses() },
      },
    },
    async (request, reply) => {
      const { lang = 'zh-CN', format = 'html' } = request.query
      const handbook = await buildRiskHandbook({ store })
      if (format === 'json') return reply.type('application/json; charset=utf-8').send(JSON.stringify(handbook))
      return sendPage(reply, { html: renderHandbookHtml(handbook, lang), format, filename: `risk-handbook-v${handbook.policyVersion}-${lang}`, executablePath: config.chromiumPath })
    },
  )
}

async function sendPage(reply: FastifyReply, { html, format, filename, executablePath }: { html: string; format: 'html' | 'pdf'; filename: string; executablePath: string }): Promise<FastifyReply> {
  reply.header('x-content-type-options', 'nosniff').header('cache-control', 'no-store')
  if (format === 'pdf') {
    const pdf = await renderPdf({ html, executablePath })
    return reply.type('application/pdf').header('content-disposition', `attachment; filename="${filename}.pdf"`).send(pdf)
  }
  return reply.type('text/html; charset=utf-8').header('content-security-policy', PAGE_POLICY).send(html)
}

