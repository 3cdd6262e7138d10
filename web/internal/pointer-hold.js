// A small controller for elements whose layout may change when a field loses the focus:
// while a pointer is pressed inside the host, work handed to `defer()` waits until the press
// is over and its click dispatched, so nothing moves between mouse-down and mouse-up (the
// classic "first click lost" when an error appears on blur and pushes the button away).
const HOLD_MAX_MS = 1500;

export class PointerHoldController {
  #held = false;
  #queue = new Map(); // key -> fn (one per key: the latest wins)

  /** @param {EventTarget} root where presses count (e.g. the shadow root) */
  constructor(root) {
    root.addEventListener('pointerdown', () => this.#hold());
  }

  get held() { return this.#held; }

  /** Runs `fn` now, or once the current press is over (one pending run per `key`). */
  defer(key, fn) {
    if (!this.#held) {
      fn();
      return;
    }
    this.#queue.delete(key);
    this.#queue.set(key, fn);
  }

  #hold() {
    if (this.#held) return;
    this.#held = true;
    let safety = null;
    const release = () => {
      globalThis.removeEventListener?.('pointerup', release, true);
      globalThis.removeEventListener?.('pointercancel', release, true);
      clearTimeout(safety);
      // A task later: the click (dispatched right after pointerup) has happened by then.
      setTimeout(() => {
        this.#held = false;
        const queued = [...this.#queue.values()];
        this.#queue.clear();
        for (const fn of queued) fn();
      }, 0);
    };
    globalThis.addEventListener?.('pointerup', release, true);
    globalThis.addEventListener?.('pointercancel', release, true);
    // A press whose release never reaches the page (a native select's popup) lets go anyway.
    safety = setTimeout(release, HOLD_MAX_MS);
  }
}
