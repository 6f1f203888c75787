import type { ApprovalRule } from '../policy/risk-policy.ts'
import type { Handbook, HandbookRule } from './handbook.ts'
import { formatAmount, formatPdBand, formatShare, html, page, type Html } from './html.ts'
import { LABELS, labelOf, nameIn, pickLanguage, type DigestLanguage, type Labels } from './labels.ts'

/** The handbook as one printable, self-contained HTML page in the language. */
export function renderHandbookHtml(handbook: Handbook, language: DigestLanguage): string {
  const l = LABELS[language]
  const amount = (minor: number) => formatAmount(minor, handbook.approvals.currency, language)
  const version = handbook.policyVersion === 0 ? l.builtInPolicy : `v${handbook.policyVersion}`
  const sections: [string, string][] = [
    ['scale', l.scaleSection],
    ['grades', l.gradeMeaningSection],
    ['thresholds', l.thresholdsSection],
    ['limits', l.limitSection],
    ['approvals', l.approvalSection],
    ['appetite', l.appetiteTitle],
    ['rules', l.rulesSection],
  ]
  const last = handbook.grades.length - 1
  const watchGrade = handbook.thresholds.watchListGrade

  const body = html`
<header>
  <h1>${l.handbookTitle}</h1>
  <p class="meta">${l.policyVersion}: ${version} · ${handbook.scaleVersion}</p>
</header>
<nav><h2>${l.contents}</h2><ol>${sections.map(([id, title]) => html`<li><a href="${`#${id}`}">${title}</a></li>`)}</ol></nav>

<h2 id="scale">${l.scaleSection}</h2>
<p>${l.scaleIntro}</p>
<table>
<thead><tr><th>${l.grade}</th><th>${l.pdBand}</th><th>${l.description}</th></tr></thead>
<tbody>${handbook.grades.map((g, i) => html`<tr><td><strong>${g.grade}</strong></td><td class="num">${formatPdBand(g.lower, g.upper, i === last)}</td><td>${labelOf(l.gradeDescriptions, g.description)}</td></tr>`)}</tbody>
</table>

<h2 id="grades">${l.gradeMeaningSection}</h2>
<table>
<thead><tr><th>${l.grade}</th><th>${l.actions}</th><th>${l.review}</th><th class="num">${l.limitFactor}</th><th>${l.watchList}</th></tr></thead>
<tbody>${handbook.grades.map(
    (g) =>
      html`<tr><td><strong>${g.grade}</strong></td><td>${g.actions.map((a) => labelOf(l.actionNames, a)).join(language === 'en' ? ', ' : '、') || '—'}</td><td>${
        g.review ? l.every(g.review.every, labelOf(l.units, g.review.unit)) : '—'
      }</td><td class="num">${g.limitFactor === null ? '—' : formatShare(g.limitFactor, 0)}</td><td>${g.isWatchList ? '✓' : ''}</td></tr>`,
  )}</tbody>
</table>
<p class="note">${l.watchListNote(watchGrade)}</p>

<h2 id="thresholds">${l.thresholdsSection}</h2>
<ul>
  <li>${l.utilisationWarning}: ${formatShare(handbook.thresholds.utilisationWarning, 0)}</li>
  <li>${l.utilisationBreach}: ${formatShare(handbook.thresholds.utilisationBreach, 0)}</li>
  <li>${l.downgradeAlert(handbook.thresholds.downgradeAlertNotches)}</li>
  <li>${l.watchListNote(watchGrade)}</li>
</ul>

<h2 id="limits">${l.limitSection}</h2>
<p>${l.limitIntro(handbook.limitRules.percentages)}</p>
<ul>
  <li>${l.roundingUnit}: ${amount(handbook.limitRules.roundingUnit)}</li>
  <li>${l.defaultTerms(handbook.limitRules.defaultCreditTermsDays)}</li>
</ul>

<h2 id="approvals">${l.approvalSection}</h2>
<p>${l.approvalIntro}</p>
<ol>${handbook.approvals.rules.map((rule) => html`<li>${approvalInWords(rule, l, amount)}</li>`)}</ol>

<h2 id="appetite">${l.appetiteTitle}</h2>
<p>${l.appetiteIntro}</p>
<ul>
  <li>${l.maxSingleName}: ${formatShare(handbook.riskAppetite.maxSingleNameShare, 0)}</li>
  <li>${l.maxIndustry}: ${formatShare(handbook.riskAppetite.maxIndustryShare, 0)}</li>
</ul>

<h2 id="rules">${l.rulesSection}</h2>
<p>${l.rulesIntro}</p>
${handbook.rulesSource === 'default_pack' ? html`<p class="note">${l.defaultPackNote}</p>` : null}
${handbook.rules.length === 0 ? html`<p>${l.none}</p>` : handbook.rules.map((rule) => ruleSection(rule, l, language))}
`
  return page({ title: l.handbookTitle, language, body })
}

/** One rule of the approval matrix as a sentence. */
export function approvalInWords(rule: ApprovalRule, l: Labels, amount: (minor: number) => string): string {
  return l.approvalRule({
    kind: labelOf(l.requestKinds, rule.requestKind),
    band: rule.maxAmount === null ? l.anyAmount : l.upTo(amount(rule.maxAmount)),
    grades: rule.grades.length === 0 ? l.anyGrade : l.forGrades(rule.grades.join(', ')),
    approvers: rule.approvers,
    role: labelOf(l.roles, rule.role),
  })
}

function ruleSection(rule: HandbookRule, l: Labels, language: DigestLanguage): Html {
  const items = (texts: readonly string[]) => (texts.length === 0 ? html`<p>—</p>` : html`<ul>${texts.map((text) => html`<li>${pickLanguage(text, language)}</li>`)}</ul>`)
  return html`<section class="rule" id="${`rule-${rule.key}`}">
<h3>${nameIn(rule.name, language)} <code>${rule.key}</code> <span class="${`sev-${rule.severity}`}">${labelOf(l.severities, rule.severity)}</span></h3>
<p>${rule.description}</p>
<p class="note">${l.scope}: ${labelOf(l.scopes, rule.scope)} · ${l.expression}: <code>${rule.expression}</code></p>
<strong>${l.check}</strong>${items(rule.playbook.check)}
<strong>${l.do}</strong>${items(rule.playbook.do)}
<strong>${l.tell}</strong>${items(rule.playbook.tell)}
</section>`
}
