import { defineConfig } from 'vitest/config'

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    environment: 'node',
    globalSetup: ['test/helpers/temp-root.ts'],
    testTimeout: 120_000,
    hookTimeout: 180_000,
    // Tests parse real PDFs and spawn worker threads and browsers: keep runs predictable on 2 cores.
    pool: 'forks',
    maxWorkers: 2,
    reporters: ['default'],
    // Browser tests poll the page; a loaded CI machine may need seconds, not the default one.
    expect: { poll: { timeout: 20_000 } }
  }
})
