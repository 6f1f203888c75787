import type { DigestLanguage } from './labels.ts'

/**
 * What the digest and the handbook pages share: escaping, number formats and the page shell.
 * A page is self-contained (inline CSS, no script, no external asset) so it can be mailed,
 * saved, opened offline and printed; every text from data goes through escapeHtml.
 */

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => ESCAPES[char]!)
}

/** A trusted piece of markup: only the functions of this module make one, from escaped text. */
export type Html = { readonly html: string }

export function raw(html: string): Html {
  return { html }
}

/** A tagged template: interpolated strings and numbers are escaped, Html pieces (and arrays of them) are not. */
export function html(strings: TemplateStringsArray, ...values: (string | number | Html | readonly Html[] | null | undefined)[]): Html {
  let out = strings[0]!
  values.forEach((value, index) => {
    out += toHtml(value) + strings[index + 1]!
  })
  return { html: out }
}

function toHtml(value: string | number | Html | readonly Html[] | null | undefined): string {
  if (value === null || value === undefined) return ''
  if (typeof value === 'string') return escapeHtml(value)
  if (typeof value === 'number') return escapeHtml(String(value))
  if (Array.isArray(value)) return value.map((item: Html) => item.html).join('')
  return (value as Html).html
}

const LOCALE: Record<DigestLanguage, string> = { 'zh-CN': 'zh-CN', en: 'en-GB' }

/** Minor units as a decimal amount with its currency: 123456 CNY → "1,234.56 CNY" (two decimals). */
export function formatAmount(minor: number, currency: string, language: DigestLanguage): string {
  const number = (minor / 100).toLocaleString(LOCALE[language], { minimumFractionDigits: 2, maximumFractionDigits: 2 })
  return `${number} ${currency}`
}

/** A fraction as a percentage: 0.1234 → "12.3 %"; null → "—". */
export function formatShare(share: number | null, digits = 1): string {
  if (share === null || !Number.isFinite(share)) return '—'
  return `${(share * 100).toFixed(digits)} %`
}

export function formatCount(count: number, language: DigestLanguage): string {
  return count.toLocaleString(LOCALE[language])
}

/** A PD band [lower, upper) in percent, the worst grade's closed: "0.030 % – 0.100 %". */
export function formatPdBand(lower: number, upper: number, isLast: boolean): string {
  const pct = (value: number) => `${Number((value * 100).toPrecision(4)).toString()} %`
  return `[${pct(lower)}, ${pct(upper)}${isLast ? ']' : ')'}`
}

/** YYYY-MM-DD of an ISO time. */
export function dayOf(iso: string): string {
  return iso.slice(0, 10)
}

const CSS = `
:root { color-scheme: light; }
* { box-sizing: border-box; }
body { margin: 0 auto; max-width: 960px; padding: 24px 32px; font: 14px/1.5 "Noto Sans CJK SC", "WenQuanYi Micro Hei", "PingFang SC", "Microsoft YaHei", system-ui, sans-serif; color: #1f1f1f; background: #fff; }
h1 { font-size: 24px; margin: 0 0 4px; }
h2 { font-size: 18px; margin: 28px 0 8px; padding-bottom: 4px; border-bottom: 2px solid #c41d7f; }
h3 { font-size: 15px; margin: 18px 0 6px; }
p.meta { color: #595959; margin: 0 0 16px; }
p.note { color: #595959; }
p.quiet { padding: 12px 16px; background: #f6ffed; border: 1px solid #b7eb8f; border-radius: 6px; }
table { border-collapse: collapse; width: 100%; margin: 6px 0 12px; }
th, td { border: 1px solid #d9d9d9; padding: 4px 8px; text-align: left; vertical-align: top; }
th { background: #fafafa; font-weight: 600; }
td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
.tiles { display: flex; flex-wrap: wrap; gap: 12px; margin: 8px 0 16px; }
.tile { flex: 1 1 160px; border: 1px solid #d9d9d9; border-radius: 6px; padding: 8px 12px; }
.tile .value { font-size: 22px; font-weight: 600; }
.tile .label { color: #595959; }
.tile .formula { color: #8c8c8c; font-size: 12px; }
.sev-critical { color: #a8071a; font-weight: 600; }
.sev-high { color: #d4380d; font-weight: 600; }
.sev-medium { color: #d48806; }
.sev-low { color: #389e0d; }
code { font: 12px/1.4 ui-monospace, "SFMono-Regular", Menlo, Consolas, monospace; background: #f5f5f5; padding: 1px 4px; border-radius: 3px; word-break: break-all; }
ul { margin: 4px 0 8px; padding-left: 20px; }
section.rule { border: 1px solid #f0f0f0; border-radius: 6px; padding: 4px 12px 8px; margin: 10px 0; break-inside: avoid; }
nav ol { columns: 2; }
@page { size: A4; margin: 16mm 14mm; }
@media print {
  body { max-width: none; padding: 0; }
  h2 { break-after: avoid; }
  table, .tiles { break-inside: avoid; }
  a { color: inherit; text-decoration: none; }
}
`

/** A complete HTML document: the title, the language and the body, with the shared style inline. */
export function page({ title, language, body }: { title: string; language: DigestLanguage; body: Html }): string {
  return `<!DOCTYPE html>
<html lang="${language}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title>
<style>${CSS}</style>
</head>
<body>
${body.html}
</body>
</html>
`
}
