import cliProgress from 'cli-progress'

export type Progress = { update(done: number, total: number): void; stop(): void }

/**
 * A progress bar on stderr when a person is watching (a TTY); otherwise a plain line every
 * few seconds, so logs of scripted runs stay readable.
 */
export function createProgress(label: string): Progress {
  if (process.stderr.isTTY) {
    const bar = new cliProgress.SingleBar(
      { format: `${label} [{bar}] {percentage}% | {value}/{total} | {eta_formatted} left`, stream: process.stderr, hideCursor: true },
      cliProgress.Presets.shades_classic,
    )
    let started = false
    return {
      update(done, total) {
        if (!started) {
          bar.start(total, done)
          started = true
        } else bar.update(done)
      },
      stop: () => started && bar.stop(),
    }
  }
  let last = 0
  return {
    update(done, total) {
      const now = Date.now()
      if (now - last > 3000 || done === total) {
        last = now
        process.stderr.write(`${label}: ${done}/${total}\n`)
      }
    },
    stop() {},
  }
}
