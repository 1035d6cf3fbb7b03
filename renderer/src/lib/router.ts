// Hash routing for the views: `#/setup`. Pure parsing here; the React hook
// that follows the address bar lives in use-route.ts.

export const viewIds = ['chat', 'security', 'monitor', 'models', 'family', 'audit', 'setup'] as const;
export type ViewId = (typeof viewIds)[number];

/** Setup is the one view with something to show until the model runtimes arrive. */
export const defaultView: ViewId = 'setup';

export const isViewId = (value: unknown): value is ViewId =>
  typeof value === 'string' && (viewIds as readonly string[]).includes(value);

/** `#/models`, `#models`, `#/models/` and `#/Models` all mean Models; anything else is the default view. */
export function parseRoute(hash: string): { view: ViewId; canonical: boolean } {
  const raw = hash.replace(/^#/, '');
  const name = raw.replace(/^\/+/, '').replace(/\/+$/, '').toLowerCase();
  const view = isViewId(name) ? name : defaultView;
  return { view, canonical: raw === `/${view}` };
}

export const hrefFor = (view: ViewId): string => `#/${view}`;
