// Trailing moving average: the mean of a value and the (window − 1) values before it. Points without a
// full window get null, so a chart never shows a half-window average as if it were the real one.
export function trailingMovingAverage(values: readonly number[], window: number): (number | null)[] {
  const out: (number | null)[] = [];
  let sum = 0;
  for (let i = 0; i < values.length; i++) {
    sum += values[i];
    if (i >= window) sum -= values[i - window];
    out.push(i >= window - 1 ? sum / window : null);
  }
  return out;
}
