import type { AlertView, CaseDetail, StoredRule } from '../api/types.ts'

/** An alert as GET /api/v1/alerts sends it (src/api/routes/alerts.ts AlertSchema). */
export function alertView(overrides: Partial<AlertView> = {}): AlertView {
  return {
    id: 'a1',
    ruleId: 'r1',
    ruleKey: 'large_amount',
    ruleVersion: 3,
    customerId: 'c1',
    severity: 'high',
    score: 70,
    status: 'new',
    dedupeKey: 'c1:large_amount',
    transaction: { source: 'core', id: 't1' },
    at: '2025-03-01T06:05:00.000Z',
    raisedAt: '2025-03-01T06:05:01.000Z',
    evidence: [
      { variable: 'tx.amount', value: 400000, baseline: { variable: 'f.amount_mean', value: 100000 } },
      { variable: 'f.count_24h', value: 12, baseline: { variable: 'f.daily_count_mean', value: 2.2 } },
      { variable: 'tx.channel', value: 'online', baseline: null },
    ],
    shadow: false,
    caseId: 'k1',
    ...overrides,
  }
}

export function caseDetail(overrides: Partial<CaseDetail> = {}): CaseDetail {
  return { id: 'k1', customerId: 'c1', customerName: '华信贸易有限公司', status: 'new', ownerId: null, teamId: null, severity: 'high', slaDueAt: '2025-03-02T06:05:01.000Z', escalationLevel: 0, escalatedAt: null, openedAt: '2025-03-01T06:05:01.000Z', closedAt: null, closedBy: null, disposition: null, note: null, alerts: [alertView()], ...overrides }
}

export function storedRule(overrides: Partial<StoredRule> = {}): StoredRule {
  return {
    id: 'r1',
    key: 'large_amount',
    version: 3,
    state: 'active',
    document: {
      id: 'r1',
      key: 'large_amount',
      version: 3,
      name: { zh: '大额交易', en: 'Large amount' },
      description: '',
      expression: 'tx.amount > 3 * f.amount_mean',
      severity: 'high',
      score: 70,
      tags: ['aml'],
      scope: 'transaction',
      dedupeKey: '{customer.id}:{rule.key}',
      suppressionHours: 24,
      playbook: { check: ['the contract behind the transaction'], do: ['ask the relationship manager'], tell: ['the AML team'] },
      state: 'active',
    },
    createdBy: 'user:u1',
    createdAt: '2025-02-01T00:00:00.000Z',
    updatedAt: '2025-02-01T00:00:00.000Z',
    ...overrides,
  }
}
