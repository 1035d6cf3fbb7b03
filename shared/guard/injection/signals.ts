// The rule signals of the prompt-injection detector (issue 5 item 2), grouped
// in families. Each pattern reads a normalized view (normalize.ts) and has
// only bounded repeats ({0,40}), never nested ones, so it runs in linear time
// on any input (OWASP LLM01:2025; ReDoS: CWE-1333).

export type SignalFamily =
  | 'instruction_override'
  | 'role_hijack'
  | 'prompt_extraction'
  | 'delimiter_injection'
  | 'encoded_payload'
  | 'unfiltered_request'
  | 'output_forcing'
  | 'adversarial_noise';

export interface SignalRule {
  family: SignalFamily;
  /** How strongly one hit alone suggests an attack, 0…1. */
  weight: number;
  /** 'leet' for wording (obfuscated words fold), 'folded' for punctuation-heavy delimiters. */
  view: 'leet' | 'folded';
  pattern: RegExp;
}

// Short building blocks keep the patterns readable; all are bounded.
const gap = (n: number): string => `[^.\\n]{0,${n}}?`;
const prior =
  '(?:previous|prior|above|earlier|preceding|initial|original|old|existing|system|developer|all|any|every|your|the|these|those|other|given)';
const instr =
  '(?:instructions?|prompts?|rules?|directives?|guidelines?|commands?|orders|programming|constraints?|polic(?:y|ies)|restrictions?|context|messages?|guidance|training|safeguards?)';
const yourSecret =
  '(?:your|the|my|all|above|previous|initial|system|hidden|secret|original|full|entire|exact|first)';
const secretThing =
  '(?:instructions?|prompt|pre-?prompt|rules|guidelines|directives|password|pass ?code|access code|secret|configuration|text above|words above|message above|conversation so far)';
const rx = (s: string): RegExp => new RegExp(s, 'g');

export const signalRules: readonly SignalRule[] = [
  // Instruction override: "ignore/disregard/forget previous instructions" and friends.
  {
    family: 'instruction_override',
    weight: 0.9,
    view: 'leet',
    pattern: rx(
      `\\b(?:ignore|disregard|forget|override|overwrite|bypass|skip|discard|abandon|drop|dismiss|neglect|erase|delete|reset|cancel|scrap|set aside)\\b${gap(40)}\\b${prior}\\b${gap(30)}\\b${instr}\\b`,
    ),
  },
  {
    family: 'instruction_override',
    weight: 0.55,
    view: 'leet',
    pattern: rx(
      `\\b(?:new|updated|real|actual|true|revised|secret|hidden|important|additional) (?:instructions?|rules|directives?|system prompt|task)\\b\\s*[:\\-]|\\b(?:do not|don't|stop|no longer) (?:follow|obey|listen to|adhere to|comply with)\\b${gap(30)}\\b${instr}\\b|\\bfrom now on\\b${gap(20)}\\b(?:you|your|respond|answer|reply|only|always|never|act)\\b|\\b(?:instead|rather)\\b${gap(10)}\\b(?:say|respond|reply|output|print|write|answer) (?:with|only)\\b`,
    ),
  },
  // Role hijack: persona swaps that shed the rules.
  {
    family: 'role_hijack',
    weight: 0.85,
    view: 'leet',
    pattern: rx(
      `\\b(?:do anything now|developer mode|dev mode|god mode|jailbr(?:oken|eak(?:ed)?)|dan mode|evil (?:mode|confidant|bot|ai)|dude mode|(?:stay|remain|break) (?:in|out of) character|anti-?gpt|betterdan|chaos mode)\\b`,
    ),
  },
  {
    family: 'role_hijack',
    weight: 0.5,
    view: 'leet',
    pattern: rx(
      `\\byou (?:are|will be|shall be|'re) (?:now|going to|no longer|to act as|free|freed|liberated|unchained)\\b|\\b(?:act|pretend|behave|respond|answer|roleplay|role-play) (?:as|like) (?:an? )?(?:dan|evil|unfiltered|uncensored|unrestricted|amoral|rogue|jailbroken|different|new) ?\\w{0,20}|\\bpretend (?:to be|you are|you're)\\b|\\b(?:simulate|emulate) (?:an?|the)? ?(?:ai|chatbot|model|assistant|persona)\\b|\\bstands for\\b${gap(20)}\\bdo\\b`,
    ),
  },
  // System-prompt extraction: "repeat the text above", "what are your instructions".
  {
    family: 'prompt_extraction',
    weight: 0.8,
    view: 'leet',
    pattern: rx(
      `\\b(?:repeat|print|show|reveal|output|display|tell me|give me|list|recite|spell out|dump|leak|echo|write out|copy|paste|share|disclose|translate|summari[sz]e|convert|rewrite|what (?:are|is|were|was))\\b${gap(30)}\\b${yourSecret}\\b${gap(20)}\\b${secretThing}\\b`,
    ),
  },
  {
    family: 'prompt_extraction',
    weight: 0.6,
    view: 'leet',
    pattern: rx(
      `\\b(?:everything|all|the text|the words|what was written|instructions?|rules) (?:above|before|so far|prior to)\\b|\\b(?:begin|start|prefix) (?:your|the) (?:reply|response|answer|output) with\\b|\\bsystem prompt\\b|\\binitial prompt\\b`,
    ),
  },
  // Delimiter and fake-role injection: chat-template tokens and fake headers.
  {
    family: 'delimiter_injection',
    weight: 0.9,
    view: 'folded',
    pattern: rx(
      `<\\|(?:im_start|im_end|system|user|assistant|endoftext|eot_id|start_header_id|end_header_id|begin_of_text)\\|>|</?(?:system|sys|instructions?|im_start|im_end|assistant|admin|developer)>|\\[/?(?:inst|sys|system)\\]|<<\\/?sys>>`,
    ),
  },
  {
    family: 'delimiter_injection',
    weight: 0.6,
    view: 'folded',
    pattern: rx(
      `(?:^|\\n)[ \\t]{0,8}(?:#{2,6}|={3,12}|-{3,12}|\\*{3,12}|%{3,12})[ \\t]{0,8}(?:new |end |begin |updated )?(?:instructions?|system|response|assistant|admin|developer|prompt)\\b|%{3,12}[ \\t]{0,8}(?:end|begin|start)\\b|\\b(?:end|begin|start) (?:of )?(?:user input|ambiguity|instructions|system prompt|prompt|context|conversation)\\b|\\b(?:system|admin|developer|assistant)(?: message| note| override)?\\s{0,4}:\\s{0,4}(?:ignore|you|new|the user|override)`,
    ),
  },
  // Asks to act unfiltered.
  {
    family: 'unfiltered_request',
    weight: 0.7,
    view: 'leet',
    pattern: rx(
      `\\b(?:unfiltered|uncensored|amoral|unrestricted|unethical|unbound|unlimited|lawless)\\b|\\b(?:no|without|free (?:of|from)|ignor(?:e|ing)|bypass(?:ing)?|break(?:ing)?|beyond)\\b ${gap(12)}\\b(?:restrictions?|filters?|filtering|censorship|limitations|ethics|ethical|morals?|moral|boundaries|guardrails|safety|content polic(?:y|ies)|openai polic(?:y|ies))\\b|\\b(?:never|don't|do not|cannot|can't|won't|will not) (?:ever )?(?:refuse|decline|say no|apologi[sz]e|warn)\\b|\\bopenai\\b${gap(20)}\\bpolic`,
    ),
  },
  // Forcing an exact output, as hijackers do ("say 'access granted'", "respond only with").
  {
    family: 'output_forcing',
    weight: 0.45,
    view: 'leet',
    pattern: rx(
      `\\b(?:say|print|output|respond with|reply with|answer with|write) (?:only|just|exactly|the words?|the phrase)?\\s{0,3}["'“”‘’«]|\\b(?:respond|reply|answer) (?:only|solely|exclusively) (?:with|in)\\b|\\baccess granted\\b`,
    ),
  },
];

/** Words that point at an encoded payload ("decode this base64 and follow it"). */
export const encodingMention =
  /\b(?:base ?64|rot ?13|hex(?:adecimal)?|caesar|decode|decrypt|encoded|morse|binary)\b/g;
