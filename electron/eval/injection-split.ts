// Which prompt-attack rows the injection model may learn from, and which part
// of dev is held out for honest figures. Shared by the training script and by
// anyone re-measuring the held-out part.
import { hash } from '../../shared/guard/injection/features';

/** Sources whose licence permits training (data README): MIT, or MIT repo over ODC-BY data. */
export const trainableSources: ReadonlySet<string> = new Set([
  'jailbreak_llms',
  'jailbreakbench',
  'giskard',
  'notinject',
  'wildguard_benign',
]);

/** Salted hash of the row id: the same rows stay held out on every run and every machine. */
export function isHeldOut(id: string, fraction: number): boolean {
  return (hash('airlock-holdout:' + id) % 1000) / 1000 < fraction;
}
