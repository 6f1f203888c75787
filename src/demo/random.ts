import { mulberry32 } from '../domain/random/index.ts'

/** Draws for the demo generator, on the seeded mulberry32 so a seed always gives the same portfolio. */
export type Random = {
  next(): number
  int(min: number, max: number): number
  between(min: number, max: number): number
  pick<T>(items: readonly T[]): T
  chance(probability: number): boolean
  normal(mean: number, sd: number): number
  digits(count: number): string
}

export function createRandom(seed: number): Random {
  const next = mulberry32(seed)
  const random: Random = {
    next,
    int: (min, max) => min + Math.floor(next() * (max - min + 1)),
    between: (min, max) => min + next() * (max - min),
    pick: (items) => items[Math.floor(next() * items.length)]!,
    chance: (probability) => next() < probability,
    normal: (mean, sd) => {
      const u = 1 - next()
      const v = next()
      return mean + sd * Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v)
    },
    digits: (count) => Array.from({ length: count }, () => Math.floor(next() * 10)).join(''),
  }
  return random
}
