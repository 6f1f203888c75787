/**
 * China's unified social credit code (统一社会信用代码, GB 32100-2015): 18 characters from a
 * 31-character alphabet (no I, O, S, V, Z). The last is a check character over the first 17,
 * weighted by 3^i mod 31. Characters 9–17 are a GB 11714 organisation code; its own check
 * digit is not enforced, since codes in circulation do not all honour it.
 */
const ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY'
const WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28]

/** Why the code is not a valid unified social credit code, or null when it is. */
export function unifiedSocialCreditCodeProblem(code: string): string | null {
  if (code.length !== 18) return `must be 18 characters, got ${code.length}`
  const upper = code.toUpperCase()
  for (let i = 0; i < 18; i += 1) {
    if (!ALPHABET.includes(upper[i]!)) return `character ${i + 1} ("${code[i]}") is not allowed in a unified social credit code`
  }
  if (!/^\d{6}$/.test(upper.slice(2, 8))) return 'characters 3–8 must be the digits of an administrative division code'
  if (upper[17] !== checkCharacter(upper.slice(0, 17))) return `check character should be ${checkCharacter(upper.slice(0, 17))}, not ${upper[17]}`
  return null
}

export function checkCharacter(first17: string): string {
  let sum = 0
  for (let i = 0; i < 17; i += 1) sum += ALPHABET.indexOf(first17[i]!) * WEIGHTS[i]!
  return ALPHABET[(31 - (sum % 31)) % 31]!
}

/** Completes 17 leading characters into a valid code: for generating demo data and test fixtures. */
export function completeUnifiedSocialCreditCode(first17: string): string {
  return first17 + checkCharacter(first17)
}
