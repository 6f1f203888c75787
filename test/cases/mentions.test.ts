import { describe, expect, it } from 'vitest'
import { parseMentions, resolveMentions } from '../../src/domain/alerts/mentions.ts'

describe('@mentions', () => {
  it('finds @handles, lower-cased and unique, in the order they appear', () => {
    expect(parseMentions('@Li.Lei please check with @wang and @li.lei')).toEqual(['li.lei', 'wang'])
  })

  it('takes a full address as one handle, and drops the end of a sentence', () => {
    expect(parseMentions('cc @li.lei@bank.cn. Thanks @wang.')).toEqual(['li.lei@bank.cn', 'wang'])
  })

  it('ignores an @ inside an address or a word, and a lone @', () => {
    expect(parseMentions('write to ops@bank.cn or a.b@c.d @ noon')).toEqual([])
  })

  it('reads mentions next to Chinese text', () => {
    expect(parseMentions('请@zhang核实，谢谢')).toEqual(['zhang'])
    expect(parseMentions('请 @zhang 和@li.lei 核实')).toEqual(['zhang', 'li.lei'])
  })

  const users = [
    { id: 'u1', email: 'li.lei@bank.cn' },
    { id: 'u2', email: 'wang@bank.cn' },
    { id: 'u3', email: 'wang@branch.bank.cn' },
  ]

  it('resolves a full address exactly and a bare handle only when one user has it', () => {
    expect(resolveMentions(['li.lei', 'wang', 'wang@branch.bank.cn', 'nobody'], users)).toEqual(['u1', 'u3'])
  })

  it('names each user once', () => {
    expect(resolveMentions(['li.lei', 'li.lei@bank.cn'], users)).toEqual(['u1'])
  })
})
