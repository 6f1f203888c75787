/**
 * The README's tour: seeds the demo (as `npm start` does) into a temporary SQLite file, serves
 * it, signs in as a demo risk manager in Debian's Chromium and saves a screenshot of each
 * page under docs/screenshots/tour-*.png. Run by hand when the UI changes:
 *
 *   npx tsx scripts/tour-screenshots.ts [--lang zh-CN|en]
 */
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { chromium, type Page } from 'playwright-core'
import { buildServer } from '../src/api/server.ts'
import { DEMO_DEFAULTS, seedDemo, todayUtc } from '../src/cli/commands/demo.ts'
import { loadConfig } from '../src/config.ts'
import { migrateToLatest } from '../src/store/migrate.ts'
import { openStore } from '../src/store/open-store.ts'
import { updateUser } from '../src/services/users/update-user.ts'
import { buildWebIfStale } from './build-web-if-stale.ts'

const lang = process.argv.includes('--lang') ? process.argv[process.argv.indexOf('--lang') + 1]! : 'zh-CN'
const OUT = join(import.meta.dirname, '..', 'docs', 'screenshots')
const PASSWORD = 'Tour-password-2026'

await buildWebIfStale({ log: (line) => console.log(line), showOutput: false })
const folder = mkdtempSync(join(tmpdir(), 'fengkong-tour-'))
const store = await openStore(`sqlite:${join(folder, 'fengkong.db')}`)
await migrateToLatest(store)
await seedDemo({ store, actor: { kind: 'system' }, ...DEMO_DEFAULTS, asOf: todayUtc() })
const risk = await store.db.selectFrom('users').select('id').where('email', '=', 'risk@demo.fengkong').executeTakeFirstOrThrow()
await updateUser({ store, actor: { kind: 'system' }, userId: risk.id, changes: { password: PASSWORD } })
const app = await buildServer({ store, config: { ...loadConfig({}, {}), logLevel: 'silent' } })
const url = await app.listen({ port: 0, host: '127.0.0.1' })
const browser = await chromium.launch({ executablePath: loadConfig({}, process.env).chromiumPath, headless: true, args: ['--no-sandbox', '--disable-gpu'] })
try {
  const context = await browser.newContext({ locale: lang, timezoneId: 'Asia/Shanghai', viewport: { width: 1440, height: 900 }, reducedMotion: 'reduce' })
  const page = await context.newPage()
  mkdirSync(OUT, { recursive: true })
  const shot = async (name: string) => {
    await page.waitForLoadState('networkidle')
    await page.waitForTimeout(800) // charts draw after their data
    await page.screenshot({ path: join(OUT, `tour-${name}.png`), fullPage: true })
    console.log(`tour-${name}.png`)
  }
  await page.goto(`${url}/login`)
  await page.locator('input[type="email"], input#email, input[name="email"]').first().fill('risk@demo.fengkong')
  await page.locator('input[type="password"]').first().fill(PASSWORD)
  await page.keyboard.press('Enter')
  await page.waitForURL((u) => !u.pathname.startsWith('/login'))

  const visit = async (path: string, name: string, then?: (page: Page) => Promise<void>) => {
    await page.goto(`${url}${path}`)
    await then?.(page)
    await shot(name)
  }
  await visit('/portfolio', 'portfolio')
  await visit('/alerts?sort=severity', 'alerts')
  const firstCase = await store.db.selectFrom('cases').select('id').orderBy('severity_rank', 'desc').orderBy('opened_at').executeTakeFirst()
  if (firstCase) await visit(`/cases/${firstCase.id}`, 'case')
  await visit('/rules', 'rules')
  await visit('/policy', 'policy')
  await visit('/reviews', 'reviews')
  await visit('/handbook', 'handbook')
  const held = await store.db.selectFrom('alerts').select('customer_id').where('rule_key', '=', 'structuring').executeTakeFirst()
  if (held) {
    await visit(`/customers/${held.customer_id}/risk`, 'customer-risk')
    await visit(`/customers/${held.customer_id}/activity`, 'customer-activity')
  }
} finally {
  await browser.close()
  await app.close()
  await store.close()
  rmSync(folder, { recursive: true, force: true })
}
