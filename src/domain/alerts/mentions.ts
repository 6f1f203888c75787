/**
 * The @mentions of a comment: `@handle` where the handle is a user's e-mail address or the
 * part of it before the @ (`@li.lei` or `@li.lei@bank.cn`). An @ right after a Latin letter, digit
 * or dot is part of an address, not a mention (`write to ops@bank.cn` mentions nobody); after
 * Chinese text it is one (`请@zhang核实`). Handles
 * are lower-cased, unique, in the order they first appear; a trailing dot or dash (the end of
 * a sentence) is not part of a handle.
 */
export function parseMentions(text: string): string[] {
  const handles: string[] = []
  for (const match of text.matchAll(/(?<![A-Za-z0-9_.+@-])@([A-Za-z0-9_.+-]+(?:@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+)?)/gu)) {
    const handle = match[1]!.replace(/[.-]+$/, '').toLowerCase()
    if (handle !== '' && !handles.includes(handle)) handles.push(handle)
  }
  return handles
}

export type MentionableUser = { id: string; email: string }

/**
 * The users the handles name: a full address names the user with that address; a bare
 * handle names the one user whose address starts with it, and nobody when it is ambiguous.
 * Returns user ids, unique, in the order of the handles.
 */
export function resolveMentions(handles: readonly string[], users: readonly MentionableUser[]): string[] {
  const ids: string[] = []
  for (const handle of handles) {
    const matches = handle.includes('@') ? users.filter((u) => u.email.toLowerCase() === handle) : users.filter((u) => u.email.toLowerCase().split('@')[0] === handle)
    if (matches.length === 1 && !ids.includes(matches[0]!.id)) ids.push(matches[0]!.id)
  }
  return ids
}
