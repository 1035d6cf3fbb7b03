// Looks for server-side template injection in a model's chat template
// (SECURITY.md MI-04). CVE-2024-34359 "Llama Drama": llama-cpp-python rendered
// GGUF `tokenizer.chat_template` with unsandboxed Jinja2, so a template such as
// `{{ lipsum.__globals__["os"].popen("id").read() }}` ran commands on load
// (fixed by ImmutableSandboxedEnvironment, abetlen/llama-cpp-python#1462).
// Real chat templates only loop over messages and print strings; none of them
// needs Python attribute walks, so any of these markers quarantines the model.

export interface TemplateFinding {
  /** Metadata key of the template (`tokenizer.chat_template` or a named one). */
  key: string;
  marker: string;
  why: string;
  /** A short excerpt around the first match, for the audit log. */
  excerpt: string;
}

const markers: { marker: string; pattern: RegExp; why: string }[] = [
  {
    marker: 'dunder attribute',
    // __class__, __globals__, __subclasses__, __import__, __builtins__, __mro__, namespace.__init__ …
    pattern: /__[A-Za-z][A-Za-z0-9_]*__/,
    why: 'reaches into Python internals (attribute walks such as __class__ or __globals__)',
  },
  {
    marker: 'escaped underscore',
    pattern: /\\x5f|\\u005f|\\137|\\N\{LOW LINE\}/i,
    why: 'spells underscores with escapes, a way to hide attribute walks',
  },
  {
    marker: 'attr filter',
    pattern: /\|\s*attr\b|\bgetattr\b/,
    why: 'looks up attributes by name (getattr walks)',
  },
  {
    marker: 'Jinja globals',
    pattern: /\b(lipsum|cycler|joiner)\b/,
    why: 'uses a Jinja global whose functions expose Python globals',
  },
  {
    marker: 'os module',
    pattern: /\bos\.[A-Za-z_]|\.os\b|\[\s*["']os["']\s*\]/,
    why: 'refers to the os module',
  },
  {
    marker: 'process launch',
    pattern: /\b(popen|subprocess|system\s*\(|spawn[lv]?p?e?\s*\()/,
    why: 'tries to start a program',
  },
  {
    marker: 'code execution',
    pattern: /\b(eval|exec|compile|__import__|import_module)\s*\(/,
    why: 'tries to run Python code',
  },
  {
    marker: 'template internals',
    pattern: /\bself\s*\.\s*_|\b(config|request|url_for|get_flashed_messages)\.[A-Za-z_]/,
    why: 'reaches into the template engine or web framework internals',
  },
  {
    marker: 'mro walk',
    pattern: /\.\s*mro\s*\(|\bbuiltins\b/,
    why: 'walks the class hierarchy or the builtins',
  },
];

export function scanChatTemplate(key: string, template: string): TemplateFinding[] {
  const findings: TemplateFinding[] = [];
  for (const { marker, pattern, why } of markers) {
    const match = pattern.exec(template);
    if (!match) continue;
    const start = Math.max(0, match.index - 30);
    const excerpt = template.slice(start, match.index + match[0].length + 30).replace(/\s+/g, ' ');
    findings.push({ key, marker, why, excerpt });
  }
  return findings;
}
