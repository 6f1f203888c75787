import { describe, expect, it } from 'vitest'
import { EMPTY_RULE, toRuleInput } from './rule-form-values.ts'

describe('toRuleInput', () => {
  it('splits the playbook into lines, drops blank ones and leaves out an empty dedupe key', () => {
    const input = toRuleInput({ ...EMPTY_RULE, key: ' large_amount ', dedupeKey: ' ', playbook: { check: 'the invoice\n\n the counterparty ', do: '', tell: 'AML' } })
    expect(input.key).toBe('large_amount')
    expect(input.playbook).toEqual({ check: ['the invoice', 'the counterparty'], do: [], tell: ['AML'] })
    expect('dedupeKey' in input).toBe(false)
  })
})
