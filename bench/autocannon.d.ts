// The parts of autocannon 9 the benches use (it ships no types; @types/autocannon lags behind).
declare module 'autocannon' {
  type Request = { method?: string; path?: string; headers?: Record<string, string>; body?: string }
  namespace autocannon {
    type Options = {
      url?: string
      method?: string
      headers?: Record<string, string>
      body?: string
      connections?: number
      overallRate?: number
      duration?: number
      requests?: { setupRequest?: (request: Request) => Request }[]
    }
    type Result = {
      requests: { total: number }
      latency: { p50: number; p99: number; max: number }
      non2xx: number
      errors: number
    }
  }
  type Instance = Promise<autocannon.Result> & { on(event: 'response', listener: (client: unknown, statusCode: number, bytes: number, responseTime: number) => void): Instance; on(event: 'reqError', listener: (error: Error) => void): Instance }
  function autocannon(options: autocannon.Options): Instance
  export default autocannon
}
