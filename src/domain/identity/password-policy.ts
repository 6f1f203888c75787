/** Returns why a password is refused, or null when it is acceptable. */
export function passwordProblem(password: string): string | null {
  if (password.length < 8) return 'must be at least 8 characters'
  if (password.length > 256) return 'must be at most 256 characters'
  if (!/[A-Za-z]/.test(password) || !/[^A-Za-z]/.test(password)) return 'must mix letters with digits or symbols'
  return null
}
