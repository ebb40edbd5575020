// When a server-rendered page has finished arriving. React streams each Suspense boundary's content into
// a hidden <div id="S:…"> at the end of the document and a script then moves it into place — since React
// 19.2 batched onto an animation frame or a timer, so after the stream ends and even after `load`. A
// router.refresh() in that window renders the boundaries again while their streamed copies still wait to
// be revealed, and the page briefly shows a tile twice. So live refreshes wait for this.

const POLL_MS = 50;

function settled(): boolean {
  return document.readyState === 'complete' && document.querySelector('div[hidden][id^="S:"]') === null;
}

/** Calls `callback` once the document has loaded and every streamed boundary is in place; returns a cancel. */
export function whenPageSettled(callback: () => void): () => void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const check = () => {
    if (settled()) callback();
    else timer = setTimeout(check, POLL_MS);
  };
  check();
  return () => clearTimeout(timer);
}
