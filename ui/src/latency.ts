// Records how long each keystroke in the body takes to reach the screen, as `key-to-paint`
// performance measures (read by the typing benchmark; cheap enough to leave on).
const MAX_KEPT = 2000;

export function measureKeyToPaint(target: HTMLElement) {
  target.addEventListener("keydown", () => {
    const start = performance.now();
    // The frame after the next animation frame callback is the one that shows the keystroke.
    requestAnimationFrame(() => setTimeout(() => {
      if (performance.getEntriesByName("key-to-paint").length >= MAX_KEPT) {
        performance.clearMeasures("key-to-paint");
      }
      performance.measure("key-to-paint", { start, end: performance.now() });
    }, 0));
  }, { capture: true });
}
