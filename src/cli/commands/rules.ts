import type { Command } from 'commander'
import type { Ratio } from '../../domain/alerts/index.ts'
import { evaluateDefaultPackOnDemo, MIN_PRECISION, MIN_RECALL } from '../../demo/evaluate-default-pack.ts'

/**
 * `fengkong rules evaluate-demo`: the default rule pack measured on the demo's injected
 * patterns (issue #6 acceptance), in memory, no database. Exit 1 below the bar.
 */
export function rulesCommand(program: Command): void {
  const rules = program.command('rules').description('warning rules (docs/rules.md)')
  rules
    .command('evaluate-demo')
    .description(
      `run the default rule pack over a generated demo portfolio and a year of its activity (in memory) and compare the alerts with the injected patterns: recall and precision per pattern, per rule and in total. Exits 1 when recall < ${MIN_RECALL} or precision < ${MIN_PRECISION}`,
    )
    .option('--seed <n>', 'the demo seed', '1')
    .option('--customers <n>', 'customers in the demo portfolio', '200')
    .action((options: { seed: string; customers: string }) => {
      const seed = Number(options.seed)
      const customers = Number(options.customers)
      if (!Number.isInteger(seed)) throw new Error(`--seed must be a whole number, got ${options.seed}`)
      if (!(Number.isInteger(customers) && customers >= 2)) throw new Error(`--customers must be a whole number from 2, got ${options.customers}`)
      const started = performance.now()
      const result = evaluateDefaultPackOnDemo({ seed, customers })
      const { comparison } = result
      console.log(`default rule pack on demo seed ${seed}: ${customers} customers, ${result.transactions.toLocaleString('en')} transactions, ${result.alerts.length} alerts (${result.suppressed} suppressed hits), ${((performance.now() - started) / 1000).toFixed(1)} s`)
      console.log('\nper pattern (found when an alert of a rule aimed at it falls within its window + 7 days):')
      for (const p of comparison.byPattern) console.log(`  ${p.pattern.padEnd(24)} recall ${show(p.recall)}${p.missed.length > 0 ? `  missed: ${p.missed.join(', ')}` : ''}`)
      console.log('\nper rule (precision: alerts within the window of an injected pattern of that customer):')
      for (const r of comparison.byRule) console.log(`  ${r.ruleKey.padEnd(24)} ${String(r.alerts).padStart(4)} alerts  precision ${show(r.precision)}  cases found ${r.found}${r.judged ? '' : '  (not judged: the demo injects no such pattern)'}`)
      console.log(`\nrecall ${show(comparison.recall)}  precision ${show(comparison.precision)}  (every alert counted: ${show(comparison.precisionAll)})`)
      console.log(result.meetsAcceptance ? `meets the bar: recall ≥ ${MIN_RECALL}, precision ≥ ${MIN_PRECISION}` : `BELOW the bar: recall ≥ ${MIN_RECALL}, precision ≥ ${MIN_PRECISION}`)
      if (!result.meetsAcceptance) process.exitCode = 1
    })
}

function show(ratio: Ratio): string {
  return ratio.value === null ? 'n/a' : `${(ratio.value * 100).toFixed(1)}% (${ratio.hits}/${ratio.total})`
}
