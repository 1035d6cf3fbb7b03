import { describe, expect, it, vi } from 'vitest';
import { takeToken, tokenFromHash, tokenStorageKey, watchForNewToken } from './hash-token';

const token = 'A'.repeat(20) + '_-' + 'b'.repeat(21); // 43 characters, like serve's

function place(hash: string, stored?: string) {
  const data = new Map<string, string>(stored ? [[tokenStorageKey, stored]] : []);
  const storage = {
    getItem: (key: string) => data.get(key) ?? null,
    setItem: (key: string, value: string) => void data.set(key, value),
    removeItem: (key: string) => void data.delete(key),
  };
  const history = { state: { kept: true }, replaceState: vi.fn() };
  return { location: { hash, pathname: '/', search: '' }, history, storage, data };
}

describe('tokenFromHash', () => {
  it('reads a well-formed token', () => {
    expect(tokenFromHash(`#token=${token}`)).toEqual({ present: true, token });
  });
  it('notices a malformed token without accepting it', () => {
    expect(tokenFromHash('#token=short')).toEqual({ present: true });
    expect(tokenFromHash('#token=')).toEqual({ present: true });
  });
  it('treats routes as routes', () => {
    expect(tokenFromHash('#/setup')).toEqual({ present: false });
    expect(tokenFromHash('')).toEqual({ present: false });
  });
});

describe('takeToken', () => {
  it('keeps a fresh token for the tab and wipes it from the address bar', () => {
    const p = place(`#token=${token}`);
    expect(takeToken(p)).toBe(token);
    expect(p.data.get(tokenStorageKey)).toBe(token);
    expect(p.history.replaceState).toHaveBeenCalledWith({ kept: true }, '', '/');
  });

  it('lets a reload use the stored token', () => {
    const p = place('#/models', token);
    expect(takeToken(p)).toBe(token);
    expect(p.history.replaceState).not.toHaveBeenCalled();
  });

  it('prefers a fresh token over a stored one', () => {
    const fresh = 'z'.repeat(43);
    const p = place(`#token=${fresh}`, token);
    expect(takeToken(p)).toBe(fresh);
    expect(p.data.get(tokenStorageKey)).toBe(fresh);
  });

  it('wipes a malformed token too, and falls back to none', () => {
    const p = place('#token=nope');
    expect(takeToken(p)).toBeUndefined();
    expect(p.history.replaceState).toHaveBeenCalled();
  });

  it('survives storage that throws', () => {
    const p = place(`#token=${token}`);
    p.storage.setItem = () => {
      throw new Error('quota');
    };
    expect(takeToken(p)).toBe(token);
    expect(takeToken({ ...p, storage: undefined, location: { ...p.location, hash: '' } })).toBeUndefined();
  });
});

describe('watchForNewToken', () => {
  it('stores a token pasted into an open tab and reloads; ignores route changes', () => {
    const p = place('#/setup');
    let onHash = () => undefined as void;
    const reload = vi.fn();
    watchForNewToken(
      { ...p, addEventListener: ((_: string, l: () => void) => (onHash = l)) as never },
      reload,
    );
    onHash();
    expect(reload).not.toHaveBeenCalled();
    p.location.hash = `#token=${token}`;
    onHash();
    expect(reload).toHaveBeenCalledOnce();
    expect(p.data.get(tokenStorageKey)).toBe(token);
  });
});
