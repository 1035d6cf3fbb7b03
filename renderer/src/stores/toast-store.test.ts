import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ApiError } from '../api';
import { infoToastMs, useToasts } from './toast-store';

beforeEach(() => {
  vi.useFakeTimers();
  useToasts.setState({ toasts: [] });
});
afterEach(() => vi.useRealTimers());

describe('toast store', () => {
  it('keeps errors until dismissed and lets confirmations go by themselves', () => {
    const { show, showError } = useToasts.getState();
    show('info', 'Copied.');
    showError(new ApiError('unavailable', 'Docker is not running.'));
    vi.advanceTimersByTime(infoToastMs);
    const [only] = useToasts.getState().toasts;
    expect(only).toMatchObject({ tone: 'error', message: 'Docker is not running.' });
    useToasts.getState().dismiss(only!.id);
    expect(useToasts.getState().toasts).toEqual([]);
  });

  it('does not stack the same sentence, nor more than a few', () => {
    const { show } = useToasts.getState();
    show('error', 'Same.');
    show('error', 'Same.');
    for (let i = 0; i < 10; i++) show('error', `Error ${i}.`);
    expect(useToasts.getState().toasts.map((t) => t.message)).toEqual([
      'Error 6.',
      'Error 7.',
      'Error 8.',
      'Error 9.',
    ]);
  });
});
