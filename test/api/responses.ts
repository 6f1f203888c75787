import type { LightMyRequestResponse } from 'fastify'
import { expect } from 'vitest'

/** Assertions the API suites share about what a response looks like. */

export type ErrorBody = { code: string; message: string; details: { path: string; message: string }[]; requestId: string }

/**
 * Asserts the response is the error of this status and code, in the one error shape
 * ({"error":{code,message,details,requestId}} and nothing else), and returns the error.
 */
export function expectError(response: LightMyRequestResponse, status: number, code: string): ErrorBody {
  expect(response.statusCode, response.body).toBe(status)
  const body = response.json() as { error: ErrorBody }
  expect(Object.keys(body)).toEqual(['error'])
  expect(Object.keys(body.error).sort()).toEqual(['code', 'details', 'message', 'requestId'])
  expect(body.error.code).toBe(code)
  expect(body.error.message).toEqual(expect.any(String))
  expect(body.error.message.length).toBeGreaterThan(0)
  expect(Array.isArray(body.error.details)).toBe(true)
  expect(body.error.requestId).toBe(response.headers['x-request-id'])
  return body.error
}

/** The distinct field paths a 400 names, sorted. */
export function detailPaths(response: LightMyRequestResponse): string[] {
  const paths = expectError(response, 400, 'validation_failed').details.map((detail) => detail.path)
  return [...new Set(paths)].sort()
}

/** Every Set-Cookie header of the response. */
export function setCookies(response: LightMyRequestResponse): string[] {
  const header = response.headers['set-cookie']
  return header === undefined ? [] : [header].flat()
}

/** A body must never carry a password, a password hash or a stored key hash, under any name. */
export function expectNoSecrets(response: LightMyRequestResponse, ...secrets: string[]): void {
  for (const secret of secrets) expect(response.body).not.toContain(secret)
  expect(response.body).not.toContain('$argon2')
  expect(response.body).not.toMatch(/password_?hash|key_?hash/i)
}
