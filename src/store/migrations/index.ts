import type { Migration } from 'kysely'
import * as identity from './0001-identity.ts'
import * as auditLedger from './0002-audit-ledger.ts'
import * as customerRegistry from './0003-customer-registry.ts'
import * as importJobs from './0004-import-jobs.ts'
import * as assessments from './0005-assessments.ts'
import * as modelRegistry from './0006-model-registry.ts'
import * as expertAssessments from './0007-expert-assessments.ts'
import * as leanSearchIndex from './0008-lean-search-index.ts'
import * as monitoring from './0009-monitoring.ts'
import * as alerts from './0010-alerts.ts'
import * as controls from './0011-controls.ts'
import * as caseWorkflow from './0012-case-workflow.ts'
import * as controlProposals from './0013-control-proposals.ts'
import * as portfolio from './0014-portfolio.ts'
import * as riskPolicy from './0015-risk-policy.ts'
import * as workflow from './0016-workflow.ts'
import * as invoicePaid from './0017-invoice-paid.ts'
import * as deferredSearchIndex from './0018-deferred-search-index.ts'
import * as auditSeqRowid from './0019-audit-seq-rowid.ts'

/**
 * Every migration, in order. Listed in code rather than read from a folder so the same
 * list runs from source and from the build, on SQLite and PostgreSQL alike.
 * Never edit a migration that has shipped: add the next one.
 */
export const MIGRATIONS: Record<string, Migration> = {
  '0001-identity': identity,
  '0002-audit-ledger': auditLedger,
  '0003-customer-registry': customerRegistry,
  '0004-import-jobs': importJobs,
  '0005-assessments': assessments,
  '0006-model-registry': modelRegistry,
  '0007-expert-assessments': expertAssessments,
  '0008-lean-search-index': leanSearchIndex,
  '0009-monitoring': monitoring,
  '0010-alerts': alerts,
  '0011-controls': controls,
  '0012-case-workflow': caseWorkflow,
  '0013-control-proposals': controlProposals,
  '0014-portfolio': portfolio,
  '0015-risk-policy': riskPolicy,
  '0016-workflow': workflow,
  '0017-invoice-paid': invoicePaid,
  '0018-deferred-search-index': deferredSearchIndex,
  '0019-audit-seq-rowid': auditSeqRowid,
}
