/** Who is making a change, as the audit ledger records it. */
export type Actor = { kind: 'user'; userId: string } | { kind: 'cli'; name: string } | { kind: 'system' }

export function actorLabel(actor: Actor): string {
  switch (actor.kind) {
    case 'user':
      return `user:${actor.userId}`
    case 'cli':
      return `cli:${actor.name}`
    case 'system':
      return 'system'
  }
}
