import { hash, verify } from '@node-rs/argon2'
import { invalidField } from '../../app-error.ts'
import { passwordProblem } from '../../domain/identity/index.ts'

/** argon2id with the library defaults (19 MiB, 2 passes), the OWASP-recommended baseline. */
export async function hashPassword(password: string): Promise<string> {
  const problem = passwordProblem(password)
  if (problem) throw invalidField('password', problem)
  return hash(password)
}

export async function passwordMatches(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password)
  } catch {
    return false
  }
}

// Verified against when the email is unknown, so a wrong email costs as long as a wrong password.
let decoyHash: Promise<string> | undefined
export function decoyPasswordHash(): Promise<string> {
  decoyHash ??= hash('decoy-password-never-used-1')
  return decoyHash
}
