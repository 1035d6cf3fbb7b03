// The injection filter's public face: detector, thresholds and the canary tools.
export {
  detectInjection,
  scoreInjection,
  injectionThresholds,
  decisionThreshold,
  injectionVersion,
} from './detect';
export type { Profile, TextSource, InjectionOptions, InjectionScore, Signal } from './detect';
export { canaryLeaked, hardenedSystemPrompt, makeCanary } from './canary';
export type { SignalFamily } from './signals';
