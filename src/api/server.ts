import { randomUUID } from 'node:crypto'
import swagger from '@fastify/swagger'
import swaggerUi from '@fastify/swagger-ui'
import { registerAjvFormats, TypeBoxValidatorCompiler, type TypeBoxTypeProvider } from '@fastify/type-provider-typebox'
import Fastify, { type FastifyInstance } from 'fastify'
import { featureConfigOf, type Config } from '../config.ts'
import { createLoginThrottle, type LoginThrottle } from '../domain/identity/index.ts'
import type { Store } from '../store/open-store.ts'
import { AppError } from '../app-error.ts'
import { installAccessControl, type RouteAccess } from './auth/access-control.ts'
import { SESSION_COOKIE } from './auth/session-cookie.ts'
import { handleError } from './error-handler.ts'
import { openMonitoringLazily, type Monitoring } from '../engine/monitoring.ts'
import { activityRoutes } from './routes/activity.ts'
import { alertRoutes } from './routes/alerts.ts'
import { caseRoutes } from './routes/cases.ts'
import { caseAttachmentRoutes } from './routes/case-attachments.ts'
import { notificationRoutes } from './routes/notifications.ts'
import { createCaseEscalationWorker, type CaseEscalationWorker, type CaseEscalationWorkerOptions } from '../services/alerts/case-escalation-worker.ts'
import { ruleRoutes } from './routes/rules.ts'
import { portfolioRoutes } from './routes/portfolio.ts'
import { digestRoutes } from './routes/digest.ts'
import { createLiveAlerts } from '../services/alerts/live-alerts.ts'
import { createDailyRulesSchedule, type DailyRulesSchedule, type DailyRulesScheduleOptions } from '../services/alerts/daily-rules-schedule.ts'
import { runDailyRules } from '../services/alerts/run-daily-rules.ts'
import { createHeldCustomers } from '../services/controls/held-customers.ts'
import { createWebhookWorker, type WebhookWorker, type WebhookWorkerOptions } from '../services/webhooks/webhook-worker.ts'
import { controlRoutes } from './routes/controls.ts'
import { webhookRoutes } from './routes/webhooks.ts'
import { emailNotificationRoutes } from './routes/email-notifications.ts'
import { createEmailWorker, type EmailWorker, type EmailWorkerOptions } from '../services/email/email-worker.ts'
import { createSmtpTransport, recordEmailTransport, type MailTransport } from '../services/email/email-transport.ts'
import { apiKeyRoutes } from './routes/api-keys.ts'
import { customerActivityRoutes } from './routes/customer-activity.ts'
import { assessmentRoutes } from './routes/assessments.ts'
import { expertAssessmentRoutes } from './routes/expert-assessments.ts'
import { industryRiskRoutes } from './routes/industry-risk.ts'
import { questionnaireRoutes } from './routes/questionnaires.ts'
import { ratingOverrideRoutes } from './routes/rating-overrides.ts'
import { auditRoutes } from './routes/audit.ts'
import { customFieldRoutes } from './routes/custom-fields.ts'
import { customerRecordRoutes } from './routes/customer-records.ts'
import { customerRoutes } from './routes/customers.ts'
import { documentRoutes } from './routes/documents.ts'
import { financialAnalysisRoutes } from './routes/financial-analysis.ts'
import { relationshipRoutes } from './routes/relationships.ts'
import { timelineRoutes } from './routes/timeline.ts'
import { authRoutes } from './routes/auth.ts'
import { healthRoutes } from './routes/health.ts'
import { importRoutes } from './routes/imports.ts'
import { meRoutes } from './routes/me.ts'
import { modelRoutes } from './routes/models.ts'
import { policyRoutes } from './routes/policy.ts'
import { scoringRoutes } from './routes/scoring.ts'
import { teamRoutes } from './routes/teams.ts'
import { userRoutes } from './routes/users.ts'
import { webUi } from './web-ui.ts'
import { workflowRoutes } from './routes/workflow.ts'
import { createReviewScheduleTimer, type ReviewScheduleTimer, type ReviewScheduleTimerOptions } from '../services/workflow/review-schedule-timer.ts'

export type BuildServerOptions = {
  store: Store
  config: Config
  /** Injected so tests can drive lockouts on a fake clock. */
  throttle?: LoginThrottle
  /** The monitoring engine to ingest through; when not given, one is opened on the store at first use and closed with the server. */
  monitoring?: Monitoring
  /** The webhook delivery worker's timing (tests: a short interval, a short backoff, a fake clock). */
  webhooks?: Omit<WebhookWorkerOptions, 'store'>
  /** The email worker's timing, and its transport (tests), when SMTP is configured. */
  email?: Omit<EmailWorkerOptions, 'store' | 'transport'> & { transport?: MailTransport }
  /** The SLA clock that escalates overdue cases (tests: a fake clock). */
  caseEscalation?: Omit<CaseEscalationWorkerOptions, 'store'>
  /** The daily rule run's clock and timers (tests: a fake clock). */
  dailyRules?: Omit<DailyRulesScheduleOptions, 'store' | 'run'>
  /** The daily periodic-review run's clock and timers (tests: a fake clock); its clock is also the workflow routes' today. */
  reviews?: Omit<ReviewScheduleTimerOptions, 'store'>
}

export type FengkongServer = FastifyInstance & { emailWorker: EmailWorker | null } & { routeAccess: RouteAccess[]; webhookWorker: WebhookWorker; caseEscalation: CaseEscalationWorker; dailyRules: DailyRulesSchedule; reviewSchedule: ReviewScheduleTimer }

const REQUEST_ID = /^[\w.-]{1,64}$/

registerAjvFormats()

export async function buildServer({ store, config, throttle = createLoginThrottle(), monitoring: given, webhooks, email, caseEscalation: caseEscalationOptions, dailyRules: dailyRulesOptions, reviews: reviewOptions }: BuildServerOptions): Promise<FengkongServer> {
  const app = Fastify({
    logger: { level: config.logLevel, redact: ['req.headers.authorization', 'req.headers.cookie'] },
    bodyLimit: config.bodyLimit,
    // Accept a caller's request id (from a gateway) when it is sane, else make one; echo it back.
    genReqId: (request) => {
      const given = request.headers['x-request-id']
      return typeof given === 'string' && REQUEST_ID.test(given) ? given : randomUUID()
    },
    requestIdHeader: false,
    trustProxy: config.trustProxy,
  })
    .setValidatorCompiler(TypeBoxValidatorCompiler)
    .withTypeProvider<TypeBoxTypeProvider>()

  app.addHook('onRequest', async (request, reply) => {
    reply.header('x-request-id', request.id)
  })
  app.setErrorHandler(handleError)
  app.setNotFoundHandler((request) => {
    throw new AppError('not_found', `no route ${request.method} ${request.url.split('?')[0]}`)
  })

  const routeAccess = installAccessControl(app, store)

  await app.register(swagger, {
    openapi: {
      openapi: '3.0.3',
      info: {
        title: 'Fengkong API',
        version: '1',
        description:
          'Customer risk management. Every route except health and login needs a session cookie (POST /api/v1/auth/login) or an API key sent as "Authorization: Bearer KEY". Errors are {"error":{"code","message","details":[{"path","message"}]}}.',
      },
      components: {
        securitySchemes: {
          session: { type: 'apiKey', in: 'cookie', name: SESSION_COOKIE },
          apiKey: { type: 'http', scheme: 'bearer', description: 'An API key from POST /api/v1/api-keys' },
        },
      },
      security: [{ session: [] }, { apiKey: [] }],
    },
  })
  await app.register(swaggerUi, { routePrefix: '/api/docs' })

  app.get(
    '/api/openapi.json',
    { config: { access: 'authenticated' }, schema: { hide: true } },
    async () => app.swagger(),
  )

  await app.register(healthRoutes, { store })
  await app.register(authRoutes, { store, config, throttle })
  await app.register(meRoutes, { store })
  await app.register(userRoutes, { store })
  await app.register(teamRoutes, { store })
  await app.register(apiKeyRoutes, { store })
  await app.register(auditRoutes, { store })
  await app.register(customerRoutes, { store })
  await app.register(customerRecordRoutes, { store })
  await app.register(documentRoutes, { store, config })
  await app.register(relationshipRoutes, { store })
  await app.register(timelineRoutes, { store })
  await app.register(customFieldRoutes, { store })
  await app.register(scoringRoutes)
  await app.register(financialAnalysisRoutes, { store })
  await app.register(assessmentRoutes, { store })
  await app.register(questionnaireRoutes, { store })
  await app.register(expertAssessmentRoutes, { store })
  await app.register(industryRiskRoutes, { store })
  await app.register(ratingOverrideRoutes, { store })
  await app.register(importRoutes, { store, config })
  // Live alerts run beside an in-process engine this server opens (not over NATS, nor on an engine given).
  // The customers under a credit hold, in memory for the transaction hot path: loaded when the server is ready.
  const held = createHeldCustomers({ store })
  // A store that cannot answer yet (not migrated) must not stop the server: requests load the holds before they need them.
  app.addHook('onReady', async () => held.open().catch((error: Error) => app.log.error({ err: error }, 'credit holds not loaded at start')))
  const liveAlerts = given || config.natsUrl ? undefined : createLiveAlerts({ store, config: featureConfigOf(config), held })
  const monitoring = given ?? openMonitoringLazily(store, { natsUrl: config.natsUrl, config: featureConfigOf(config), alerts: liveAlerts })
  if (!given) app.addHook('onClose', () => monitoring.close())
  await app.register(activityRoutes, { store, monitoring, alerts: liveAlerts, held })
  await app.register(customerActivityRoutes, { store, monitoring })
  await app.register(modelRoutes, { store, config })
  await app.register(policyRoutes, { store })
  await app.register(ruleRoutes, { store, listener: liveAlerts, config: featureConfigOf(config) })
  await app.register(alertRoutes, { store })
  await app.register(caseRoutes, { store })
  await app.register(caseAttachmentRoutes, { store, config })
  await app.register(notificationRoutes, { store })
  // Overdue cases are escalated by a timer in this process, from ready until close.
  const caseEscalation = createCaseEscalationWorker({ store, onError: (error) => app.log.error({ err: error }, 'escalating overdue cases failed'), ...caseEscalationOptions })
  app.addHook('onReady', async () => caseEscalation.start())
  app.addHook('onClose', () => caseEscalation.stop())
  await app.register(controlRoutes, { store, held })
  // Periodic reviews are scheduled (and overdue ones raised) by a timer in this process: shortly after start, then daily.
  const reviewSchedule = createReviewScheduleTimer({ store, onError: (error) => app.log.error({ err: error }, 'scheduling reviews failed'), ...reviewOptions })
  app.addHook('onReady', async () => reviewSchedule.start())
  app.addHook('onClose', () => reviewSchedule.stop())
  const reviewClock = reviewOptions?.now ?? Date.now
  await app.register(workflowRoutes, { store, held, reviews: reviewSchedule, now: () => new Date(reviewClock()) })
  await app.register(webhookRoutes, { store })
  await app.register(portfolioRoutes, { store, config })
  await app.register(digestRoutes, { store, config })
  // Webhook deliveries are sent by a timer in this process, from ready until close.
  const webhookWorker = createWebhookWorker({ store, ...webhooks })
  app.addHook('onReady', async () => webhookWorker.start())
  app.addHook('onClose', () => webhookWorker.stop())
  // Emails are sent by a timer in this process when SMTP is configured; the store is told either
  // way at start, so events queue emails only while they can be sent.
  const { transport: givenTransport, ...emailTiming } = email ?? {}
  const mailTransport = config.smtpUrl ? (givenTransport ?? createSmtpTransport({ url: config.smtpUrl, from: config.mailFrom })) : null
  const emailWorker = mailTransport ? createEmailWorker({ store, transport: mailTransport, ...emailTiming }) : null
  app.addHook('onReady', async () => {
    await recordEmailTransport(store.db, { configured: emailWorker !== null }).catch((error: Error) => app.log.error({ err: error }, 'email transport not recorded'))
    emailWorker?.start()
  })
  app.addHook('onClose', async () => {
    await emailWorker?.stop()
    mailTransport?.close()
  })
  await app.register(emailNotificationRoutes, { store, smtpConfigured: emailWorker !== null })
  Object.assign(app, { emailWorker })
  // The daily rules run once per UTC day, shortly after midnight, for the day that ended (and the days missed, at start).
  const dailyRules = createDailyRulesSchedule({
    store,
    onError: (error) => app.log.error({ err: error }, 'the daily rules failed'),
    ...dailyRulesOptions,
    run: (date) =>
      runDailyRules({
        store,
        date,
        config: featureConfigOf(config),
        held,
        // A customer without transactions has no features, as in a backtest.
        features: async (customerId, asOf) => {
          const features = await monitoring.engine.features(customerId, asOf)
          return features.totalCount === 0 ? null : features
        },
      }),
  })
  app.addHook('onReady', async () => dailyRules.start())
  app.addHook('onClose', () => dailyRules.stop())
  await app.register(webUi)

  return Object.assign(app, { routeAccess, webhookWorker, caseEscalation, dailyRules, reviewSchedule }) as unknown as FengkongServer
}
