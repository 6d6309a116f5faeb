/**
 * "1 repository", "2 repositories", "0 errors": a count with its noun in the
 * right number. `many` defaults to the noun plus "s".
 */
export function plural(n: number, one: string, many = `${one}s`): string {
  return `${n.toLocaleString("en-US")} ${n === 1 ? one : many}`;
}
