import type { InjectOptions, LightMyRequestResponse } from 'fastify'
import { buildServer, type BuildServerOptions, type FengkongServer } from '../../src/api/server.ts'
import { loadConfig, type Config } from '../../src/config.ts'
import type { LoginThrottle } from '../../src/domain/identity/index.ts'
import type { Role } from '../../src/domain/identity/index.ts'
import { createUser } from '../../src/services/users/create-user.ts'
import type { User } from '../../src/store/repositories/users.ts'
import { openTestStore, type Dialect, type TestStore } from './dialects.ts'

export const PASSWORD = 'Secret123!'

export type TestApp = {
  app: FengkongServer
  store: TestStore
  config: Config
  /** One signed-in user per role, with the session cookie to send. */
  users: Record<Role, { user: User; cookie: string }>
  close(): Promise<void>
}

/** A server on a fresh store of the dialect, with one signed-in user of each role. */
export async function startTestApp(dialect: Dialect, options: { config?: Partial<Config>; throttle?: LoginThrottle; webhooks?: BuildServerOptions['webhooks']; email?: BuildServerOptions['email'] } = {}): Promise<TestApp> {
  const store = await openTestStore(dialect)
  const config: Config = { ...loadConfig({}, {}), logLevel: 'silent', ...options.config }
  const app = await buildServer({ store, config, throttle: options.throttle, webhooks: options.webhooks, email: options.email })
  const users = {} as TestApp['users']
  for (const role of ['admin', 'risk_manager', 'analyst', 'viewer'] as const) {
    const user = await createUser({ store, actor: { kind: 'system' }, input: { email: `${role}@test.fengkong`, password: PASSWORD, role } })
    users[role] = { user, cookie: await logInCookie(app, user.email) }
  }
  return {
    app,
    store,
    config,
    users,
    async close() {
      await app.close()
      await store.drop()
    },
  }
}

export async function logInCookie(app: FengkongServer, email: string, password = PASSWORD): Promise<string> {
  const response = await app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email, password } })
  if (response.statusCode !== 200) throw new Error(`login of ${email} failed: ${response.statusCode} ${response.body}`)
  const setCookie = [response.headers['set-cookie']].flat()[0]!
  return setCookie.split(';')[0]!
}

/** inject() as a signed-in user of the role. */
export function as(test: TestApp, role: Role, options: InjectOptions): Promise<LightMyRequestResponse> {
  return test.app.inject({ ...options, headers: { ...options.headers, cookie: test.users[role].cookie } })
}
