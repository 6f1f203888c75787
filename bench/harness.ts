import { performance } from 'node:perf_hooks'

/**
 * Benchmarks time work in this process and print each result as a ratio to a reference
 * run of comparable work in the same process (bare better-sqlite3 inserts, for instance),
 * so numbers stay meaningful across machines. Nothing here is asserted by `npm test`.
 */
export type Measurement = { name: string; items: number; seconds: number; perSecond: number }

export async function measure(name: string, items: number, work: () => Promise<void> | void): Promise<Measurement> {
  const started = performance.now()
  await work()
  const seconds = (performance.now() - started) / 1000
  return { name, items, seconds, perSecond: items / seconds }
}

export function report(title: string, reference: Measurement, others: Measurement[]): void {
  console.log(`\n${title}`)
  const rows = [reference, ...others].map((m) => ({
    run: m.name,
    items: m.items,
    seconds: m.seconds.toFixed(3),
    'items/s': Math.round(m.perSecond).toLocaleString('en'),
    'ratio to reference': m === reference ? '1.00 (reference)' : (m.perSecond / reference.perSecond).toFixed(2),
  }))
  console.table(rows)
}
