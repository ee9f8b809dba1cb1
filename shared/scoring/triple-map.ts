/**
 * A map keyed by three numbers, e.g. a customer's (x, t_x, T). Nested maps rather than a string
 * key: turning fractions like 30.428571428571427 into strings is what made string keys slow.
 */
export class TripleMap<V> {
  private readonly root = new Map<number, Map<number, Map<number, V>>>();

  get(a: number, b: number, c: number): V | undefined {
    return this.root.get(a)?.get(b)?.get(c);
  }

  set(a: number, b: number, c: number, value: V): void {
    let byB = this.root.get(a);
    if (!byB) this.root.set(a, (byB = new Map()));
    let byC = byB.get(b);
    if (!byC) byB.set(b, (byC = new Map()));
    byC.set(c, value);
  }
}
