/**
 * The one permission matrix. Every route names the permission it needs and the server
 * checks it against the caller's role; the web UI only hides what the server would refuse.
 */
export const ROLES = ['admin', 'risk_manager', 'analyst', 'viewer'] as const
export type Role = (typeof ROLES)[number]

export const PERMISSIONS = {
  'users.manage': 'Create, edit and deactivate users',
  'teams.manage': 'Create, edit and delete teams',
  'apiKeys.manage': 'Issue and revoke API keys',
  'audit.read': 'Read and verify the audit ledger',
  'customers.read': 'See customers and everything known about them',
  'customers.write': 'Create and edit customers, contacts, interactions, statements, bureau records, contracts and documents',
  'customers.delete': 'Delete customers and their records',
  'customFields.manage': 'Define the custom fields customers carry',
  'imports.run': 'Import and export files of customers and their records',
  'riskSettings.manage': 'Define expert questionnaires and the industry risk table',
  'ratings.override': 'Override the grade of an assessment, with a justification',
  'models.train': 'Train credit scorecards from a file into the model registry',
  'models.approve': 'Approve and retire scorecards, and score the whole portfolio with one',
  'activity.ingest': 'Send transactions, invoices and payments to the monitoring engine (integrations, imports)',
  'rules.manage': 'Write early-warning rules and move them between draft, shadow, active and retired',
  'alerts.work': 'Work alerts and cases: close a case with a disposition and a note',
  'controls.lift': 'Lift a credit hold an alert placed on a customer, with a note',
  'controls.decide': 'Accept or reject the credit-limit cuts the controls propose (accepting changes the contract’s limit)',
  'webhooks.manage': 'Register and delete the webhooks notifications are sent to, and read their delivery log',
  'policy.manage': 'Draft risk policy versions, submit them for approval, run them over the portfolio (what-if) and read who has attested',
  'policy.approve': 'Approve (activate) or reject a risk policy version someone else drafted',
  'approvals.decide': 'Approve or reject approval requests routed to your role (never your own)',
  'reviews.manage': 'Complete periodic customer reviews with their outcome',
  'reviews.schedule': 'Run the periodic review scheduler now',
} as const
export type Permission = keyof typeof PERMISSIONS

const MATRIX: Record<Role, readonly Permission[]> = {
  admin: ['users.manage', 'teams.manage', 'apiKeys.manage', 'audit.read', 'customers.read', 'customers.write', 'customers.delete', 'customFields.manage', 'imports.run', 'riskSettings.manage', 'ratings.override', 'models.train', 'models.approve', 'activity.ingest', 'rules.manage', 'alerts.work', 'controls.lift', 'controls.decide', 'webhooks.manage', 'policy.manage', 'policy.approve', 'approvals.decide', 'reviews.manage', 'reviews.schedule'],
  risk_manager: ['audit.read', 'customers.read', 'customers.write', 'customers.delete', 'imports.run', 'riskSettings.manage', 'ratings.override', 'models.train', 'models.approve', 'activity.ingest', 'rules.manage', 'alerts.work', 'controls.lift', 'controls.decide', 'policy.manage', 'policy.approve', 'approvals.decide', 'reviews.manage'],
  analyst: ['customers.read', 'customers.write', 'imports.run', 'ratings.override', 'models.train', 'activity.ingest', 'alerts.work', 'reviews.manage'],
  viewer: ['customers.read'],
}

export function isRole(value: string): value is Role {
  return (ROLES as readonly string[]).includes(value)
}

export function roleHasPermission(role: Role, permission: Permission): boolean {
  return MATRIX[role].includes(permission)
}

export function permissionsOf(role: Role): Permission[] {
  return [...MATRIX[role]]
}
