import type { ImportTarget } from '../../schemas/import-job.ts'
import { customerTarget } from './customer-target.ts'
import type { ImportTargetHandler } from './import-target.ts'
import { bureauTarget, contactTarget, statementTarget } from './record-targets.ts'

export const IMPORT_TARGET_HANDLERS: Record<ImportTarget, ImportTargetHandler> = {
  customers: customerTarget,
  contacts: contactTarget,
  statements: statementTarget,
  bureau: bureauTarget,
}
