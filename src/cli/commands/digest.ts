import { writeFile } from 'node:fs/promises'
import { extname } from 'node:path'
import type { Command } from 'commander'
import { loadConfig, featureConfigOf } from '../../config.ts'
import { DIGEST_LANGUAGES, isDigestLanguage, renderDigestHtml, renderHandbookHtml, type DigestLanguage } from '../../domain/digest/index.ts'
import { buildRiskHandbook } from '../../services/digest/build-handbook.ts'
import { buildWeeklyDigest } from '../../services/digest/build-weekly-digest.ts'
import { renderPdf } from '../../services/digest/render-pdf.ts'
import { DB_OPTION_HELP, withStore } from '../with-store.ts'

type PageOptions = { lang: string; out?: string; db?: string }

const OUT_HELP = 'write to this file: .html, .pdf or .json by its extension (default: HTML on standard output)'

export function digestCommand(program: Command): void {
  program
    .command('digest')
    .description('write the weekly risk digest (new alerts, cases, grade changes, the portfolio at the week’s end) as HTML, PDF or JSON')
    .option('--week <YYYY-Www>', 'the ISO week (default: the last full week)')
    .option('--lang <lang>', `${DIGEST_LANGUAGES.join(' or ')}`, 'zh-CN')
    .option('--out <file>', OUT_HELP)
    .option('--db <url>', DB_OPTION_HELP)
    .action(async (options: PageOptions & { week?: string }) => {
      const language = languageOf(options.lang)
      checkOut(options.out)
      const fx = featureConfigOf(loadConfig({ databaseUrl: options.db }))
      const digest = await withStore(options.db, (store) => buildWeeklyDigest({ store, week: options.week, fx }))
      await writePage({ out: options.out, json: digest, html: () => renderDigestHtml(digest, language) })
    })
}

export function handbookCommand(program: Command): void {
  program
    .command('handbook')
    .description('write the risk handbook (the active risk policy and the active rules’ playbooks) as HTML, PDF or JSON')
    .option('--lang <lang>', `${DIGEST_LANGUAGES.join(' or ')}`, 'zh-CN')
    .option('--out <file>', OUT_HELP)
    .option('--db <url>', DB_OPTION_HELP)
    .action(async (options: PageOptions) => {
      const language = languageOf(options.lang)
      checkOut(options.out)
      const handbook = await withStore(options.db, (store) => buildRiskHandbook({ store }))
      await writePage({ out: options.out, json: handbook, html: () => renderHandbookHtml(handbook, language) })
    })
}

function languageOf(lang: string): DigestLanguage {
  if (!isDigestLanguage(lang)) throw new Error(`--lang must be ${DIGEST_LANGUAGES.join(' or ')}, got "${lang}"`)
  return lang
}

const OUT_EXTENSIONS = ['.html', '.htm', '.pdf', '.json']

/** Refuses an --out the command cannot write before any work is done. */
function checkOut(out: string | undefined): void {
  if (out !== undefined && !OUT_EXTENSIONS.includes(extname(out).toLowerCase())) throw new Error(`--out must end in .html, .pdf or .json, got "${out}"`)
}

async function writePage({ out, json, html }: { out: string | undefined; json: unknown; html: () => string }): Promise<void> {
  if (out === undefined) {
    process.stdout.write(html())
    return
  }
  const extension = extname(out).toLowerCase()
  if (extension === '.pdf') await writeFile(out, await renderPdf({ html: html(), executablePath: loadConfig().chromiumPath }))
  else if (extension === '.json') await writeFile(out, `${JSON.stringify(json, null, 2)}\n`)
  else await writeFile(out, html())
  console.log(`wrote ${out}`)
}
