import { describe, expect, it } from 'vitest';
import { defaultView, hrefFor, parseRoute, viewIds } from './router';

describe('parseRoute', () => {
  it('finds every view by its own link', () => {
    for (const view of viewIds) expect(parseRoute(hrefFor(view))).toEqual({ view, canonical: true });
  });

  it('forgives near misses but asks for the tidy form', () => {
    expect(parseRoute('#models')).toEqual({ view: 'models', canonical: false });
    expect(parseRoute('#/Models/')).toEqual({ view: 'models', canonical: false });
  });

  it('falls back to the default view for empty, unknown or token fragments', () => {
    for (const hash of ['', '#', '#/', '#/nope', '#token=abc', '#/../setup', '#/constructor']) {
      expect(parseRoute(hash)).toEqual({ view: defaultView, canonical: false });
    }
  });
});
