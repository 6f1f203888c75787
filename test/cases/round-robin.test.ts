import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { setCaseQueue } from '../../src/services/alerts/set-case-queue.ts'
import { createTeam } from '../../src/services/teams/create-team.ts'
import { createUser } from '../../src/services/users/create-user.ts'
import { openStore, type Store } from '../../src/store/open-store.ts'
import { listAuditEntries } from '../../src/store/repositories/audit-ledger.ts'
import { DIALECTS, openTestStore, type TestStore } from '../helpers/dialects.ts'
import { insertRule, newCustomer, raise } from './helpers.ts'

describe.each(DIALECTS)('%s: round-robin case assignment', (dialect) => {
  const dir = mkdtempSync(join(tmpdir(), 'fk-rr-'))
  let first: TestStore
  let again: Store | null = null
  afterAll(async () => {
    await again?.close()
    await first.drop()
    rmSync(dir, { recursive: true, force: true })
  })

  it('deals new cases to the team’s active case workers in turn, and carries on where it stopped after a restart', async () => {
    first = await openTestStore(dialect, { sqlitePath: join(dir, 'store.db') })
    const team = await createTeam({ store: first, actor: { kind: 'system' }, input: { name: '反洗钱组' } })
    const other = await createTeam({ store: first, actor: { kind: 'system' }, input: { name: '其他组' } })
    const member = (email: string, role: 'analyst' | 'viewer' | 'risk_manager', teamId: string) => createUser({ store: first, actor: { kind: 'system' }, input: { email, password: 'Secret123!', role, teamId } })
    const workers = [await member('a@rr.test', 'analyst', team.id), await member('b@rr.test', 'analyst', team.id), await member('c@rr.test', 'risk_manager', team.id)]
    await member('viewer@rr.test', 'viewer', team.id) // cannot work cases: never dealt one
    await member('elsewhere@rr.test', 'analyst', other.id) // another team
    const order = workers.map((w) => w.id).sort()
    await setCaseQueue({ store: first, actor: { kind: 'system' }, severity: '*', teamId: team.id })
    const ruleId = await insertRule(first)
    const customers = [] as string[]
    for (let i = 0; i < 6; i += 1) customers.push(await newCustomer(first, `轮询测试${i}有限公司`))

    const owners: (string | null)[] = []
    for (const customerId of customers.slice(0, 4)) {
      const alert = await raise(first, { ruleId, customerId, severity: 'medium' })
      const kase = await first.db.selectFrom('cases').selectAll().where('id', '=', alert.caseId!).executeTakeFirstOrThrow()
      expect([kase.status, kase.team_id, alert.status]).toEqual(['assigned', team.id, 'assigned'])
      owners.push(kase.owner_id)
    }
    // The restart: a new store on the same database; nothing is remembered in memory.
    await first.close()
    again = await openStore(first.url)
    for (const customerId of customers.slice(4)) {
      const alert = await raise(again, { ruleId, customerId, severity: 'medium' })
      owners.push((await again.db.selectFrom('cases').select('owner_id').where('id', '=', alert.caseId!).executeTakeFirstOrThrow()).owner_id)
    }
    expect(owners).toEqual([order[0], order[1], order[2], order[0], order[1], order[2]])

    const kase = await again.db.selectFrom('cases').select('id').where('customer_id', '=', customers[0]!).executeTakeFirstOrThrow()
    const audited = await listAuditEntries(again.db, { entity: 'case', entityId: kase.id, limit: 10, order: 'asc' })
    expect(audited.map((e) => e.action).filter((a) => a.startsWith('case.'))).toEqual(['case.opened', 'case.assigned'])
    expect(audited[1]!.after).toMatchObject({ status: 'assigned', ownerId: order[0], viaQueue: true })
    const inbox = await again.db.selectFrom('notifications').select(['user_id', 'kind', 'case_id']).where('case_id', '=', kase.id).execute()
    expect(inbox).toEqual([{ user_id: order[0], kind: 'case.assigned', case_id: kase.id }])
  })
})
