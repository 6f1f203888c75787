import { existsSync, mkdirSync, rmSync } from 'node:fs'
import { join } from 'node:path'
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { findCustomerById } from '../../src/store/repositories/customers.ts'
import { HUAWEI_REGISTRATION_ID, startWebApp, type WebApp } from './start-web-app.ts'

/**
 * The web UI in a real browser (Debian's Chromium, driven by playwright-core), against the
 * real server on a random port. One story, step by step, a full-page screenshot of every
 * page and tab under test-results/e2e/.
 */
const CHROMIUM = '/usr/bin/chromium'
const hasChromium = existsSync(CHROMIUM)
if (!hasChromium) console.warn(`\n[fengkong tests] SKIPPING the browser tests: ${CHROMIUM} is not installed (apt-get install chromium fonts-wqy-microhei)\n`)

const SCREENSHOTS = join(import.meta.dirname, '../../test-results/e2e')
/** Waits up to 10 s for a page to settle on a value (vitest's expect.poll waits 1 s by default). */
const eventually = <T>(read: () => Promise<T> | T) => expect.poll(read, { timeout: 10_000, interval: 100 })
/** antd spaces out two-character Chinese button labels ("登 录"), so buttons are found by pattern. */
const label = (text: string) => new RegExp(`^\\s*${[...text].join('\\s*')}\\s*$`)

describe.skipIf(!hasChromium)('[WEB UI]: a risk manager finds 华为技术有限公司, corrects its region and reads the change in its timeline', { timeout: 60_000 }, () => {
  let web: WebApp
  let browser: Browser
  let context: BrowserContext
  let page: Page
  const pageErrors: string[] = []
  /** What the browser said along the way, shown when a step fails. */
  const browserLog: string[] = []
  let shot = 0

  async function screenshot(name: string) {
    shot += 1
    await page.waitForLoadState('networkidle')
    await page.screenshot({ path: join(SCREENSHOTS, `${String(shot).padStart(2, '0')}-${name}.png`), fullPage: true })
  }

  async function openTab(name: string) {
    await page.getByRole('tab', { name }).click()
    await eventually(() => page.getByRole('tab', { name, selected: true }).count()).toBe(1)
  }

  beforeAll(async () => {
    rmSync(SCREENSHOTS, { recursive: true, force: true })
    mkdirSync(SCREENSHOTS, { recursive: true })
    web = await startWebApp()
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      headless: true,
      args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    })
    // A reader in China: the browser asks for Chinese, times show in Beijing time. Asking for
    // reduced motion turns antd's animations off, so screenshots never catch a drawer half open.
    context = await browser.newContext({ locale: 'zh-CN', timezoneId: 'Asia/Shanghai', viewport: { width: 1440, height: 900 }, reducedMotion: 'reduce' })
    context.setDefaultTimeout(15_000)
    page = await context.newPage()
    page.on('pageerror', (error) => pageErrors.push(error.message))
    page.on('console', (message) => browserLog.push(`${message.type()}: ${message.text()}`))
    page.on('requestfailed', (request) => browserLog.push(`request failed: ${request.method()} ${request.url()} ${request.failure()?.errorText}`))
    page.on('response', (response) => browserLog.push(`${response.status()} ${response.request().method()} ${response.url()}`))
  }, 180_000)

  afterEach(async ({ task }) => {
    if (task.result?.state !== 'fail' || !page) return
    await page.screenshot({ path: join(SCREENSHOTS, `failed-${task.name.slice(0, 40).replace(/[^\p{L}\p{N}]+/gu, '-')}.png`), fullPage: true })
    console.log(`[e2e] ${task.name} failed at ${page.url()}; the browser said:\n${browserLog.slice(-30).join('\n')}\nThe page reads:\n${await page.locator('body').ariaSnapshot({ timeout: 5_000 }).catch((error: Error) => `(no answer: ${error.message})`)}`)
  })

  afterAll(async () => {
    await browser?.close()
    await web?.close()
  })

  it('sends a visitor to the sign-in page, in Chinese, and signs them in', async () => {
    await page.goto(web.url)
    await page.waitForURL('**/login')
    await eventually(() => page.getByRole('button', { name: label('登录') }).isVisible()).toBe(true)
    await screenshot('login')

    await page.getByLabel('邮箱').fill(web.user.email)
    await page.getByLabel('密码').fill('not the password')
    await page.getByRole('button', { name: label('登录') }).click()
    await eventually(() => page.getByText('邮箱或密码不正确').isVisible()).toBe(true)

    await page.getByLabel('密码').fill(web.password)
    await page.getByRole('button', { name: label('登录') }).click()
    await page.waitForURL('**/customers')
    await eventually(() => page.getByRole('link', { name: '华为技术有限公司' }).isVisible()).toBe(true)
    await eventually(() => page.getByRole('row').count()).toBe(1 + 5)
    await screenshot('customer-list')
  })

  it('filters and sorts the customer list', async () => {
    await page.getByPlaceholder('国家代码').fill('DE')
    await page.getByPlaceholder('国家代码').press('Enter')
    await page.waitForURL('**/customers?country=DE')
    await eventually(() => page.getByRole('row').count()).toBe(1 + 1)
    await eventually(() => page.getByRole('link', { name: 'Siemens AG' }).isVisible()).toBe(true)
    await screenshot('customer-list-filtered')

    await page.getByRole('button', { name: label('重置') }).click()
    await eventually(() => page.getByRole('row').count()).toBe(1 + 5)
    await page.getByRole('columnheader', { name: '名称' }).click()
    await page.waitForURL(/sort=name&order=desc/)
    // The server's collation decides the order; the table must show the server's first.
    const first = (await (await page.request.get(`${web.url}/api/v1/customers?sort=name&order=desc&limit=1`)).json()).items[0].name
    await eventually(() => page.getByRole('row').nth(1).getByRole('link').first().innerText()).toBe(first)
    await screenshot('customer-list-sorted')
  })

  it('finds 华为技术有限公司 by typing 华为 in the header search, and opens its 360° page', async () => {
    const search = page.getByRole('combobox', { name: /搜索客户/ })
    await search.click()
    await search.fill('华为')
    const option = page.getByRole('option', { name: /^华为技术有限公司/ })
    await option.waitFor()
    // Both 华为 companies are offered, 深圳市华兴 (华 without 为) is not.
    await eventually(() => page.getByRole('option', { name: /华为投资控股有限公司/ }).count()).toBe(1)
    expect(await page.getByRole('option', { name: /华兴/ }).count()).toBe(0)
    await screenshot('header-search')
    await option.click()

    await page.waitForURL(`**/customers/${web.huawei.id}`)
    await eventually(() => page.getByTestId('customer-name').innerText()).toBe('华为技术有限公司')
    const profile = page.getByTestId('profile')
    await eventually(() => profile.innerText()).toContain(HUAWEI_REGISTRATION_ID)
    const text = await page.locator('main').innerText()
    for (const expected of ['广东省深圳市', 'C39 计算机、通信和其他电子设备制造业', '程控交换机', '智能终端', '1987', '207,000', '风险区域', '华南', '正常']) {
      expect(text).toContain(expected)
    }
    await screenshot('profile')
  })

  it('shows the contacts, the statements by period, the bureau history, the relationships and the documents', async () => {
    await openTab('联系人')
    await eventually(() => page.getByText('财务总监').isVisible()).toBe(true)
    expect(await page.getByRole('tabpanel').innerText()).toContain('主要联系人')
    await screenshot('contacts')

    await openTab('财务报表')
    await eventually(() => page.getByText('营业收入').isVisible()).toBe(true)
    const headers = await page.getByRole('columnheader').allInnerTexts()
    expect(headers.map((h) => h.split('\n')[0])).toEqual(['科目', '2024年12月31日', '2023年12月31日'])
    const revenue = await page.getByRole('row', { name: /营业收入/ }).innerText()
    expect(revenue).toContain('¥862,072,000,000.00')
    expect(revenue).toContain('¥704,174,000,000.00')
    await screenshot('statements')

    await openTab('征信记录')
    await eventually(() => page.getByText('中国人民银行征信中心').isVisible()).toBe(true)
    expect(await page.getByRole('tabpanel').innerText()).toMatch(/812[\s\S]*AAA[\s\S]*¥5,000,000,000\.00/)
    await screenshot('bureau')

    await openTab('关联关系')
    const holding = page.getByRole('link', { name: '华为投资控股有限公司' })
    await holding.waitFor()
    expect(await page.getByRole('row', { name: /华为投资控股有限公司/ }).innerText()).toContain('母公司')
    await screenshot('relationships')

    await openTab('文档')
    const report = page.getByRole('link', { name: /2024年度审计报告\.pdf/ })
    await report.waitFor()
    const download = await page.request.get(new URL((await report.getAttribute('href'))!, web.url).href)
    expect(download.status()).toBe(200)
    expect((await download.body()).toString()).toContain('华为技术有限公司 2024 年度审计报告')

    await page.locator('input[type=file]').setInputFiles({ name: '营业执照.txt', mimeType: 'text/plain', buffer: Buffer.from('统一社会信用代码 914403001922038216') })
    await page.getByRole('link', { name: /营业执照\.txt/ }).waitFor()
    await screenshot('documents')
  })

  it('edits the region and saves it with the version it started from', async () => {
    await openTab('基本资料')
    await page.getByTestId('customer-edit').click()
    const drawer = page.getByRole('dialog')
    await drawer.getByLabel('地区').waitFor()
    expect(await drawer.getByLabel('地区').inputValue()).toBe('广东省深圳市')
    await screenshot('edit-drawer')

    await drawer.getByLabel('地区').fill('广东省东莞市')
    await page.getByTestId('customer-form-save').click()
    await eventually(() => page.getByTestId('profile-region').innerText()).toBe('广东省东莞市')
    await eventually(() => drawer.isVisible()).toBe(false)

    const saved = await findCustomerById(web.store.db, web.huawei.id)
    expect(saved).toMatchObject({ region: '广东省东莞市', version: web.huawei.version + 1 })
    await screenshot('profile-after-edit')
  })

  it('shows the change first in the timeline: who, what, when, and the region before → after', async () => {
    await openTab('时间线')
    const first = page.getByTestId('timeline-entry').first()
    await first.waitFor()
    const text = await first.innerText()
    expect(text).toContain('王芳')
    expect(text).toContain('修改了客户资料')
    expect(text).toMatch(/\d{4}年\d{1,2}月\d{1,2}日/)
    const changes = await first.getByTestId('timeline-change').allInnerTexts()
    expect(changes).toHaveLength(1)
    expect(changes[0]).toMatch(/地区\s*广东省深圳市\s*广东省东莞市/)
    // Older entries follow: the document just uploaded, then the records, down to the creation.
    const all = await page.getByTestId('timeline-entry').allInnerTexts()
    expect(all[1]).toContain('上传了文档')
    expect(all.at(-1)).toContain('创建了客户')
    await screenshot('timeline')
  })

  it('puts the server’s 409 on the registration id field of the create form', async () => {
    await page.getByRole('link', { name: '客户' }).first().click()
    await page.waitForURL('**/customers')
    await page.getByRole('button', { name: '新建客户' }).click()
    const drawer = page.getByRole('dialog')
    await drawer.getByLabel('名称', { exact: true }).fill('华为技术有限公司（重复录入）')
    await drawer.getByLabel('统一社会信用代码/注册号').fill(HUAWEI_REGISTRATION_ID)
    await page.getByTestId('customer-form-save').click()
    const registrationId = drawer.getByLabel('统一社会信用代码/注册号')
    await eventually(() => registrationId.getAttribute('aria-invalid')).toBe('true')
    const field = drawer.locator('.ant-form-item').filter({ has: page.getByLabel('统一社会信用代码/注册号') })
    await eventually(() => field.innerText()).toContain('已被其他客户使用')
    // Only that field: the name the server took is not marked.
    expect(await drawer.getByLabel('名称', { exact: true }).getAttribute('aria-invalid')).not.toBe('true')
    expect(await drawer.innerText()).toContain('与已有数据冲突')
    await screenshot('create-conflict')
    await drawer.getByRole('button', { name: label('取消') }).click()
    await eventually(() => drawer.isVisible()).toBe(false)
  })

  it('switches to English, remembers it for the user, and switches back to Chinese', async () => {
    await page.goto(`${web.url}/customers/${web.huawei.id}/timeline`)
    await page.getByText('English', { exact: true }).click()
    await eventually(() => page.getByRole('tab', { name: 'Timeline' }).isVisible()).toBe(true)
    await eventually(async () => (await findUser()).language).toBe('en')
    expect(await page.getByTestId('timeline-entry').first().innerText()).toContain('changed the customer')
    expect(await page.getByTestId('timeline-change').first().innerText()).toMatch(/Region\s*广东省深圳市\s*广东省东莞市/)

    // The browser still asks for Chinese: only the saved choice can bring English back.
    await page.reload()
    await eventually(() => page.getByRole('tab', { name: 'Timeline', selected: true }).isVisible()).toBe(true)
    await screenshot('timeline-english')
    await openTab('Financial statements')
    await eventually(() => page.getByText('Revenue', { exact: true }).isVisible()).toBe(true)
    expect(await page.getByRole('row', { name: /Revenue/ }).innerText()).toContain('CN¥862,072,000,000.00')
    await screenshot('statements-english')

    await page.getByText('中文', { exact: true }).click()
    await eventually(() => page.getByRole('tab', { name: '财务报表' }).isVisible()).toBe(true)
    await eventually(async () => (await findUser()).language).toBe('zh-CN')
  })

  async function findUser() {
    return web.store.db.selectFrom('users').select(['language']).where('id', '=', web.user.id).executeTakeFirstOrThrow()
  }

  it('signs out back to the sign-in page', async () => {
    await page.getByTestId('user-menu').click()
    await page.getByText('退出登录').click()
    await page.waitForURL('**/login')
    const me = await page.request.get(`${web.url}/api/v1/me`)
    expect(me.status()).toBe(401)
  })

  it('ran without an uncaught error in the page', () => {
    expect(pageErrors).toEqual([])
  })
})
