import { defineConfig } from 'vitest/config'

export default defineConfig({
  test: {
    // test/: the server, the CLI and the browser (test/e2e); web/src: the web UI's own tests, beside its code.
    include: ['test/**/*.test.ts', 'web/src/**/*.test.{ts,tsx}'],
    // PostgreSQL round trips and argon2 hashing make some tests slower than a unit test.
    testTimeout: 30_000,
    hookTimeout: 30_000,
    pool: 'forks',
  },
})
