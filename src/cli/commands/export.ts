import { once } from 'node:events'
import { createWriteStream } from 'node:fs'
import { extname } from 'node:path'
import { Argument, type Command } from 'commander'
import { IMPORT_FORMATS, IMPORT_TARGETS, type ImportFormat, type ImportTarget } from '../../schemas/import-job.ts'
import { exportRecords } from '../../services/exports/export-records.ts'
import { DB_OPTION_HELP, withStore } from '../with-store.ts'

type ExportOptions = { format?: string; out?: string; bom?: boolean; db?: string }

export function exportCommand(program: Command): void {
  program
    .command('export')
    .description('write every customer (or contact, statement, bureau record) as CSV or NDJSON, in the columns `fengkong import` reads')
    .addArgument(new Argument('<target>', 'what to export').choices(IMPORT_TARGETS))
    .option('--format <format>', `${IMPORT_FORMATS.join(' or ')} (default: from --out's extension, else csv)`)
    .option('--out <file>', 'write to this file (default: standard output)')
    .option('--bom', 'start a CSV with a UTF-8 byte-order mark, which Excel needs for Chinese text (default: on with --out)')
    .option('--no-bom', 'leave the byte-order mark out')
    .option('--db <url>', DB_OPTION_HELP)
    .action(async (target: ImportTarget, options: ExportOptions) => {
      const format = formatOf(options)
      const out = options.out ? createWriteStream(options.out) : process.stdout
      await withStore(options.db, async (store) => {
        for await (const chunk of exportRecords({ store, target, format, bom: options.bom ?? Boolean(options.out) })) {
          if (!out.write(chunk)) await once(out, 'drain')
        }
      })
      if (out !== process.stdout) {
        out.end()
        await once(out, 'finish')
      }
    })
}

function formatOf(options: ExportOptions): ImportFormat {
  const given = options.format ?? (options.out && ['.ndjson', '.jsonl'].includes(extname(options.out).toLowerCase()) ? 'ndjson' : 'csv')
  if (!(IMPORT_FORMATS as readonly string[]).includes(given)) throw new Error(`--format must be ${IMPORT_FORMATS.join(' or ')}, got "${given}"`)
  return given as ImportFormat
}
