/**
 * Solves A·x = b for a symmetric positive-definite A (n×n, row-major; only the lower triangle
 * is read) by Cholesky factorisation A = L·Lᵀ. Returns null when A is not positive definite.
 * The systems here are small (one row per model parameter), so a plain O(n³) loop is right.
 */
export function choleskySolve(a: Float64Array, b: Float64Array, n: number): Float64Array | null {
  const l = new Float64Array(n * n)
  for (let i = 0; i < n; i += 1) {
    for (let j = 0; j <= i; j += 1) {
      let sum = a[i * n + j]!
      for (let k = 0; k < j; k += 1) sum -= l[i * n + k]! * l[j * n + k]!
      if (i === j) {
        if (!(sum > 0)) return null
        l[i * n + i] = Math.sqrt(sum)
      } else {
        l[i * n + j] = sum / l[j * n + j]!
      }
    }
  }
  const y = new Float64Array(n)
  for (let i = 0; i < n; i += 1) {
    let sum = b[i]!
    for (let k = 0; k < i; k += 1) sum -= l[i * n + k]! * y[k]!
    y[i] = sum / l[i * n + i]!
  }
  const x = new Float64Array(n)
  for (let i = n - 1; i >= 0; i -= 1) {
    let sum = y[i]!
    for (let k = i + 1; k < n; k += 1) sum -= l[k * n + i]! * x[k]!
    x[i] = sum / l[i * n + i]!
  }
  return x
}
