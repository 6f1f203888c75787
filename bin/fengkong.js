#!/usr/bin/env node
// Runs the CLI from source (through tsx) in a checkout, or from dist/ in an installed package.
import { existsSync } from 'node:fs'
import { fileURLToPath } from 'node:url'

const source = new URL('../src/cli/main.ts', import.meta.url)
if (existsSync(fileURLToPath(source))) {
  const { register } = await import('tsx/esm/api')
  register()
  await import(source.href)
} else {
  await import(new URL('../dist/cli/main.js', import.meta.url).href)
}
