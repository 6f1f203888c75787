/** One field the server named in an error: `registrationId`, `industry.code`, `customFields.riskRegion`. */
export type ErrorDetail = { path: string; message: string }

/** An error answer of the API: {"error":{"code","message","details":[{"path","message"}]}}. */
export class ApiError extends Error {
  readonly status: number
  readonly code: string
  readonly details: ErrorDetail[]

  constructor(status: number, code: string, message: string, details: ErrorDetail[] = []) {
    super(message)
    this.name = 'ApiError'
    this.status = status
    this.code = code
    this.details = details
  }
}

export type ApiRequest = {
  method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE'
  /** Sent as JSON. */
  json?: unknown
  /** Sent as it is (a file upload), with its own content type. */
  body?: Blob
  signal?: AbortSignal
}

/** Calls the API with the session cookie; resolves to the JSON answer, or undefined for 204. */
export async function api<T>(path: string, { method = 'GET', json, body, signal }: ApiRequest = {}): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json' }
  if (json !== undefined) headers['content-type'] = 'application/json'
  if (body !== undefined) headers['content-type'] = body.type || 'application/octet-stream'
  const response = await fetch(path, {
    method,
    headers,
    body: json !== undefined ? JSON.stringify(json) : body,
    credentials: 'same-origin',
    signal,
  })
  if (response.status === 204) return undefined as T
  const payload: unknown = await response.json().catch(() => null)
  if (!response.ok) throw toApiError(response.status, payload)
  return payload as T
}

function toApiError(status: number, payload: unknown): ApiError {
  const error = (payload as { error?: { code?: string; message?: string; details?: ErrorDetail[] } } | null)?.error
  return new ApiError(status, error?.code ?? 'internal', error?.message ?? `HTTP ${status}`, error?.details ?? [])
}

/** A query string of the values that are set, in the order given. */
export function queryString(params: Record<string, string | number | undefined | null>): string {
  const search = new URLSearchParams()
  for (const [key, value] of Object.entries(params)) {
    if (value !== undefined && value !== null && value !== '') search.set(key, String(value))
  }
  const text = search.toString()
  return text ? `?${text}` : ''
}
