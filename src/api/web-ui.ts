import { existsSync, statSync } from 'node:fs'
import { extname, join, resolve, sep } from 'node:path'
import { fileURLToPath } from 'node:url'
import fastifyStatic from '@fastify/static'
import type { FastifyPluginAsync, FastifyReply } from 'fastify'
import { AppError } from '../app-error.ts'

/** web/dist of this checkout: the same two levels up from src/api/ and from dist/api/. */
export const WEB_DIST = fileURLToPath(new URL('../../web/dist', import.meta.url))

export type WebUiOptions = {
  /** The built web UI (vite build output); when it has no index.html, `/` explains how to build it. */
  root?: string
}

const NOT_BUILT_PAGE = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Fengkong</title></head>
<body style="font-family: sans-serif; max-width: 40em; margin: 4em auto; line-height: 1.5">
<h1>Fengkong (风控)</h1>
<p>The API is running, but the web UI has not been built yet.</p>
<p>Build it with <code>npm run build:web</code> (or start with <code>npm start</code>, which builds it when missing), then reload this page.</p>
<p>The API documentation is at <a href="/api/docs">/api/docs</a>.</p>
</body></html>
`

/**
 * Serves the single-page web UI from the same port as the API. Every GET outside /api is
 * public: a file of the build when there is one, else index.html, and the browser's router
 * takes over. GET /api/… that no API route claims stays the API's own answer: 401 to a
 * caller without credentials, a JSON 404 to one with them.
 */
export const webUi: FastifyPluginAsync<WebUiOptions> = async function webUi(app, { root = WEB_DIST } = {}) {
  const isBuilt = existsSync(join(root, 'index.html'))
  if (isBuilt) await app.register(fastifyStatic, { root, serve: false })

  app.get('/api/*', { config: { access: 'authenticated' }, schema: { hide: true } }, async (request) => {
    throw new AppError('not_found', `no route ${request.method} ${request.url.split('?')[0]}`)
  })

  app.get('/*', { config: { access: 'public' }, schema: { hide: true } }, async (request, reply) => {
    const path = request.url.split('?')[0]!
    if (path === '/api') throw new AppError('not_found', `no route ${request.method} ${path}`)
    reply.header('x-content-type-options', 'nosniff').header('referrer-policy', 'same-origin').header('x-frame-options', 'DENY')
    if (!isBuilt) return reply.type('text/html; charset=utf-8').send(NOT_BUILT_PAGE)
    const file = builtFileAt(root, path)
    if (file) return sendAsset(reply, file)
    // A path with a file extension names an asset, which must not turn into HTML.
    if (extname(path) !== '') throw new AppError('not_found', `no file ${path}`)
    return reply.header('cache-control', 'no-cache').sendFile('index.html', { cacheControl: false })
  })
}

/** The file under root that a URL path names, relative to root, or null. */
function builtFileAt(root: string, urlPath: string): string | null {
  let decoded: string
  try {
    decoded = decodeURIComponent(urlPath)
  } catch {
    return null
  }
  const absolute = resolve(root, `.${decoded}`)
  if (!absolute.startsWith(resolve(root) + sep)) return null
  try {
    return statSync(absolute).isFile() ? absolute.slice(resolve(root).length + 1) : null
  } catch {
    return null
  }
}

function sendAsset(reply: FastifyReply, file: string) {
  // Vite names what it builds under assets/ by content hash: such a file never changes.
  const isHashed = file.startsWith(`assets${sep}`)
  reply.header('cache-control', isHashed ? 'public, max-age=31536000, immutable' : 'no-cache')
  return reply.sendFile(file, { cacheControl: false })
}
