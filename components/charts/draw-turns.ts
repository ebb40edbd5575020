// Charts take turns to draw their first frame, one per browser task. A dashboard mounts half a dozen
// charts at once; drawn in one go, their Plotly layouts are a single task of several hundred
// milliseconds in which the page cannot answer a click or a key. One at a time, each in its own task,
// the page stays responsive between them and the first chart appears as soon as it is drawn.

interface Turn {
  start: () => void;
  timer?: ReturnType<typeof setTimeout>;
  done: boolean;
}

// A chart that never reports back (an error inside Plotly) must not hold the others back.
const LONGEST_TURN_MS = 2_000;

const waiting: Turn[] = [];
let drawing: Turn | null = null;

function advance() {
  if (drawing) return;
  const turn = waiting.shift();
  if (!turn) return;
  drawing = turn;
  turn.timer = setTimeout(() => end(turn), LONGEST_TURN_MS);
  setTimeout(() => {
    if (!turn.done) turn.start();
  }, 0);
}

function end(turn: Turn) {
  if (turn.done) return;
  turn.done = true;
  clearTimeout(turn.timer);
  const at = waiting.indexOf(turn);
  if (at >= 0) waiting.splice(at, 1);
  if (drawing === turn) {
    drawing = null;
    advance();
  }
}

/** Queues a first draw: `start` runs in a task of its own when the turn comes; call the returned function once drawn (or gone). */
export function queueDraw(start: () => void): () => void {
  const turn: Turn = { start, done: false };
  waiting.push(turn);
  advance();
  return () => end(turn);
}
