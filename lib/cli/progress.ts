// A one-line progress bar for long scripts: redrawn in place on a terminal, a line per step in CI logs.

export interface Progress {
  update(done: number, note?: string): void;
  finish(note?: string): void;
}

export function progressBar(label: string, total: number, out: NodeJS.WriteStream = process.stderr): Progress {
  const started = Date.now();
  const interactive = Boolean(out.isTTY);
  let lastPrinted = -1;
  const render = (done: number, note = '') => {
    const ratio = total > 0 ? Math.min(1, done / total) : 1;
    const width = 28;
    const filled = Math.round(ratio * width);
    const seconds = ((Date.now() - started) / 1000).toFixed(1);
    return `${label} [${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${(ratio * 100).toFixed(0).padStart(3)}% ${done.toLocaleString('en-US')}/${total.toLocaleString('en-US')} ${seconds}s ${note}`;
  };
  return {
    update(done, note) {
      if (interactive) {
        out.write(`\r${render(done, note)}\x1b[K`);
        return;
      }
      // Non-interactive: print at most every 10 %, so CI logs stay short.
      const decile = total > 0 ? Math.floor((done / total) * 10) : 10;
      if (decile !== lastPrinted) {
        lastPrinted = decile;
        out.write(`${render(done, note)}\n`);
      }
    },
    finish(note) {
      const line = render(total, note);
      out.write(interactive ? `\r${line}\x1b[K\n` : `${line}\n`);
    },
  };
}
