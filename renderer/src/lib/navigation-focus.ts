// After the user picks a view, focus moves to its heading so screen readers
// announce where they are; on first load focus stays where the browser put it.
let pending = false;

export function markNavigated(): void {
  pending = true;
}

/** True once per navigation, for the first heading that mounts after it. */
export function takeNavigated(): boolean {
  const was = pending;
  pending = false;
  return was;
}
