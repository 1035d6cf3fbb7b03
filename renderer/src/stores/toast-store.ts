// Short messages at the corner of the window. Errors stay until dismissed
// (people read at their own pace); confirmations leave by themselves.
import { create } from 'zustand';
import { errorSentence } from '../api';

export type ToastTone = 'error' | 'info';

export interface Toast {
  id: number;
  tone: ToastTone;
  message: string;
}

interface ToastState {
  toasts: Toast[];
  show: (tone: ToastTone, message: string) => void;
  /** Shows any failure as a sentence, never a stack. */
  showError: (error: unknown) => void;
  dismiss: (id: number) => void;
}

export const infoToastMs = 5000;
/** More than this and the oldest give way: a burst of failures must not bury the window. */
const maxToasts = 4;
let nextId = 1;

export const useToasts = create<ToastState>()((set, get) => ({
  toasts: [],
  show(tone, message) {
    // The same sentence twice in a row says nothing new.
    if (get().toasts.some((toast) => toast.message === message)) return;
    const id = nextId++;
    set(({ toasts }) => ({ toasts: [...toasts, { id, tone, message }].slice(-maxToasts) }));
    if (tone === 'info') setTimeout(() => get().dismiss(id), infoToastMs);
  },
  showError(error) {
    get().show('error', errorSentence(error));
  },
  dismiss(id) {
    set(({ toasts }) => ({ toasts: toasts.filter((toast) => toast.id !== id) }));
  },
}));
