// Keeps a chart's toolbar (Plotly's modebar buttons) out of the page's tab order until the chart itself
// is focused, so Tab walks from chart to chart instead of through five zoom buttons each. Focusing the
// chart (it is one tab stop) lets the next Tab reach its toolbar; leaving the chart takes them out again.
// Plotly rebuilds its buttons on updates, so new ones are caught as they are added.

const BUTTONS = '.modebar-btn';

function setTabbable(root: HTMLElement, tabbable: boolean) {
  root.querySelectorAll<HTMLElement>(BUTTONS).forEach((button) => {
    const value = tabbable ? '0' : '-1';
    if (button.getAttribute('tabindex') !== value) button.setAttribute('tabindex', value);
  });
}

/** A callback ref for the chart's figure element; React calls the returned cleanup when it goes. */
export function modebarTabOrder(root: HTMLElement | null): (() => void) | undefined {
  if (!root) return undefined;
  const focused = () => root.contains(document.activeElement);
  setTabbable(root, focused());
  // Only attributes this sets, never its own changes, can re-trigger it: setTabbable skips equal values.
  const observer = new MutationObserver(() => setTabbable(root, focused()));
  observer.observe(root, { childList: true, subtree: true });
  const onFocusIn = () => setTabbable(root, true);
  const onFocusOut = (event: FocusEvent) => {
    if (!root.contains(event.relatedTarget as Node | null)) setTabbable(root, false);
  };
  root.addEventListener('focusin', onFocusIn);
  root.addEventListener('focusout', onFocusOut);
  return () => {
    observer.disconnect();
    root.removeEventListener('focusin', onFocusIn);
    root.removeEventListener('focusout', onFocusOut);
  };
}
