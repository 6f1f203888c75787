import { readFileSync, writeFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { describe, expect, it } from 'vitest'
import { compileExpression, FUNCTIONS, RULE_SCOPE, RULE_VARIABLES, validateRule, VARIABLE_SOURCES, type VariableSource } from '../../src/domain/alerts/index.ts'

/**
 * docs/rules.md carries the variable catalogue and the functions as tables generated from the
 * code. When the code changes, regenerate them: UPDATE_RULES_DOC=1 npx vitest run test/alerts/rules-doc.test.ts
 */
const DOC = resolve(import.meta.dirname, '../../docs/rules.md')

const cell = (text: string) => text.replaceAll('|', '\\|')

function variablesTable(): string {
  const sources = Object.keys(VARIABLE_SOURCES) as VariableSource[]
  return sources
    .map((source) => {
      const rows = RULE_VARIABLES.filter((v) => v.source === source).map((v) => `| \`${v.name}\` | ${v.type} | ${v.nullable ? 'yes' : 'no'} | ${cell(v.description)}${v.baseline === null ? '' : ` (evidence baseline: \`${v.baseline}\`)`} |`)
      const { prefix, cost } = VARIABLE_SOURCES[source]
      return [`**\`${prefix}*\`** — ${cost}.`, '', '| Variable | Type | Can be null | Meaning |', '| --- | --- | --- | --- |', ...rows].join('\n')
    })
    .join('\n\n')
}

function functionsTable(): string {
  return ['| Function | Gives |', '| --- | --- |', ...FUNCTIONS.map((f) => `| \`${f.signature}\` | ${cell(f.description)} |`)].join('\n')
}

function section(doc: string, name: string): string | null {
  const match = new RegExp(`<!-- ${name}:begin -->\\n([\\s\\S]*?)\\n<!-- ${name}:end -->`).exec(doc)
  return match === null ? null : match[1]!
}

function replaceSection(doc: string, name: string, content: string): string {
  return doc.replace(new RegExp(`(<!-- ${name}:begin -->\\n)[\\s\\S]*?(\\n<!-- ${name}:end -->)`), (_, begin: string, end: string) => `${begin}${content}${end}`)
}

describe('docs/rules.md', () => {
  if (process.env.UPDATE_RULES_DOC) {
    const doc = readFileSync(DOC, 'utf8')
    writeFileSync(DOC, replaceSection(replaceSection(doc, 'variables', variablesTable()), 'functions', functionsTable()))
  }
  const doc = readFileSync(DOC, 'utf8')

  it('lists every variable of the catalogue, as the code declares it', () => {
    expect(section(doc, 'variables')).toBe(variablesTable())
    for (const variable of RULE_VARIABLES) expect(doc).toContain(`| \`${variable.name}\` |`)
  })

  it('lists every function', () => {
    expect(section(doc, 'functions')).toBe(functionsTable())
  })

  it('shows examples that compile to rules', () => {
    const examples = /## The language\n\n```\n([\s\S]*?)\n```/.exec(doc)![1]!.split('\n')
    expect(examples.length).toBeGreaterThan(3)
    for (const example of examples) expect(compileExpression(example, RULE_SCOPE).type.kind, example).toBe('boolean')
  })

  it('shows a rule document that is valid', () => {
    const json = /## Rule documents\n\n```json\n([\s\S]*?)\n```/.exec(doc)![1]!
    expect(validateRule(JSON.parse(json))).toEqual([])
  })
})
