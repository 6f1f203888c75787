import type { FormInstance } from 'antd'
import { useEffect, useRef, useState } from 'react'
import { api, type ErrorDetail } from '../api/client.ts'
import { toRuleInput, type RuleFormValues } from './rule-form-values.ts'

/** Fields the live check speaks about: the ones the server places at a line and column. */
export const LIVE_CHECKED = ['expression', 'dedupeKey'] as const
type LiveField = (typeof LIVE_CHECKED)[number]

export type LiveCheckState = 'idle' | 'checking' | 'valid' | 'invalid'

/** How long typing must pause before the rule is checked. */
const PAUSE_MS = 400

/**
 * Checks the rule with the server (POST /api/v1/rules/check) as the expression, the dedupe key
 * or the scope is typed, a pause after the last keystroke, and puts each problem on its field
 * with its line and column. Only the newest answer counts: a slow answer to an older text is
 * dropped. Fields the person has not filled in yet (key, names) are stood in for, so they never
 * show as errors before saving.
 */
export function useLiveRuleCheck(form: FormInstance<RuleFormValues>, say: (detail: ErrorDetail) => ErrorDetail): { state: LiveCheckState; onValuesChange: (changed: Partial<RuleFormValues>) => void } {
  const [state, setState] = useState<LiveCheckState>('idle')
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null)
  const latest = useRef(0)
  useEffect(() => () => void (timer.current && clearTimeout(timer.current)), [])

  async function check(ticket: number) {
    const values = form.getFieldsValue(true) as RuleFormValues
    if (!values.expression?.trim()) return setState('idle')
    const input = toRuleInput(withStandIns(values))
    try {
      const answer = await api<{ valid: boolean; problems: ErrorDetail[] }>('/api/v1/rules/check', { method: 'POST', json: input })
      if (ticket !== latest.current) return
      const problems = answer.problems.map(say).filter((problem) => (LIVE_CHECKED as readonly string[]).includes(problem.path))
      form.setFields(LIVE_CHECKED.map((name: LiveField) => ({ name, errors: problems.filter((p) => p.path === name).map((p) => p.message) })))
      setState(problems.length === 0 ? 'valid' : 'invalid')
    } catch {
      // The live check is a help, not a gate: saving still checks everything.
      if (ticket === latest.current) setState('idle')
    }
  }

  return {
    state,
    onValuesChange(changed) {
      if (!('expression' in changed || 'dedupeKey' in changed || 'scope' in changed)) return
      if (timer.current) clearTimeout(timer.current)
      const ticket = ++latest.current
      setState('checking')
      timer.current = setTimeout(() => void check(ticket), PAUSE_MS)
    },
  }
}

function withStandIns(values: RuleFormValues): RuleFormValues {
  return {
    ...values,
    key: values.key?.trim() || 'draft',
    name: { zh: values.name?.zh?.trim() || '-', en: values.name?.en?.trim() || '-' },
    severity: values.severity ?? 'medium',
    score: values.score ?? 0,
    scope: values.scope ?? 'transaction',
    suppressionHours: values.suppressionHours ?? 0,
    playbook: values.playbook ?? { check: '', do: '', tell: '' },
  }
}
