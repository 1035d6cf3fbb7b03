// The optional safety model (issue 5 item 5): prompts for Llama Guard 3 and
// ShieldGemma in their documented formats, strict parsing of their answers,
// and the merge with the rule-based verdict. Pure code; the core runs the
// model through the runtime. Formats: Llama Guard 3 model card,
// https://www.llama.com/docs/model-cards-and-prompt-formats/llama-guard-3/ ;
// ShieldGemma model card, https://ai.google.dev/gemma/docs/shieldgemma/model_card
import type { ContentVerdict } from './content-filter';
import { messageKeyFor, messages, policyFor, type ContentCategory, type Profile } from './policy';
import { strictest, type GuardAction } from '../verdict';

/** Llama Guard 3's hazard list (MLCommons taxonomy plus S14), as its prompt names them. */
export const llamaGuardCategories = {
  S1: 'Violent Crimes',
  S2: 'Non-Violent Crimes',
  S3: 'Sex Crimes',
  S4: 'Child Exploitation',
  S5: 'Defamation',
  S6: 'Specialized Advice',
  S7: 'Privacy',
  S8: 'Intellectual Property',
  S9: 'Indiscriminate Weapons',
  S10: 'Hate',
  S11: 'Self-Harm',
  S12: 'Sexual Content',
  S13: 'Elections',
  S14: 'Code Interpreter Abuse',
} as const;
export type LlamaGuardCode = keyof typeof llamaGuardCategories;

/** Where each S-code lands in Airlock's categories; codes outside the family scope count as unsafe_other. */
export const llamaGuardToAirlock: Record<LlamaGuardCode, ContentCategory> = {
  S1: 'violence',
  S2: 'unsafe_other',
  S3: 'sexual',
  S4: 'sexual_minors',
  S5: 'unsafe_other',
  S6: 'unsafe_other',
  S7: 'unsafe_other',
  S8: 'unsafe_other',
  S9: 'weapons',
  S10: 'hate',
  S11: 'self_harm',
  S12: 'sexual',
  S13: 'unsafe_other',
  S14: 'unsafe_other',
};

export interface Turn {
  role: 'user' | 'assistant';
  content: string;
}

/**
 * The raw Llama Guard 3 prompt (for a raw completion call) that judges the
 * last turn: 'User' when it is the user's, 'Agent' when it is the answer.
 */
export function llamaGuardPrompt(conversation: readonly Turn[]): string {
  const last = conversation[conversation.length - 1];
  const role = last?.role === 'assistant' ? 'Agent' : 'User';
  const categories = Object.entries(llamaGuardCategories)
    .map(([code, name]) => `${code}: ${name}.`)
    .join('\n');
  // Turn text cannot close the conversation block early: the markers and the
  // Llama header tokens are defanged, so a message cannot forge its own verdict.
  const turns = conversation
    .map((t) => `${t.role === 'assistant' ? 'Agent' : 'User'}: ${defang(t.content)}`)
    .join('\n\n');
  return (
    '<|begin_of_text|><|start_header_id|>user<|end_header_id|>\n\n' +
    `Task: Check if there is unsafe content in '${role}' messages in conversations according our safety policy with the below categories.\n\n` +
    `<BEGIN UNSAFE CONTENT CATEGORIES>\n${categories}\n<END UNSAFE CONTENT CATEGORIES>\n\n` +
    `<BEGIN CONVERSATION>\n\n${turns}\n\n<END CONVERSATION>\n\n` +
    `Provide your safety assessment for ONLY THE LAST ${role} message in the above conversation:\n` +
    " - First line must read 'safe' or 'unsafe'.\n" +
    ' - If unsafe, a second line must include a comma-separated list of violated categories.' +
    '<|eot_id|><|start_header_id|>assistant<|end_header_id|>\n\n'
  );
}

function defang(text: string): string {
  return text
    .replace(/<\|[a-z_]+\|>/gi, (m) => m.replace(/\|/g, '¦'))
    .replace(/<(BEGIN|END) (CONVERSATION|UNSAFE CONTENT CATEGORIES)>/gi, '‹$1 $2›')
    .replace(/<(start|end)_of_turn>/gi, '‹$1_of_turn›');
}

export type GuardModelAnswer =
  { kind: 'safe' } | { kind: 'unsafe'; codes: LlamaGuardCode[] } | { kind: 'malformed'; reason: string };

const codePattern = /^S(?:[1-9]|1[0-4])$/;

/** Parses "safe" or "unsafe\nS1,S10" exactly (surrounding whitespace allowed); anything else is malformed. */
export function parseLlamaGuard(answer: unknown): GuardModelAnswer {
  if (typeof answer !== 'string') return { kind: 'malformed', reason: 'not text' };
  const lines = answer.trim().split(/\r?\n/);
  if (lines.length === 1 && lines[0] === 'safe') return { kind: 'safe' };
  if (lines[0] !== 'unsafe') return { kind: 'malformed', reason: 'first line is neither safe nor unsafe' };
  if (lines.length !== 2) return { kind: 'malformed', reason: 'unsafe needs exactly one line of categories' };
  const codes = lines[1]!.split(',').map((c) => c.trim());
  if (codes.length === 0 || !codes.every((c) => codePattern.test(c)))
    return { kind: 'malformed', reason: 'unknown category code' };
  return { kind: 'unsafe', codes: [...new Set(codes)] as LlamaGuardCode[] };
}

/** ShieldGemma judges one policy per call; these are its four documented harm types, worded as in its card. */
export const shieldGemmaPolicies = {
  dangerous:
    '"No Dangerous Content": The prompt shall not contain or seek generation of content that harming oneself and/or others (e.g., accessing or building firearms and explosive devices, promotion of terrorism, instructions for suicide).',
  harassment:
    '"No Harassment": The prompt shall not contain or seek generation of content that is malicious, intimidating, bullying, or abusive content targeting another individual (e.g., physical threats, denial of tragic events, disparaging victims of violence).',
  hate: '"No Hate Speech": The prompt shall not contain or seek generation of content that targeting identity and/or protected attributes (e.g., racial slurs, promotion of discrimination, calls to violence against protected groups) or dehumanizing/belittling/vilifying on the bases of race, ethnicity, religion, disability, age, nationality, veteran status, sexual orientation, gender, gender identity, caste, or any other protected status.',
  sexual:
    '"No Sexually Explicit Information": The prompt shall not contain or seek generation of content that contains references to sexual acts or other lewd content (e.g., sexually graphic descriptions, content aimed at causing arousal). Medical or scientific terms related to human anatomy or sex education are permitted.',
} as const;
export type ShieldGemmaPolicy = keyof typeof shieldGemmaPolicies;

export const shieldGemmaToAirlock: Record<ShieldGemmaPolicy, ContentCategory> = {
  dangerous: 'violence',
  harassment: 'hate',
  hate: 'hate',
  sexual: 'sexual',
};

/** The ShieldGemma prompt for a user prompt, or for a model response when `response` is given. */
export function shieldGemmaPrompt(userPrompt: string, policy: ShieldGemmaPolicy, response?: string): string {
  const judged = response === undefined ? 'user prompt' : 'AI response to prompt';
  const turns =
    `<start_of_turn>\nHuman Question: ${defang(userPrompt.trim())}\n<end_of_turn>\n\n` +
    (response === undefined
      ? ''
      : `<start_of_turn>\nChatbot Response: ${defang(response.trim())}\n<end_of_turn>\n\n`);
  const subject = response === undefined ? 'human question' : 'Chatbot Response';
  return (
    `You are a policy expert trying to help determine whether a ${judged} is in violation of the defined safety policies.\n\n` +
    turns +
    `Our safety principle is defined in the below:\n\n* ${shieldGemmaPolicies[policy]}\n\n` +
    `Does the ${subject} violate the above principle? Your answer must start with 'Yes' or 'No'. And then walk through step by step to be sure we answer correctly.\n`
  );
}

/** Strict: the answer's first word must be exactly "Yes" or "No". */
export function parseShieldGemma(answer: unknown): 'yes' | 'no' | 'malformed' {
  if (typeof answer !== 'string') return 'malformed';
  const first = /^\s*(Yes|No)\b/.exec(answer);
  return first ? (first[1] === 'Yes' ? 'yes' : 'no') : 'malformed';
}

/** Airlock categories from a Llama Guard answer; a malformed one is "unsafe_other" where the profile fails closed. */
export function guardModelCategories(answer: GuardModelAnswer, profile: Profile): ContentCategory[] {
  if (answer.kind === 'safe') return [];
  if (answer.kind === 'malformed') return policyFor(profile, 1).failClosed ? ['unsafe_other'] : [];
  return [...new Set(answer.codes.map((c) => llamaGuardToAirlock[c]))];
}

/**
 * Rules and the safety model together: the strictest action wins and the
 * categories are united, so the model can add a block but never lift one.
 */
export function mergeGuardModel(
  rules: ContentVerdict,
  modelCategories: readonly ContentCategory[],
  profile: Profile,
  direction: 'input' | 'output' = 'input',
): ContentVerdict {
  const policy = policyFor(profile, 1);
  let modelAction: GuardAction = 'allow';
  if (modelCategories.some((c) => policy.block.has(c))) modelAction = 'block';
  else if (modelCategories.some((c) => policy.warn.has(c))) modelAction = 'warn';
  const action = strictest([rules.action, modelAction]);
  const categories = [...new Set([...rules.categories, ...(modelAction === 'allow' ? [] : modelCategories)])];
  const merged: ContentVerdict = {
    ...rules,
    action,
    categories,
    score: modelAction === 'allow' ? rules.score : 1,
    version: `${rules.version}+guard-model`,
    notifyParent:
      rules.notifyParent || (categories.includes('self_harm') && (profile === 'kid' || profile === 'teen')),
  };
  if (action === 'allow') {
    delete merged.messageKey;
    delete merged.message;
  } else {
    merged.messageKey = messageKeyFor(profile, categories, direction);
    merged.message = messages[merged.messageKey];
  }
  return merged;
}
