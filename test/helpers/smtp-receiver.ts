import { createServer, type Server, type Socket } from 'node:net'
import type { AddressInfo } from 'node:net'

export type ReceivedEmail = { from: string; to: string[]; headers: Record<string, string>; subject: string; text: string; raw: string }

export type SmtpReceiver = {
  url: string
  received: ReceivedEmail[]
  /** The next n messages to `to` are refused at RCPT TO with 451 (a temporary failure). */
  refuseNext(n: number, to: string): void
  /** How many messages were refused. */
  refused(): number
  close(): Promise<void>
}

/**
 * A tiny in-process SMTP server for tests: greets with 220, answers EHLO/HELO, MAIL, RCPT, DATA
 * (collecting the message until CRLF.CRLF), RSET, NOOP and QUIT, and decodes what nodemailer
 * sends (quoted-printable or base64 bodies, encoded-word subjects).
 */
export async function startSmtpReceiver(): Promise<SmtpReceiver> {
  const received: ReceivedEmail[] = []
  let toRefuse = 0
  let refuseTo = ''
  let refusedCount = 0
  const sockets = new Set<Socket>()
  const server: Server = createServer((socket) => {
    sockets.add(socket)
    socket.on('close', () => sockets.delete(socket))
    socket.setEncoding('utf8')
    let buffer = ''
    let inData = false
    let from = ''
    let to: string[] = []
    const reply = (line: string) => socket.write(`${line}\r\n`)
    reply('220 fengkong-test ESMTP')
    socket.on('data', (chunk: string) => {
      buffer += chunk
      for (;;) {
        if (inData) {
          const end = buffer.indexOf('\r\n.\r\n')
          if (end === -1) return
          const raw = buffer.slice(0, end).replace(/^\.\./gm, '.')
          buffer = buffer.slice(end + 5)
          inData = false
          received.push({ from, to, ...parseMessage(raw), raw })
          reply('250 2.0.0 queued')
          continue
        }
        const eol = buffer.indexOf('\r\n')
        if (eol === -1) return
        const line = buffer.slice(0, eol)
        buffer = buffer.slice(eol + 2)
        const verb = line.slice(0, 4).toUpperCase()
        if (verb === 'EHLO') reply('250-fengkong-test\r\n250-8BITMIME\r\n250 SMTPUTF8')
        else if (verb === 'HELO') reply('250 fengkong-test')
        else if (verb === 'MAIL') {
          from = /<(.*)>/.exec(line)?.[1] ?? ''
          to = []
          reply('250 2.1.0 ok')
        } else if (verb === 'RCPT') {
          const rcpt = /<(.*)>/.exec(line)?.[1] ?? ''
          if (toRefuse > 0 && rcpt === refuseTo) {
            toRefuse -= 1
            refusedCount += 1
            reply('451 4.3.0 try again later')
          } else {
            to.push(rcpt)
            reply('250 2.1.5 ok')
          }
        } else if (verb === 'DATA') {
          inData = true
          reply('354 end with <CRLF>.<CRLF>')
        } else if (verb === 'RSET' || verb === 'NOOP') reply('250 ok')
        else if (verb === 'QUIT') {
          reply('221 bye')
          socket.end()
        } else reply('502 5.5.2 not implemented')
      }
    })
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  return {
    url: `smtp://127.0.0.1:${port}`,
    received,
    refuseNext: (n, address) => {
      toRefuse = n
      refuseTo = address
    },
    refused: () => refusedCount,
    close: () =>
      new Promise((resolve) => {
        for (const socket of sockets) socket.destroy()
        server.close(() => resolve())
      }),
  }
}

function parseMessage(raw: string): { headers: Record<string, string>; subject: string; text: string } {
  const split = raw.indexOf('\r\n\r\n')
  const head = raw.slice(0, split).replace(/\r\n[ \t]+/g, ' ')
  const body = raw.slice(split + 4)
  const headers: Record<string, string> = {}
  for (const line of head.split('\r\n')) {
    const colon = line.indexOf(':')
    if (colon > 0) headers[line.slice(0, colon).toLowerCase()] = line.slice(colon + 1).trim()
  }
  const encoding = (headers['content-transfer-encoding'] ?? '7bit').toLowerCase()
  const text = encoding === 'base64' ? Buffer.from(body.replace(/\s+/g, ''), 'base64').toString('utf8') : encoding === 'quoted-printable' ? decodeQp(body) : body
  return { headers, subject: decodeWords(headers.subject ?? ''), text: text.replace(/\r\n/g, '\n') }
}

function decodeQp(text: string): string {
  const bytes: number[] = []
  const s = text.replace(/=\r?\n/g, '')
  for (let i = 0; i < s.length; i++) {
    const hex = s.slice(i + 1, i + 3)
    if (s[i] === '=' && /^[0-9A-F]{2}$/i.test(hex)) {
      bytes.push(parseInt(hex, 16))
      i += 2
    } else bytes.push(...Buffer.from(s[i]!, 'utf8'))
  }
  return Buffer.from(bytes).toString('utf8')
}

function decodeWords(value: string): string {
  return value
    .replace(/\?=\s+=\?/g, '?==?')
    .replace(/=\?([^?]+)\?([BQ])\?([^?]*)\?=/gi, (_, _charset: string, kind: string, data: string) =>
      kind.toUpperCase() === 'B' ? Buffer.from(data, 'base64').toString('utf8') : decodeQp(data.replace(/_/g, ' ')),
    )
}
