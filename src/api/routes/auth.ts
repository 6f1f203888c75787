import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { Type } from 'typebox'
import { AppError } from '../../app-error.ts'
import type { Config } from '../../config.ts'
import type { LoginThrottle } from '../../domain/identity/index.ts'
import { logIn } from '../../services/auth/log-in.ts'
import { logOut } from '../../services/auth/log-out.ts'
import type { Store } from '../../store/open-store.ts'
import { normaliseEmail } from '../../store/repositories/users.ts'
import { errorResponses } from '../schemas/common.ts'
import { LoginBody, LoginResponse } from '../schemas/identity.ts'
import { clearedSessionCookie, readCookie, SESSION_COOKIE, sessionCookie } from '../auth/session-cookie.ts'

export type AuthRoutesOptions = { store: Store; config: Config; throttle: LoginThrottle }

export const authRoutes: FastifyPluginAsyncTypebox<AuthRoutesOptions> = async function authRoutes(app, { store, config, throttle }) {
  app.post(
    '/api/v1/auth/login',
    {
      config: { access: 'public' },
      schema: {
        tags: ['auth'],
        summary: 'Sign in with email and password; sets the httpOnly session cookie',
        security: [],
        body: LoginBody,
        response: { 200: LoginResponse, ...errorResponses('rate_limited') },
      },
    },
    async (request, reply) => {
      const email = normaliseEmail(request.body.email)
      const verdict = throttle.check(email, request.ip)
      if (!verdict.allowed) {
        throw new AppError('rate_limited', `too many failed sign-ins for this ${verdict.limitedBy}; try again in ${verdict.retryAfterSeconds} s`, {
          headers: { 'retry-after': String(verdict.retryAfterSeconds) },
        })
      }
      try {
        const result = await logIn({ store, email, password: request.body.password, sessionHours: config.sessionHours })
        throttle.recordSuccess(email)
        reply.header('set-cookie', sessionCookie({ token: result.sessionToken, maxAgeSeconds: config.sessionHours * 3600, secure: config.secureCookies }))
        return { user: result.user, expiresAt: result.expiresAt }
      } catch (error) {
        if (error instanceof AppError && error.code === 'unauthenticated') throttle.recordFailure(email, request.ip)
        throw error
      }
    },
  )

  app.post(
    '/api/v1/auth/logout',
    {
      config: { access: 'authenticated' },
      schema: { tags: ['auth'], summary: 'End the current session', response: { 204: Type.Null(), ...errorResponses() } },
    },
    async (request, reply) => {
      const token = readCookie(request.headers.cookie, SESSION_COOKIE)
      if (token) await logOut({ store, sessionToken: token })
      reply.header('set-cookie', clearedSessionCookie(config.secureCookies))
      return reply.status(204).send(null)
    },
  )
}
