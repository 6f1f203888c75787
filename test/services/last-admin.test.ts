import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { createUser } from '../../src/services/users/create-user.ts'
import { updateUser } from '../../src/services/users/update-user.ts'
import { listUsers } from '../../src/store/repositories/users.ts'
import { DIALECTS, openTestStore, type TestStore } from '../helpers/dialects.ts'

describe.each(DIALECTS)('%s: the last active admin', (dialect) => {
  let store: TestStore
  beforeEach(async () => {
    store = await openTestStore(dialect)
  })
  afterEach(() => store.drop())

  it('survives two admins being removed at the same moment', async () => {
    const system = { kind: 'system' } as const
    for (let round = 0; round < 5; round += 1) {
      const [a, b] = await Promise.all(
        ['a', 'b'].map((name) => createUser({ store, actor: system, input: { email: `${name}${round}@x.io`, password: 'Secret123!', role: 'admin' } })),
      )
      const results = await Promise.allSettled([
        updateUser({ store, actor: system, userId: a!.id, changes: { active: false } }),
        updateUser({ store, actor: system, userId: b!.id, changes: { role: 'viewer' } }),
      ])
      expect(results.filter((r) => r.status === 'rejected')).toHaveLength(1)
      expect(await listUsers(store.db, { role: 'admin', active: true })).toHaveLength(1)
      // Start the next round with no users at all.
      await store.db.deleteFrom('users').execute()
    }
  })
})
