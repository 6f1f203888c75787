import { existsSync } from 'node:fs'
import { AppError } from '../../app-error.ts'

export const NO_CHROMIUM_MESSAGE = 'PDF rendering needs Chromium: install it (apt-get install chromium) or set FENGKONG_CHROMIUM'

export type RenderPdfOptions = {
  html: string
  /** The browser to run: the configuration's chromiumPath (FENGKONG_CHROMIUM, else Debian's /usr/bin/chromium). */
  executablePath: string
}

/**
 * A self-contained HTML page printed to an A4 PDF by a headless Chromium, driven by
 * playwright-core (which never downloads a browser: it runs the one installed). The page has
 * no external assets, so nothing is fetched. A browser is started per document and closed after.
 */
export async function renderPdf({ html, executablePath }: RenderPdfOptions): Promise<Buffer> {
  if (!existsSync(executablePath)) throw new AppError('internal', NO_CHROMIUM_MESSAGE, { details: [{ path: 'chromium', message: `${executablePath} does not exist` }] })
  // Loaded here, so a server or CLI run that never prints a PDF does not load Playwright.
  const { chromium } = await import('playwright-core')
  const browser = await chromium.launch({
    executablePath,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  })
  try {
    const page = await browser.newPage()
    await page.setContent(html, { waitUntil: 'load' })
    return await page.pdf({ format: 'A4', printBackground: true, preferCSSPageSize: true })
  } finally {
    await browser.close()
  }
}
