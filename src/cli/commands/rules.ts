import { existsSync, readFileSync } from 'node:fs'
import type { Command } from 'commander'
import { featureConfigOf, loadConfig } from '../../config.ts'
import { readsAny, compileRule, type Ratio, type RuleDocument } from '../../domain/alerts/index.ts'
import { evaluateDefaultPackOnDemo, MIN_PRECISION, MIN_RECALL } from '../../demo/evaluate-default-pack.ts'
import { DB_OPTION_HELP, withStore } from '../with-store.ts'

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

  rules
    .command('backtest')
    .description('run a rule over the stored history of a range as live evaluation ran it: hits, customers affected, alerts per day, and recall and precision against the labelled cases in the range (docs/rules.md, "Backtest")')
    .argument('<rule>', 'a rule document (a JSON file: one document or a list), or the key of a stored rule (its active version, else its newest)')
    .requiredOption('--from <date>', 'the first day, YYYY-MM-DD (UTC)')
    .requiredOption('--to <date>', 'the end, YYYY-MM-DD (UTC, exclusive)')
    .option('--db <url>', DB_OPTION_HELP)
    .option('--json', 'print the result as JSON')
    .action(async (rule: string, options: { from: string; to: string; db?: string; json?: boolean }) => {
      const { backtestRules } = await import('../../services/rules/backtest-rules.ts')
      const from = dayOption('--from', options.from)
      const to = dayOption('--to', options.to)
      const inputs = existsSync(rule) ? documentsIn(rule).map((document) => ({ document })) : [{ key: rule }]
      const started = performance.now()
      const result = await withStore(options.db, (store) => backtestRules({ store, rules: inputs, from, to, config: featureConfigOf(loadConfig({ databaseUrl: options.db })) }))
      if (options.json) {
        console.log(JSON.stringify(result, null, 2))
        return
      }
      const names = result.rules.map((r) => `${r.key} v${r.version} (${r.state}, ${r.scope})`).join(', ')
      console.log(`backtest of ${names} from ${options.from} to ${options.to}: ${result.transactions.toLocaleString('en')} transactions, ${((performance.now() - started) / 1000).toFixed(1)} s`)
      console.log(`  hits ${result.hits}  alerts ${result.alerts.length}  suppressed ${result.suppressed}  customers affected ${result.customersAffected}`)
      for (const r of result.byRule) console.log(`  ${r.ruleKey.padEnd(24)} ${String(r.alerts).padStart(5)} alerts  ${String(r.customers).padStart(4)} customers`)
      const busiest = [...result.perDay].sort((a, b) => b.alerts - a.alerts || a.day.localeCompare(b.day)).filter((d) => d.alerts > 0).slice(0, 5)
      if (busiest.length > 0) console.log(`  busiest days: ${busiest.map((d) => `${d.day} (${d.alerts})`).join(', ')}`)
      const truth = result.groundTruth
      if (truth === null) console.log('  no labelled cases in the range: no recall or precision')
      else console.log(`  against ${truth.cases} labelled cases: recall ${show(truth.recall)}  precision ${show(truth.precision)}  (every alert counted: ${show(truth.precisionAll)})`)
    })

  rules
    .command('run-daily')
    .description('evaluate the active and shadow daily rules for every customer as of the end of a UTC day and raise their alerts (what fengkong serve does shortly after each midnight); running a day again raises nothing twice')
    .requiredOption('--date <date>', 'the day, YYYY-MM-DD (UTC)')
    .option('--db <url>', DB_OPTION_HELP)
    .action(async (options: { date: string; db?: string }) => {
      dayOption('--date', options.date)
      const { runDailyRules } = await import('../../services/alerts/run-daily-rules.ts')
      const { openMonitoring } = await import('../../engine/monitoring.ts')
      const config = featureConfigOf(loadConfig({ databaseUrl: options.db }))
      await withStore(options.db, async (store) => {
        // The engine (every customer's features) is opened only when a daily rule reads f.*.
        const rows = await store.db.selectFrom('rules').select('document').where('state', 'in', ['active', 'shadow']).execute()
        const daily = rows.map((row) => compileRule(JSON.parse(row.document) as RuleDocument)).filter((r) => r.document.scope === 'daily')
        const monitoring = readsAny(daily, 'f.') ? await openMonitoring(store, { config }) : null
        try {
          const features = monitoring
            ? async (customerId: string, asOf: number) => {
                const f = await monitoring.engine.features(customerId, asOf)
                return f.totalCount === 0 ? null : f
              }
            : undefined
          const run = await runDailyRules({ store, date: options.date, config, features })
          const raised = run.alerts.filter((a) => !a.shadow).length
          console.log(`daily rules for ${run.date}: ${run.rules} rules over ${run.customers} customers, ${run.hits} hits, ${raised} alerts raised, ${run.alerts.length - raised} shadow`)
        } finally {
          await monitoring?.close()
        }
      })
    })
}

function dayOption(name: string, value: string): number {
  const at = Date.parse(`${value}T00:00:00.000Z`)
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value) || Number.isNaN(at)) throw new Error(`${name} must be a date, YYYY-MM-DD, got ${value}`)
  return at
}

function documentsIn(path: string): RuleDocument[] {
  let parsed: unknown
  try {
    parsed = JSON.parse(readFileSync(path, 'utf8'))
  } catch (error) {
    throw new Error(`${path} is not JSON: ${(error as Error).message}`)
  }
  return (Array.isArray(parsed) ? parsed : [parsed]) as RuleDocument[]
}

function show(ratio: Ratio): string {
  return ratio.value === null ? 'n/a' : `${(ratio.value * 100).toFixed(1)}% (${ratio.hits}/${ratio.total})`
}
