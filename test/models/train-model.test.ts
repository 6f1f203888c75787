import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { trainModel } from '../../src/services/models/train-model.ts'
import type { TrainFromCsvProgress } from '../../src/services/models/train-from-csv.ts'
import { DIALECTS, openTestStore, type TestStore } from '../helpers/dialects.ts'
import { syntheticTrainingCsv } from './fixtures.ts'

describe.each(DIALECTS)('%s: training a model', (dialect) => {
  let store: TestStore
  beforeAll(async () => {
    store = await openTestStore(dialect)
  })
  afterAll(() => store.drop())

  it('reports every phase in order and trains in a worker thread, leaving the event loop free', async () => {
    const csv = Buffer.from(syntheticTrainingCsv(40_000, 3))
    const progress: (TrainFromCsvProgress & { at: number })[] = []
    // A timer every 5 ms: training on the event loop would hold it up from parsing to validating.
    const ticks: number[] = []
    const timer = setInterval(() => ticks.push(performance.now()), 5)
    try {
      const model = await trainModel({
        store,
        actor: { kind: 'cli', name: 'tester' },
        name: 'large',
        csv,
        target: 'default',
        bad: 'yes',
        exclude: ['applicant'],
        onProgress: (p) => progress.push({ ...p, at: performance.now() }),
      })
      expect(model).toMatchObject({ name: 'large', version: 1, status: 'draft', trainedBy: 'cli:tester', rows: 40_000 })
    } finally {
      clearInterval(timer)
    }
    const phases = progress.map((p) => p.phase).filter((phase, k, all) => all[k - 1] !== phase)
    expect(phases).toEqual(['parse', 'bin', 'select', 'fit', 'validate', 'save'])
    expect(progress.filter((p) => p.phase === 'bin').at(-1)).toMatchObject({ done: 4, total: 4 })
    expect(progress.at(-1)).toMatchObject({ phase: 'save', done: 1, total: 1 })

    const from = progress.find((p) => p.phase === 'parse')!.at
    const to = progress.find((p) => p.phase === 'validate')!.at
    const during = ticks.filter((at) => at >= from && at <= to)
    const widestGap = Math.max(...[from, ...during, to].slice(1).map((at, k) => at - [from, ...during][k]!))
    expect(widestGap).toBeLessThan((to - from) / 2)
  })

  it('refuses a file in another encoding than UTF-8 before it trains', async () => {
    const gbk = Buffer.concat([Buffer.from('name,default\n'), Buffer.from([0xc4, 0xe3, 0xba, 0xc3]), Buffer.from(',yes\n')])
    await expect(trainModel({ store, actor: { kind: 'system' }, name: 'gbk', csv: gbk, target: 'default', bad: 'yes' })).rejects.toThrow(/not UTF-8/)
  })
})
