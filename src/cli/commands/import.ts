import { createReadStream, existsSync, statSync, writeFileSync } from 'node:fs'
import { basename, extname } from 'node:path'
import { Argument, type Command } from 'commander'
import cliProgress from 'cli-progress'
import { stringify } from 'csv-stringify/sync'
import { IMPORT_ENCODINGS, IMPORT_FORMATS, IMPORT_SOURCES, IMPORT_TARGETS, type ImportEncoding, type ImportFormat, type ImportSource, type ImportTarget, type RowError } from '../../schemas/import-job.ts'
import { featureConfigOf, loadConfig } from '../../config.ts'
import { openMonitoring } from '../../engine/monitoring.ts'
import { runImport, type ImportProgress, type ImportResult } from '../../services/imports/run-import.ts'
import { ACTIVITY_KINDS, importActivity } from '../../services/monitoring/import-activity.ts'
import { cliActor, DB_OPTION_HELP, withStore } from '../with-store.ts'

type ImportOptions = { format?: string; encoding?: string; from?: string; atomic?: boolean; report?: string; batchSize?: string; db?: string }

const SHOWN_ERRORS = 10

export function importCommand(program: Command): void {
  program
    .command('import')
    .description('import customers or their contacts, statements or bureau records (docs/import-export.md), or transactions, invoices or payments into the monitoring engine (docs/monitoring.md), from a CSV or NDJSON file')
    .addArgument(new Argument('<target>', 'what the file holds').choices([...IMPORT_TARGETS, ...ACTIVITY_KINDS]))
    .argument('<file>', 'the file; - reads standard input (then give --format)')
    .option('--format <format>', `${IMPORT_FORMATS.join(' or ')} (default: from the file extension)`)
    .option('--encoding <encoding>', `${IMPORT_ENCODINGS.join(' or ')}; gbk for CSV saved by Excel in Chinese (default: utf-8, with or without BOM)`)
    .option('--from <system>', `the file is another system's export to map: ${IMPORT_SOURCES.join(', ')} (Accounts → customers, Contacts → contacts)`)
    .option('--atomic', 'refuse the whole file, writing nothing, if any row is bad')
    .option('--report <file>', 'write every error to this CSV file (line,field,message)')
    .option('--batch-size <rows>', 'rows per transaction (default 5000)')
    .option('--db <url>', DB_OPTION_HELP)
    .action(async (target: ImportTarget | (typeof ACTIVITY_KINDS)[number], file: string, options: ImportOptions) => {
      const isActivity = (ACTIVITY_KINDS as readonly string[]).includes(target)
      const format = formatOf(file, options.format)
      const encoding = encodingOf(options.encoding)
      const from = sourceOf(options.from)
      const batchSize = Number(options.batchSize ?? 5000)
      if (!Number.isInteger(batchSize) || batchSize < 1) throw new Error(`--batch-size must be a whole number above 0, got "${options.batchSize}"`)
      if (file !== '-' && !existsSync(file)) throw new Error(`no file ${file}`)
      const size = file === '-' ? null : statSync(file).size
      if (isActivity && from) throw new Error(`--from maps customers and contacts, not ${target}`)
      if (isActivity && options.atomic && file === '-') throw new Error('--atomic reads the file twice (check, then write): give a file, not standard input')
      const open = () => (file === '-' ? process.stdin : createReadStream(file, { highWaterMark: 1024 * 1024 }))
      const progress = progressReporter(size)
      const started = performance.now()
      const result = await withStore(options.db, async (store) => {
        if (!isActivity) return runImport({ store, actor: cliActor(), target: target as ImportTarget, input: open(), format, encoding, from, atomic: options.atomic ?? false, batchSize, onProgress: progress.update })
        const monitoring = await openMonitoring(store, { config: featureConfigOf(loadConfig()) })
        try {
          return await importActivity({ store, monitoring, actor: cliActor(), kind: target as (typeof ACTIVITY_KINDS)[number], open, format, encoding, atomic: options.atomic ?? false, batchSize, onProgress: progress.update })
        } finally {
          await monitoring.close()
        }
      }).finally(() => progress.stop())
      if (options.report) writeFileSync(options.report, stringify([['line', 'field', 'message'], ...result.errors.map((e) => [e.line, e.field, e.message])]))
      printSummary(target, file === '-' ? 'standard input' : basename(file), result, (performance.now() - started) / 1000, options.report)
      if (result.failed > 0 || result.fileError) process.exitCode = 1
    })
}

function formatOf(file: string, given: string | undefined): ImportFormat {
  if (given !== undefined) {
    if (!(IMPORT_FORMATS as readonly string[]).includes(given)) throw new Error(`--format must be ${IMPORT_FORMATS.join(' or ')}, got "${given}"`)
    return given as ImportFormat
  }
  const extension = extname(file).toLowerCase()
  if (extension === '.csv' || extension === '.txt') return 'csv'
  if (extension === '.ndjson' || extension === '.jsonl') return 'ndjson'
  throw new Error(`cannot tell the format of ${file === '-' ? 'standard input' : file} from its name: give --format ${IMPORT_FORMATS.join(' or ')}`)
}

const ENCODING_ALIASES: Record<string, ImportEncoding> = { 'utf-8': 'utf-8', utf8: 'utf-8', gbk: 'gbk', gb2312: 'gbk', gb18030: 'gbk', cp936: 'gbk' }

function encodingOf(given: string | undefined): ImportEncoding {
  if (given === undefined) return 'utf-8'
  const encoding = ENCODING_ALIASES[given.toLowerCase()]
  if (!encoding) throw new Error(`--encoding must be ${IMPORT_ENCODINGS.join(' or ')}, got "${given}"`)
  return encoding
}

function sourceOf(given: string | undefined): ImportSource | null {
  if (given === undefined) return null
  if (!(IMPORT_SOURCES as readonly string[]).includes(given)) throw new Error(`--from must be ${IMPORT_SOURCES.join(', ')}, got "${given}"`)
  return given as ImportSource
}

/** A bar on stderr when a person watches (a TTY), else a line every few seconds. */
function progressReporter(size: number | null): { update(progress: ImportProgress): void; stop(): void } {
  if (process.stderr.isTTY) {
    const bar = new cliProgress.SingleBar(
      { format: 'importing [{bar}] {percentage}% | {rows} rows | {eta_formatted} left', stream: process.stderr, hideCursor: true, etaBuffer: 20 },
      cliProgress.Presets.shades_classic,
    )
    bar.start(size ?? 0, 0, { rows: 0 })
    return { update: (p) => bar.update(size === null ? 0 : Math.min(p.bytes, size), { rows: p.read.toLocaleString('en') }), stop: () => bar.stop() }
  }
  let last = Date.now()
  return {
    update(p) {
      if (Date.now() - last < 3000) return
      last = Date.now()
      const share = size ? ` (${Math.round((100 * p.bytes) / size)}% of the file)` : ''
      process.stderr.write(`importing: ${p.read.toLocaleString('en')} rows read${share}, ${p.inserted} inserted, ${p.updated} updated, ${p.failed} failed\n`)
    },
    stop() {},
  }
}

function printSummary(target: string, name: string, result: ImportResult, seconds: number, report: string | undefined): void {
  const n = (value: number) => value.toLocaleString('en')
  const rate = seconds > 0 ? `, ${n(Math.round(result.read / seconds))} rows/s` : ''
  console.log(`${target} from ${name}: read ${n(result.read)} ${result.read === 1 ? 'row' : 'rows'} in ${seconds.toFixed(1)} s${rate}`)
  console.log(`  inserted ${n(result.inserted)}, updated ${n(result.updated)}, unchanged ${n(result.unchanged)}, failed ${n(result.failed)}`)
  if (result.errors.length > 0) {
    console.log(result.errors.length > SHOWN_ERRORS ? `first ${SHOWN_ERRORS} of ${n(result.errors.length)} errors:` : 'errors:')
    for (const error of result.errors.slice(0, SHOWN_ERRORS)) console.log(`  ${describe(error)}`)
  }
  const more = report ? `all errors are in ${report}` : result.errors.length > SHOWN_ERRORS ? 'write them all with --report FILE' : ''
  if (result.refused) console.error(`error: ${n(result.failed)} rows are bad, so nothing was imported (--atomic)${more ? `; ${more}` : ''}`)
  else if (result.fileError) console.error(`error: the file could not be read to the end (${result.fileError}); rows before that line were imported`)
  else if (result.failed > 0) console.error(`error: ${n(result.failed)} rows failed; the other ${n(result.read - result.failed)} landed${more ? `; ${more}` : ''}`)
}

function describe(error: RowError): string {
  return `line ${error.line}${error.field ? ` ${error.field}` : ''}: ${error.message}`
}
