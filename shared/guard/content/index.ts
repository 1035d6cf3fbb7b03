// The family-safe content filter's public face: whole messages, streamed
// answers, and the optional safety model's prompts, parsing and merge.
export {
  checkContent,
  contentFilterVersion,
  type ContentOptions,
  type ContentVerdict,
} from './content-filter';
export {
  ContentStreamFilter,
  filterTokenStream,
  type ExtraCheck,
  type StreamFilterOptions,
  type StreamStep,
  type StreamStop,
} from './stream-filter';
export {
  guardModelCategories,
  llamaGuardCategories,
  llamaGuardPrompt,
  llamaGuardToAirlock,
  mergeGuardModel,
  parseLlamaGuard,
  parseShieldGemma,
  shieldGemmaPolicies,
  shieldGemmaPrompt,
  shieldGemmaToAirlock,
  type GuardModelAnswer,
  type Turn,
} from './guard-model';
export {
  contentCategories,
  messages,
  policyFor,
  type ContentCategory,
  type MessageKey,
  type Profile,
} from './policy';
