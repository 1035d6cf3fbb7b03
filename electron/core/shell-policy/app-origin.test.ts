// The app-origin check, including the spellings that only look like it.
import { describe, expect, it } from 'vitest';
import { appEntryUrl, appOrigin, isAppUrl } from './app-origin';

describe('isAppUrl', () => {
  it.each([appOrigin, `${appOrigin}/`, appEntryUrl, 'app://airlock/assets/x.js?v=1#top', 'APP://airlock/x'])(
    'accepts %s',
    (url) => expect(isAppUrl(url)).toBe(true),
  );

  it.each([
    'app://airlock.evil/',
    'app://airlock@evil/',
    'app://evil@airlock/',
    'app://:x@airlock/',
    'app://airlock:8080/',
    'app://AIRLOCK/',
    'app://air%6cock/',
    'app:airlock/',
    'app:///airlock',
    'https://airlock/',
    'http://airlock/',
    'file:///airlock',
    'app://evil/airlock',
    'appx://airlock/',
    'null',
    '',
    'not a url',
  ])('refuses %s', (url) => expect(isAppUrl(url)).toBe(false));

  it('refuses non-strings', () => {
    expect(isAppUrl(undefined)).toBe(false);
    expect(isAppUrl(null)).toBe(false);
    expect(isAppUrl({ toString: () => appOrigin })).toBe(false);
  });
});
