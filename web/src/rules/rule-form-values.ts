import type { RuleDocument, RuleInput, RuleScope, RuleSeverity } from '../api/types.ts'

/** The editor's fields: the name in both languages, the playbook's lists as one line per entry. */
export type RuleFormValues = {
  key: string
  name: { zh: string; en: string }
  description: string
  expression: string
  severity: RuleSeverity
  score: number
  tags: string[]
  scope: RuleScope
  dedupeKey: string
  suppressionHours: number
  playbook: { check: string; do: string; tell: string }
}

export const EMPTY_RULE: RuleFormValues = {
  key: '',
  name: { zh: '', en: '' },
  description: '',
  expression: '',
  severity: 'medium',
  score: 50,
  tags: [],
  scope: 'transaction',
  dedupeKey: '{customer.id}:{rule.key}',
  suppressionHours: 24,
  playbook: { check: '', do: '', tell: '' },
}

/** A stored document as the editor shows it, for writing its key's next version. */
export function toFormValues(document: RuleDocument): RuleFormValues {
  const name = typeof document.name === 'string' ? { zh: document.name, en: document.name } : document.name
  const lines = (items: string[]) => items.join('\n')
  return {
    key: document.key,
    name,
    description: document.description,
    expression: document.expression,
    severity: document.severity,
    score: document.score,
    tags: document.tags,
    scope: document.scope,
    dedupeKey: document.dedupeKey,
    suppressionHours: document.suppressionHours,
    playbook: { check: lines(document.playbook.check), do: lines(document.playbook.do), tell: lines(document.playbook.tell) },
  }
}

/** What POST /api/v1/rules takes; blank playbook lines are left out, an empty dedupe key means the server's default. */
export function toRuleInput(values: RuleFormValues): RuleInput {
  const list = (text: string | undefined) =>
    (text ?? '')
      .split('\n')
      .map((line) => line.trim())
      .filter((line) => line !== '')
  const dedupeKey = values.dedupeKey?.trim()
  return {
    key: values.key.trim(),
    name: { zh: values.name.zh.trim(), en: values.name.en.trim() },
    description: values.description ?? '',
    expression: values.expression,
    severity: values.severity,
    score: values.score,
    tags: values.tags ?? [],
    scope: values.scope,
    ...(dedupeKey ? { dedupeKey } : {}),
    suppressionHours: values.suppressionHours,
    playbook: { check: list(values.playbook.check), do: list(values.playbook.do), tell: list(values.playbook.tell) },
  }
}
