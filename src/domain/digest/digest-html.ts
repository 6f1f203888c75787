import { dayOf, formatAmount, formatCount, formatShare, html, page, type Html } from './html.ts'
import { LABELS, labelOf, nameIn, type DigestLanguage, type Labels } from './labels.ts'
import type { Figure, GradeChange, Listed, RiskDigest } from './risk-digest.ts'

/** The digest as one printable, self-contained HTML page in the language. */
export function renderDigestHtml(digest: RiskDigest, language: DigestLanguage): string {
  const l = LABELS[language]
  const amount = (minor: number) => formatAmount(minor, digest.currency, language)
  const count = (n: number | null) => (n === null ? '—' : formatCount(n, language))
  const lastDay = dayOf(new Date(Date.parse(digest.to) - 1).toISOString())
  const title = `${l.digestTitle} ${digest.week}`

  const body = html`
<header>
  <h1>${title}</h1>
  <p class="meta">${l.period}: ${digest.week} (${dayOf(digest.from)} – ${lastDay}) · ${l.generatedAt}: ${digest.generatedAt.replace('T', ' ').slice(0, 16)} UTC</p>
</header>
${digest.isQuiet ? html`<p class="quiet">${l.quietWeek}</p>` : null}
<h2>${l.summary}</h2>
<div class="tiles">
  ${tile(l.newAlerts, count(digest.alerts.total.value), null)}
  ${tile(l.casesOpened, count(digest.cases.opened.value), null)}
  ${tile(l.casesClosed, count(digest.cases.closed.value), null)}
  ${tile(l.truePositiveRate, formatShare(digest.cases.truePositiveRate.value), figureNote(digest.cases.truePositiveRate, count))}
  ${digest.portfolio ? tile(l.exposure, amount(digest.portfolio.exposure), null) : null}
</div>

<h2>${l.alertsSection}</h2>
<h3>${l.bySeverity}</h3>
${countTable(l.severity, digest.alerts.bySeverity.map((s) => ({ label: labelOf(l.severities, s.severity), className: `sev-${s.severity}`, count: s.count })), l, count)}
<h3>${l.byRule}</h3>
${
  digest.alerts.byRule.length === 0
    ? html`<p>${l.none}</p>`
    : html`<table>
<thead><tr><th>${l.rule}</th><th>${l.severity}</th><th class="num">${l.count}</th></tr></thead>
<tbody>${digest.alerts.byRule.map(
        (r) => html`<tr><td>${nameIn(r.ruleName, language)} <code>${r.ruleKey}</code></td><td class="${`sev-${r.severity}`}">${labelOf(l.severities, r.severity)}</td><td class="num">${count(r.count)}</td></tr>`,
      )}</tbody>
</table>`
}

<h2>${l.casesSection}</h2>
<h3>${l.casesOpened}</h3>
${countTable(l.severity, digest.cases.openedBySeverity.map((s) => ({ label: labelOf(l.severities, s.severity), className: `sev-${s.severity}`, count: s.count })), l, count)}
<h3>${l.casesClosed}</h3>
${countTable(l.disposition, digest.cases.closedByDisposition.map((d) => ({ label: labelOf(l.dispositions, d.disposition), className: '', count: d.count })), l, count)}

<h2>${l.gradeSection}</h2>
${gradeList(l.downgrades, digest.gradeChanges.downgrades, l, true)}
${gradeList(l.upgrades, digest.gradeChanges.upgrades, l, true)}
${gradeList(l.newlyRated, digest.gradeChanges.newlyRated, l, false)}
${digest.gradeChanges.other.count > 0 ? gradeList(l.otherChanges, digest.gradeChanges.other, l, false) : null}

<h2>${l.portfolioSection}</h2>
${digest.portfolio ? portfolioSection(digest, l, amount, count) : html`<p>${l.notReported}</p>`}

<h2>${l.appetiteSection}</h2>
${
  digest.appetiteBreaches.length === 0
    ? html`<p>${l.noBreaches}</p>`
    : html`<table>
<thead><tr><th>${l.kind}</th><th>${l.customer}</th><th class="num">${l.exposure}</th><th class="num">${l.share}</th><th class="num">${l.limit}</th></tr></thead>
<tbody>${digest.appetiteBreaches.map(
        (b) => html`<tr><td>${labelOf(l.breachKinds, b.kind)}</td><td>${b.name}</td><td class="num">${amount(b.exposure)}</td><td class="num">${formatShare(b.share)}</td><td class="num">${formatShare(b.limit)}</td></tr>`,
      )}</tbody>
</table>`
}

<h2>${l.overdueSection}</h2>
${
  digest.overdueReviews === null
    ? html`<p>${l.notReported}</p>`
    : listedTable(
        digest.overdueReviews,
        l,
        html`<tr><th>${l.customer}</th><th>${l.grade}</th><th>${l.lastReviewed}</th><th>${l.dueOn}</th></tr>`,
        (r) => html`<tr><td>${r.name}</td><td>${r.grade}</td><td>${dayOf(r.assessedAt)}</td><td>${r.dueOn}</td></tr>`,
      )
}
`
  return page({ title, language, body })
}

function tile(label: string, value: string, note: Html | null): Html {
  return html`<div class="tile"><div class="value">${value}</div><div class="label">${label}</div>${note}</div>`
}

function figureNote(figure: Figure, count: (n: number | null) => string): Html {
  const inputs = Object.entries(figure.inputs)
    .map(([key, value]) => `${key} = ${count(value)}`)
    .join(', ')
  return html`<div class="formula">${figure.formula}${inputs ? `; ${inputs}` : ''}</div>`
}

function countTable(heading: string, rows: { label: string; className: string; count: number }[], l: Labels, count: (n: number) => string): Html {
  const total = rows.reduce((sum, row) => sum + row.count, 0)
  return html`<table>
<thead><tr><th>${heading}</th><th class="num">${l.count}</th></tr></thead>
<tbody>${rows.map((row) => html`<tr><td class="${row.className}">${row.label}</td><td class="num">${count(row.count)}</td></tr>`)}
<tr><th>${l.total}</th><th class="num">${count(total)}</th></tr></tbody>
</table>`
}

function gradeList(heading: string, list: Listed<GradeChange>, l: Labels, withNotches: boolean): Html {
  return html`<h3>${heading} (${list.count})</h3>
${listedTable(
  list,
  l,
  html`<tr><th>${l.customer}</th><th>${l.fromGrade}</th><th>${l.toGrade}</th>${withNotches ? html`<th class="num">${l.notches}</th>` : null}</tr>`,
  (c) => html`<tr><td>${c.name}</td><td>${c.from ?? '—'}</td><td>${c.to}</td>${withNotches ? html`<td class="num">${c.notches === null ? '—' : Math.abs(c.notches)}</td>` : null}</tr>`,
)}`
}

function listedTable<T>(list: Listed<T>, l: Labels, head: Html, row: (item: T) => Html): Html {
  if (list.count === 0) return html`<p>${l.none}</p>`
  const more = list.count - list.items.length
  return html`<table>
<thead>${head}</thead>
<tbody>${list.items.map(row)}</tbody>
</table>${more > 0 ? html`<p class="note">${l.moreNotListed(more)}</p>` : null}`
}

function portfolioSection(digest: RiskDigest, l: Labels, amount: (minor: number) => string, count: (n: number | null) => string): Html {
  const p = digest.portfolio!
  return html`<p class="meta">${l.asOf}: ${p.asOf.replace('T', ' ').slice(0, 16)} UTC</p>
<div class="tiles">
  ${tile(l.customers, count(p.customers), null)}
  ${tile(l.exposedCustomers, count(p.exposed), null)}
  ${tile(l.exposure, amount(p.exposure), null)}
  ${tile(l.hhi, p.hhi === null ? '—' : p.hhi.toFixed(4), null)}
</div>
<table>
<thead><tr><th>${l.grade}</th><th class="num">${l.customers}</th><th class="num">${l.exposure}</th><th class="num">${l.share}</th></tr></thead>
<tbody>${p.byGrade.map((g) => html`<tr><td>${g.grade}</td><td class="num">${count(g.customers)}</td><td class="num">${amount(g.exposure)}</td><td class="num">${formatShare(g.share.value)}</td></tr>`)}
<tr><th>${l.total}</th><th class="num">${count(p.customers)}</th><th class="num">${amount(p.exposure)}</th><th class="num">${formatShare(p.exposure > 0 ? 1 : null)}</th></tr></tbody>
</table>
${
  p.unconverted.length > 0
    ? html`<p class="note">${l.unconverted}: ${p.unconverted.map((u) => `${(u.amount / 100).toFixed(2)} ${u.currency} (${u.customers})`).join(', ')}</p>`
    : null
}
<h3>${l.topExposures}</h3>
${
  digest.topExposures.length === 0
    ? html`<p>${l.none}</p>`
    : html`<table>
<thead><tr><th>#</th><th>${l.customer}</th><th class="num">${l.exposure}</th><th class="num">${l.share}</th></tr></thead>
<tbody>${digest.topExposures.map((t, i) => html`<tr><td>${i + 1}</td><td>${t.name}</td><td class="num">${amount(t.exposure)}</td><td class="num">${formatShare(t.share.value)}</td></tr>`)}
<tr><th colspan="2">${l.topShare}</th><th class="num">${amount(p.topShare.inputs.top ?? 0)}</th><th class="num">${formatShare(p.topShare.value)}</th></tr></tbody>
</table>`
}`
}
