// Which prompt-attack rows the injection model may learn from (the held-out
// part is chosen by near-duplicate group, in holdout-groups.ts).

/** Sources whose licence permits training (data README): MIT, or MIT repo over ODC-BY data. */
export const trainableSources: ReadonlySet<string> = new Set([
  'jailbreak_llms',
  'jailbreakbench',
  'giskard',
  'notinject',
  'wildguard_benign',
]);
