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
  function autocannon(options: autocannon.Options): Promise<autocannon.Result>
  export default autocannon
}
