// Who may talk to the core over IPC (EL-05; Electron security checklist item
// 17): Airlock's own top frame, nothing else. Takes plain data so the IPC
// binding passes `event.senderFrame` through and tests need no Electron.
import { isAppUrl } from './app-origin';

/** What the binding reads off `event.senderFrame` (null when the frame is gone). */
export interface SenderFrame {
  readonly url: string;
  /** True for the top frame (`frame.parent === null`). */
  readonly isMainFrame: boolean;
}

export type SenderVerdict = { ok: true } | { ok: false; reason: 'no_frame' | 'sub_frame' | 'foreign_origin' };

export function validateSender(frame: SenderFrame | null | undefined): SenderVerdict {
  // A navigated-away or destroyed frame has no senderFrame: nobody to trust.
  if (!frame) return { ok: false, reason: 'no_frame' };
  if (frame.isMainFrame !== true) return { ok: false, reason: 'sub_frame' };
  if (!isAppUrl(frame.url)) return { ok: false, reason: 'foreign_origin' };
  return { ok: true };
}
