import { randomUUID } from 'node:crypto'
import { DEFAULT_DEDUPE_KEY, validateRule, type RuleDocument } from '../../domain/alerts/index.ts'
import type { RuleInput } from './create-rule.ts'

export type RuleCheck = { draft: RuleDocument; problems: { path: string; message: string }[] }

/**
 * A rule as a person wrote it, made a draft document (a fresh id, version 1, the default
 * dedupe key) and checked with validateRule: what saving it would refuse, field by field,
 * without saving. The editor calls it as the expression is typed.
 */
export function checkRule(input: RuleInput): RuleCheck {
  const draft = { ...input, id: randomUUID(), version: 1, state: 'draft', dedupeKey: input.dedupeKey ?? DEFAULT_DEDUPE_KEY } as RuleDocument
  return { draft, problems: validateRule(draft).map(({ path, message }) => ({ path, message })) }
}
