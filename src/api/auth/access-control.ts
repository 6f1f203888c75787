import type { FastifyInstance, FastifyRequest } from 'fastify'
import { AppError } from '../../app-error.ts'
import { roleHasPermission, type Permission } from '../../domain/identity/index.ts'
import { authenticate, type Principal } from '../../services/auth/authenticate.ts'
import type { Store } from '../../store/open-store.ts'
import { readCookie, SESSION_COOKIE } from './session-cookie.ts'

/**
 * What a route needs: 'public' (health, login), 'authenticated' (any active user),
 * or one permission from the matrix. A route that says nothing is 'authenticated':
 * secure by default, public only on purpose.
 */
export type Access = 'public' | 'authenticated' | Permission

declare module 'fastify' {
  interface FastifyContextConfig {
    access?: Access
  }
  interface FastifyRequest {
    principal: Principal | null
  }
}

/** A route's access, and whether the route said so itself (false: it took the default). */
export type RouteAccess = { method: string; url: string; access: Access; declared: boolean }

/**
 * Checks every request before its body is even parsed, so an unauthenticated caller
 * learns nothing from validation errors. Records each route's access for the docs and
 * for the test that walks every route.
 */
export function installAccessControl(app: FastifyInstance, store: Store): RouteAccess[] {
  const routes: RouteAccess[] = []
  app.decorateRequest('principal', null)

  app.addHook('onRoute', (route) => {
    const declared = route.config?.access !== undefined
    const access: Access = route.config?.access ?? 'authenticated'
    route.config = { ...route.config, access }
    for (const method of [route.method].flat()) {
      if (method !== 'HEAD') routes.push({ method, url: route.url, access, declared })
    }
  })

  app.addHook('onRequest', async (request) => {
    const access = request.routeOptions.config.access ?? 'authenticated'
    if (access === 'public') return
    request.principal = await authenticate({ store, ...credentialsOf(request) })
    if (!request.principal) throw new AppError('unauthenticated', 'sign in, or send an API key as "Authorization: Bearer KEY"')
    if (access !== 'authenticated' && !roleHasPermission(request.principal.user.role, access)) {
      throw new AppError('forbidden', `your role (${request.principal.user.role}) does not have the ${access} permission`)
    }
  })

  return routes
}

function credentialsOf(request: FastifyRequest): { sessionToken?: string; apiKey?: string } {
  const authorization = request.headers.authorization
  if (authorization?.startsWith('Bearer ')) return { apiKey: authorization.slice('Bearer '.length).trim() }
  const sessionToken = readCookie(request.headers.cookie, SESSION_COOKIE)
  return sessionToken ? { sessionToken } : {}
}

/** The principal of a request that passed access control; routes behind 'public' must not call it. */
export function principalOf(request: FastifyRequest): Principal {
  if (!request.principal) throw new AppError('unauthenticated', 'not signed in')
  return request.principal
}
