import { describe, expect, it } from 'vitest'
import { decideCaseAction, nextInRotation, type CaseActor, type CaseState } from '../../src/domain/alerts/case-lifecycle.ts'

const analyst: CaseActor = { kind: 'user', userId: 'u-ana', role: 'analyst' }
const other: CaseActor = { kind: 'user', userId: 'u-bob', role: 'analyst' }
const manager: CaseActor = { kind: 'user', userId: 'u-max', role: 'risk_manager' }
const system: CaseActor = { kind: 'system' }
const state = (overrides: Partial<CaseState> = {}): CaseState => ({ status: 'new', ownerId: null, escalationLevel: 0, ...overrides })

describe('the case lifecycle', () => {
  it('moves a new case to assigned when someone takes it, and an assigned one to investigating', () => {
    expect(decideCaseAction(state(), { kind: 'assign', ownerId: 'u-ana' }, analyst)).toEqual({ ok: true, status: 'assigned', ownerId: 'u-ana' })
    expect(decideCaseAction(state({ status: 'assigned', ownerId: 'u-ana' }), { kind: 'investigate' }, analyst)).toEqual({ ok: true, status: 'investigating', ownerId: 'u-ana' })
  })

  it('lets a user who starts investigating a case nobody owns take it', () => {
    expect(decideCaseAction(state(), { kind: 'investigate' }, analyst)).toEqual({ ok: true, status: 'investigating', ownerId: 'u-ana' })
  })

  it('escalates any open case, keeping its owner, and an escalated case stays escalated when reassigned', () => {
    for (const status of ['new', 'assigned', 'investigating', 'escalated'] as const) {
      expect(decideCaseAction(state({ status, ownerId: 'u-bob', escalationLevel: 1 }), { kind: 'escalate' }, analyst)).toEqual({ ok: true, status: 'escalated', ownerId: 'u-bob' })
    }
    expect(decideCaseAction(state({ status: 'escalated', ownerId: 'u-bob' }), { kind: 'assign', ownerId: 'u-ana' }, manager)).toEqual({ ok: true, status: 'escalated', ownerId: 'u-ana' })
  })

  it('refuses every action on a closed case as a conflict', () => {
    for (const action of [{ kind: 'assign', ownerId: 'u-ana' }, { kind: 'investigate' }, { kind: 'escalate' }, { kind: 'close' }] as const) {
      expect(decideCaseAction(state({ status: 'closed' }), action, manager)).toMatchObject({ ok: false, code: 'conflict' })
    }
  })

  it('refuses investigating twice and escalating past the last level as conflicts', () => {
    expect(decideCaseAction(state({ status: 'investigating', ownerId: 'u-ana' }), { kind: 'investigate' }, analyst)).toMatchObject({ ok: false, code: 'conflict' })
    expect(decideCaseAction(state({ status: 'escalated', escalationLevel: 3 }), { kind: 'escalate' }, manager)).toMatchObject({ ok: false, code: 'conflict' })
  })

  it('lets an analyst work only cases they own or nobody owns; a supervisor works any', () => {
    const bobs = state({ status: 'assigned', ownerId: 'u-bob' })
    expect(decideCaseAction(bobs, { kind: 'investigate' }, analyst)).toMatchObject({ ok: false, code: 'forbidden' })
    expect(decideCaseAction(bobs, { kind: 'close' }, analyst)).toMatchObject({ ok: false, code: 'forbidden' })
    expect(decideCaseAction(bobs, { kind: 'assign', ownerId: 'u-ana' }, analyst)).toMatchObject({ ok: false, code: 'forbidden' })
    expect(decideCaseAction(bobs, { kind: 'close' }, other)).toEqual({ ok: true, status: 'closed', ownerId: 'u-bob' })
    expect(decideCaseAction(bobs, { kind: 'investigate' }, manager)).toEqual({ ok: true, status: 'investigating', ownerId: 'u-bob' })
    expect(decideCaseAction(bobs, { kind: 'assign', ownerId: 'u-ana' }, manager)).toEqual({ ok: true, status: 'assigned', ownerId: 'u-ana' })
  })

  it('lets an analyst assign a case to someone else only through the queue, and not to its owner again', () => {
    expect(decideCaseAction(state(), { kind: 'assign', ownerId: 'u-bob' }, analyst)).toMatchObject({ ok: false, code: 'forbidden' })
    expect(decideCaseAction(state({ status: 'assigned', ownerId: 'u-ana' }), { kind: 'assign', ownerId: 'u-bob', viaQueue: true }, analyst)).toEqual({ ok: true, status: 'assigned', ownerId: 'u-bob' })
    expect(decideCaseAction(state({ status: 'assigned', ownerId: 'u-ana' }), { kind: 'assign', ownerId: 'u-ana' }, manager)).toMatchObject({ ok: false, code: 'conflict' })
  })

  it('lets the system assign and escalate, but never investigate or close', () => {
    expect(decideCaseAction(state(), { kind: 'assign', ownerId: 'u-ana', viaQueue: true }, system)).toMatchObject({ ok: true, status: 'assigned' })
    expect(decideCaseAction(state(), { kind: 'escalate' }, system)).toMatchObject({ ok: true, status: 'escalated' })
    expect(decideCaseAction(state(), { kind: 'investigate' }, system)).toMatchObject({ ok: false, code: 'forbidden' })
    expect(decideCaseAction(state(), { kind: 'close' }, system)).toMatchObject({ ok: false, code: 'forbidden' })
  })
})

describe('round-robin rotation', () => {
  it('takes the members in the order of their ids, after the last one, wrapping around', () => {
    expect(nextInRotation(['c', 'a', 'b'], null)).toBe('a')
    expect(nextInRotation(['c', 'a', 'b'], 'a')).toBe('b')
    expect(nextInRotation(['c', 'a', 'b'], 'b')).toBe('c')
    expect(nextInRotation(['c', 'a', 'b'], 'c')).toBe('a')
  })

  it('skips a member who left and gives one who joined their place in the order', () => {
    expect(nextInRotation(['a', 'c'], 'b')).toBe('c')
    expect(nextInRotation(['a', 'b', 'bb', 'c'], 'b')).toBe('bb')
  })

  it('has nobody for an empty team', () => {
    expect(nextInRotation([], 'a')).toBeNull()
  })
})
