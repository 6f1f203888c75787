import { createHash } from 'node:crypto'
import { once } from 'node:events'
import { createReadStream, createWriteStream, existsSync, readFileSync, writeFileSync } from 'node:fs'
import type { Writable } from 'node:stream'
import type { Command } from 'commander'
import { parse } from 'csv-parse'
import {
  createColumnBuilder,
  DEFAULT_BINNING_OPTIONS,
  DEFAULT_ENTRY_SIGNIFICANCE,
  DEFAULT_HOLDOUT_FRACTION,
  DEFAULT_IV_THRESHOLD,
  DEFAULT_L2,
  DEFAULT_POINTS_SCALING,
  evaluateScorecard,
  holdoutFromColumn,
  parseScorecardModel,
  REASON_CODES,
  scoreRows,
  trainScorecard,
  type CategoricalColumn,
  type Column,
  type ColumnKind,
  type HoldoutOption,
  type ScorecardModel,
} from '../../domain/scoring/scorecard/index.ts'
import { printScorecard } from '../scorecard-report.ts'

/**
 * `fengkong model train | evaluate | score`: credit scorecards from CSV files (docs/scorecards.md).
 * This file reads the CSV and writes the results; the method lives in src/domain/scoring/scorecard.
 */
type TrainOptions = {
  data: string
  target: string
  bad: string
  out: string
  holdout: string
  seed: string
  splitColumn?: string
  ivThreshold: string
  entrySignificance: string
  l2: string
  basePoints: string
  baseOdds: string
  pdo: string
  prebins: string
  maxBins: string
  minBinShare: string
  minCategoryShare: string
  categorical?: string
  exclude?: string
}

export function modelCommand(program: Command): void {
  const model = program.command('model').description('train, evaluate and apply credit scorecards (docs/scorecards.md)')

  model
    .command('train')
    .description('bin, select by IV, fit a WOE logistic regression, scale to points and validate; writes the model as JSON')
    .requiredOption('--data <file>', 'training data: a CSV file with a header line')
    .requiredOption('--target <column>', 'the column holding the outcome')
    .requiredOption('--bad <value>', 'the outcome value that means bad (every other value is good)')
    .option('--out <file>', 'where to write the model', 'model.json')
    .option('--holdout <fraction>', 'share of rows held out to validate on (stratified, seeded); 0 validates on nothing', String(DEFAULT_HOLDOUT_FRACTION))
    .option('--seed <n>', 'seed of the holdout draw', '1')
    .option('--split-column <column>', 'take the split from this column instead of --holdout: train/training rows train, test/holdout/validation/valid rows validate')
    .option('--iv-threshold <iv>', 'keep features with at least this information value', String(DEFAULT_IV_THRESHOLD))
    .option('--entry-significance <p>', 'a feature below the IV threshold still enters when the score test gives p below this; 0 turns it off', String(DEFAULT_ENTRY_SIGNIFICANCE))
    .option('--l2 <lambda>', 'L2 penalty on the coefficients (the intercept is not penalised)', String(DEFAULT_L2))
    .option('--base-points <points>', 'the score at the base odds', String(DEFAULT_POINTS_SCALING.basePoints))
    .option('--base-odds <odds>', 'good:bad odds at the base points', String(DEFAULT_POINTS_SCALING.baseOdds))
    .option('--pdo <points>', 'points to double the odds', String(DEFAULT_POINTS_SCALING.pdo))
    .option('--prebins <n>', 'quantile pre-bins of a numeric feature', String(DEFAULT_BINNING_OPTIONS.prebins))
    .option('--max-bins <n>', 'most bins per feature (besides a missing bin)', String(DEFAULT_BINNING_OPTIONS.maxBins))
    .option('--min-bin-share <share>', 'smallest share of training rows in a numeric bin', String(DEFAULT_BINNING_OPTIONS.minBinShare))
    .option('--min-category-share <share>', 'categories rarer than this are grouped into "other"; smallest share of a categorical bin', String(DEFAULT_BINNING_OPTIONS.minCategoryShare))
    .option('--categorical <columns>', 'comma-separated columns to treat as categories even when they hold numbers')
    .option('--exclude <columns>', 'comma-separated columns that are not features (ids, dates, outcomes known only later)')
    .action(async (options: TrainOptions) => {
      const holdoutFraction = numberOption('--holdout', options.holdout, { min: 0, below: 1 })
      const seed = numberOption('--seed', options.seed, { integer: true })
      const categorical = new Set(listOption(options.categorical))
      const excluded = new Set(listOption(options.exclude))
      const special = [options.target, ...(options.splitColumn ? [options.splitColumn] : [])]
      const sha256 = await sha256Of(options.data)
      const table = await readCsvColumns(options.data, (header) => {
        for (const name of [...special, ...categorical, ...excluded]) if (!header.includes(name)) throw new Error(`${options.data} has no column "${name}" (it has ${header.join(', ')})`)
        return header.filter((name) => !excluded.has(name)).map((name) => ({ name, kind: special.includes(name) || categorical.has(name) ? 'categorical' : 'auto' }))
      })
      for (const column of table.skipped) console.error(`column ${column.name} left out: it ${column.reason}`)
      const bad = badOf(table.column(options.target), options.bad)
      let holdout: HoldoutOption = { kind: 'fraction', fraction: holdoutFraction, seed }
      if (options.splitColumn) holdout = { kind: 'column', column: options.splitColumn, isHoldout: holdoutFromColumn(categoricalColumn(table.column(options.splitColumn))) }
      const trained = trainScorecard({
        dataset: { rows: table.rows, columns: table.columns.filter((column) => !special.includes(column.name)) },
        bad,
        target: { column: options.target, bad: options.bad },
        holdout,
        binning: {
          prebins: numberOption('--prebins', options.prebins, { integer: true, min: 2, max: 250 }),
          maxBins: numberOption('--max-bins', options.maxBins, { integer: true, min: 2, max: 250 }),
          minBinShare: numberOption('--min-bin-share', options.minBinShare, { min: 0, below: 0.5 }),
          minCategoryShare: numberOption('--min-category-share', options.minCategoryShare, { min: 0, below: 1 }),
        },
        ivThreshold: numberOption('--iv-threshold', options.ivThreshold, { min: 0 }),
        entrySignificance: numberOption('--entry-significance', options.entrySignificance, { min: 0, below: 1 }),
        l2: numberOption('--l2', options.l2, { min: 0 }),
        scaling: {
          basePoints: numberOption('--base-points', options.basePoints, {}),
          baseOdds: numberOption('--base-odds', options.baseOdds, { above: 0 }),
          pdo: numberOption('--pdo', options.pdo, { above: 0 }),
        },
        dataSha256: sha256,
        trainedAt: new Date().toISOString(),
      })
      writeFileSync(options.out, `${JSON.stringify(trained, null, 2)}\n`)
      printScorecard(trained, (line) => console.log(line))
      console.log(`\nmodel written to ${options.out}`)
    })

  model
    .command('evaluate')
    .description('AUC, Gini, KS and PSI (against the training scores) of a model on data with known outcomes')
    .requiredOption('--model <file>', 'a model written by `fengkong model train`')
    .requiredOption('--data <file>', 'a CSV file with the model\'s features and the outcome')
    .option('--target <column>', 'the column holding the outcome (default: the model\'s)')
    .option('--bad <value>', 'the outcome value that means bad (default: the model\'s)')
    .option('--json', 'print one JSON object {"auc","gini","ks","psi","rows"} and nothing else on standard output')
    .action(async (options: { model: string; data: string; target?: string; bad?: string; json?: boolean }) => {
      const scorecard = loadModel(options.model)
      const target = options.target ?? scorecard.target.column
      const table = await readCsvColumns(options.data, (header) => [...featurePlan(scorecard, header, options.data), { name: requireColumn(header, target, options.data), kind: 'categorical' }])
      const evaluation = evaluateScorecard(scorecard, table.dataset(), badOf(table.column(target), options.bad ?? scorecard.target.bad))
      if (options.json) {
        console.log(JSON.stringify({ auc: evaluation.auc, gini: evaluation.gini, ks: evaluation.ks, psi: evaluation.psi, rows: evaluation.rows }))
        return
      }
      console.log(`rows ${evaluation.rows}\nAUC  ${evaluation.auc.toFixed(4)}\nGini ${evaluation.gini.toFixed(4)}\nKS   ${evaluation.ks.toFixed(4)}\nPSI  ${evaluation.psi.toFixed(4)} (against the training scores; < 0.1 stable, > 0.25 a major shift)`)
    })

  model
    .command('score')
    .description('write each row\'s score, PD and top three reason codes as CSV')
    .requiredOption('--model <file>', 'a model written by `fengkong model train`')
    .requiredOption('--data <file>', 'a CSV file with the model\'s features')
    .option('--out <file>', 'write to this file (default: standard output)')
    .option('--id <column>', 'copy this column into the output first, to tell the rows apart (default: the row number)')
    .action(async (options: { model: string; data: string; out?: string; id?: string }) => {
      const scorecard = loadModel(options.model)
      const table = await readCsvColumns(options.data, (header) => [
        ...featurePlan(scorecard, header, options.data),
        ...(options.id ? [{ name: requireColumn(header, options.id, options.data), kind: 'text' as const }] : []),
      ])
      const scored = scoreRows(scorecard, table.dataset())
      const ids = options.id ? table.text(options.id) : null
      const out = options.out ? createWriteStream(options.out) : process.stdout
      const reasonHeader = Array.from({ length: REASON_CODES }, (_, k) => [`reason_${k + 1}`, `reason_${k + 1}_points_lost`]).flat()
      await write(out, `${[csvCell(options.id ?? 'row'), 'score', 'pd', ...reasonHeader].join(',')}\n`)
      const names = scorecard.features.map((feature) => csvCell(feature.name))
      let chunk: string[] = []
      for (let i = 0; i < scored.rows; i += 1) {
        const cells = [ids ? csvCell(ids[i]!) : String(i + 1), scored.score[i]!.toFixed(2), String(Number(scored.pd[i]!.toPrecision(6)))]
        for (let k = 0; k < REASON_CODES; k += 1) {
          const f = scored.reasons[i * REASON_CODES + k]!
          cells.push(f < 0 ? '' : names[f]!, f < 0 ? '' : scored.pointsLost[i * REASON_CODES + k]!.toFixed(2))
        }
        chunk.push(cells.join(','))
        if (chunk.length === 10_000) {
          await write(out, `${chunk.join('\n')}\n`)
          chunk = []
        }
      }
      if (chunk.length > 0) await write(out, `${chunk.join('\n')}\n`)
      if (out !== process.stdout) {
        out.end()
        await once(out, 'finish')
        console.error(`scored ${scored.rows} rows into ${options.out}`)
      }
    })
}

type ColumnPlan = { name: string; kind: ColumnKind | 'text' }

type CsvTable = {
  rows: number
  columns: Column[]
  skipped: { name: string; reason: string }[]
  column(name: string): Column
  text(name: string): string[]
  dataset(): { rows: number; columns: Column[] }
}

/**
 * Streams a CSV file (UTF-8, with or without a byte-order mark, header line first) into typed
 * columns: `plan` sees the header and names the columns to keep and how to read them.
 */
async function readCsvColumns(file: string, plan: (header: string[]) => ColumnPlan[]): Promise<CsvTable> {
  if (!existsSync(file)) throw new Error(`no file ${file}`)
  const parser = createReadStream(file).pipe(parse({ bom: true, skip_empty_lines: true }))
  let builders: { at: number; builder: ReturnType<typeof createColumnBuilder> }[] = []
  const texts = new Map<string, { at: number; values: string[] }>()
  let rows = 0
  let width = 0
  for await (const record of parser as AsyncIterable<string[]>) {
    if (width === 0) {
      const header = record.map((name) => name.trim())
      const duplicate = header.find((name, k) => header.indexOf(name) !== k)
      if (duplicate !== undefined) throw new Error(`${file}: column "${duplicate}" appears twice in the header`)
      width = header.length
      for (const { name, kind } of plan(header)) {
        if (kind === 'text') texts.set(name, { at: header.indexOf(name), values: [] })
        else builders.push({ at: header.indexOf(name), builder: createColumnBuilder(name, kind) })
      }
      continue
    }
    for (const { at, builder } of builders) builder.push(record[at])
    for (const text of texts.values()) text.values.push(record[text.at] ?? '')
    rows += 1
  }
  if (width === 0) throw new Error(`${file} is empty: a CSV file needs a header line naming its columns`)
  const built = builders.map(({ builder }) => builder.build())
  builders = []
  const columns = built.filter((column): column is Column => column.kind !== 'skipped')
  return {
    rows,
    columns,
    skipped: built.filter((column) => column.kind === 'skipped'),
    column(name) {
      const column = built.find((c) => c.name === name)
      if (!column || column.kind === 'skipped') throw new Error(`column ${name} could not be read${column ? `: it ${column.reason}` : ''}`)
      return column
    },
    text: (name) => texts.get(name)?.values ?? [],
    dataset: () => ({ rows, columns }),
  }
}

/** The model's features, each read the way the model bins it. */
function featurePlan(model: ScorecardModel, header: string[], file: string): ColumnPlan[] {
  return model.features.map((feature) => ({ name: requireColumn(header, feature.name, file), kind: feature.type }))
}

function requireColumn(header: string[], name: string, file: string): string {
  if (!header.includes(name)) throw new Error(`${file} has no column "${name}", which the model needs`)
  return name
}

function categoricalColumn(column: Column): CategoricalColumn {
  if (column.kind !== 'categorical') throw new Error(`column ${column.name} must hold categories`)
  return column
}

/** 1 where the outcome is the bad value; every row needs an outcome. */
function badOf(column: Column, badValue: string): Uint8Array {
  const target = categoricalColumn(column)
  const badCode = target.levels.indexOf(badValue.trim())
  if (badCode < 0) throw new Error(`no row of ${target.name} is "${badValue}" (its values: ${target.levels.slice(0, 10).join(', ')}${target.levels.length > 10 ? ', …' : ''})`)
  if (target.levels.length < 2) throw new Error(`every row of ${target.name} is "${badValue}": a scorecard needs goods too`)
  return Uint8Array.from(target.codes, (code, row) => {
    if (code < 0) throw new Error(`row ${row + 1} has no ${target.name}`)
    return code === badCode ? 1 : 0
  })
}

function loadModel(file: string): ScorecardModel {
  if (!existsSync(file)) throw new Error(`no model file ${file}`)
  let json: unknown
  try {
    json = JSON.parse(readFileSync(file, 'utf8'))
  } catch (error) {
    throw new Error(`${file} is not JSON: ${(error as Error).message}`)
  }
  return parseScorecardModel(json)
}

async function sha256Of(file: string): Promise<string> {
  if (!existsSync(file)) throw new Error(`no file ${file}`)
  const hash = createHash('sha256')
  for await (const chunk of createReadStream(file)) hash.update(chunk as Buffer)
  return hash.digest('hex')
}

function numberOption(flag: string, text: string, rule: { integer?: boolean; min?: number; max?: number; above?: number; below?: number }): number {
  const value = Number(text)
  const ok =
    text.trim() !== '' &&
    Number.isFinite(value) &&
    (!rule.integer || Number.isInteger(value)) &&
    (rule.min === undefined || value >= rule.min) &&
    (rule.max === undefined || value <= rule.max) &&
    (rule.above === undefined || value > rule.above) &&
    (rule.below === undefined || value < rule.below)
  if (ok) return value
  const bounds = [
    rule.integer ? 'a whole number' : 'a number',
    rule.min !== undefined ? `at least ${rule.min}` : null,
    rule.above !== undefined ? `above ${rule.above}` : null,
    rule.max !== undefined ? `at most ${rule.max}` : null,
    rule.below !== undefined ? `below ${rule.below}` : null,
  ].filter(Boolean)
  throw new Error(`${flag} must be ${bounds.join(', ')}; got "${text}"`)
}

function listOption(text: string | undefined): string[] {
  return (text ?? '').split(',').map((name) => name.trim()).filter((name) => name !== '')
}

function csvCell(text: string): string {
  return /[",\r\n]/.test(text) || text !== text.trim() ? `"${text.replaceAll('"', '""')}"` : text
}

async function write(out: Writable, text: string): Promise<void> {
  if (!out.write(text)) await once(out, 'drain')
}
