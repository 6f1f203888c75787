import { defineConfig } from 'vitest/config'

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // PostgreSQL round trips and argon2 hashing make some tests slower than a unit test.
    testTimeout: 30_000,
    hookTimeout: 30_000,
    pool: 'forks',
  },
})
