import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { createDailyRulesSchedule } from '../../src/services/alerts/daily-rules-schedule.ts'
import { DAILY_RULES_CHECKPOINT, type DailyRulesRun } from '../../src/services/alerts/run-daily-rules.ts'
import { openTestStore, type TestStore } from '../helpers/dialects.ts'

const DAY = 86_400_000
const JAN_10_NOON = Date.UTC(2026, 0, 10, 12)

describe('the daily rule schedule', () => {
  let store: TestStore
  let ran: string[]
  const run = async (date: string): Promise<DailyRulesRun> => {
    ran.push(date)
    const end = Date.parse(`${date}T00:00:00Z`) + DAY
    await store.db.deleteFrom('monitoring_checkpoints').where('name', '=', DAILY_RULES_CHECKPOINT).execute()
    await store.db.insertInto('monitoring_checkpoints').values({ name: DAILY_RULES_CHECKPOINT, through_seq: end, updated_at: 0 }).execute()
    return { date, rules: 0, customers: 0, hits: 0, alerts: [] }
  }
  beforeEach(async () => {
    store = await openTestStore('sqlite')
    ran = []
  })
  afterEach(() => store.drop())

  it('runs yesterday when it never ran, then only the days completed since, catching up at most a week', async () => {
    let now = JAN_10_NOON
    const schedule = createDailyRulesSchedule({ store, run, now: () => now })
    expect((await schedule.runDue()).map((r) => r.date)).toEqual(['2026-01-09'])
    expect(await schedule.runDue()).toEqual([])
    now += 3 * DAY
    await schedule.runDue()
    expect(ran).toEqual(['2026-01-09', '2026-01-10', '2026-01-11', '2026-01-12'])
    now += 30 * DAY
    expect((await schedule.runDue()).map((r) => r.date)).toEqual(['2026-02-05', '2026-02-06', '2026-02-07', '2026-02-08', '2026-02-09', '2026-02-10', '2026-02-11'])
  })

  it('sets its timer for just after the next UTC midnight, and runs the day that ended when it fires', async () => {
    const timers: { callback: () => void; ms: number }[] = []
    let now = JAN_10_NOON
    const schedule = createDailyRulesSchedule({ store, run, now: () => now, delayMs: 60_000, setTimer: (callback, ms) => timers.push({ callback, ms }), clearTimer: () => {} })
    schedule.start()
    await new Promise((resolve) => setTimeout(resolve, 50))
    expect(ran).toEqual([]) // a store that never ran waits for midnight
    expect(timers).toHaveLength(1)
    expect(timers[0]!.ms).toBe(12 * 3_600_000 + 60_000)
    now = Date.UTC(2026, 0, 11, 0, 1)
    timers[0]!.callback()
    await new Promise((resolve) => setTimeout(resolve, 50))
    expect(ran).toEqual(['2026-01-10'])
    expect(timers).toHaveLength(2)
    await schedule.stop()
  })
})
