/** In ascending `sorted`, the index of the first value above `value` (or at least `value` when not `strictly`). */
export function firstIndexAbove(sorted: Float64Array, value: number, strictly: boolean): number {
  let low = 0;
  let high = sorted.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (strictly ? sorted[middle] <= value : sorted[middle] < value) low = middle + 1;
    else high = middle;
  }
  return low;
}
