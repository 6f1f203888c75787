import type { Role } from '../../domain/identity/index.ts'
import type { Store } from '../../store/open-store.ts'
import { findUserRowByEmail } from '../../store/repositories/users.ts'
import type { Actor } from '../actor.ts'
import { newSecretToken } from '../secret-token.ts'
import { ensureTeam } from '../teams/ensure-team.ts'
import { createUser } from '../users/create-user.ts'

export type DemoLogin = { email: string; password: string; role: Role; name: string }

const DEMO_USERS: { email: string; role: Role; name: string; team: string }[] = [
  { email: 'admin@demo.fengkong', role: 'admin', name: '系统管理员 Admin', team: '风险管理部 Risk Management' },
  { email: 'risk@demo.fengkong', role: 'risk_manager', name: '风险经理 Risk Manager', team: '风险管理部 Risk Management' },
  { email: 'analyst@demo.fengkong', role: 'analyst', name: '信用分析师 Analyst', team: '信用审批部 Credit' },
  { email: 'viewer@demo.fengkong', role: 'viewer', name: '销售观察员 Viewer', team: '销售部 Sales' },
]

/**
 * One demo user per role, each with a fresh random password returned once for printing:
 * no password is written into the code or the docs. Users that already exist are left alone.
 */
export async function createDemoUsers({ store, actor }: { store: Store; actor: Actor }): Promise<DemoLogin[]> {
  const logins: DemoLogin[] = []
  for (const demo of DEMO_USERS) {
    if (await findUserRowByEmail(store.db, demo.email)) continue
    const team = await ensureTeam({ store, actor, name: demo.team })
    const password = `Fk-${newSecretToken().slice(0, 12)}`
    await createUser({ store, actor, input: { email: demo.email, name: demo.name, password, role: demo.role, teamId: team.id } })
    logins.push({ email: demo.email, password, role: demo.role, name: demo.name })
  }
  return logins
}
