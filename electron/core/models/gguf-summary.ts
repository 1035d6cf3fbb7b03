// What the Models view shows for a GGUF file: architecture, parameter count,
// quantization and context length, read from a header gguf-parse validated.
import type { GgufHeader, GgufValue } from './gguf-parse';
import { fileTypes } from './gguf-types';

export interface GgufSummary {
  name: string | null;
  architecture: string | null;
  parameterCount: number;
  /** The converter's announced file type when present, else the type holding the most bytes. */
  quantization: string | null;
  tensorTypes: Record<string, { count: number; bytes: number }>;
  contextLength: number | null;
  tensorCount: number;
}

export function summarizeGguf(header: GgufHeader): GgufSummary {
  const meta = header.metadata;
  const architecture = text(meta.get('general.architecture'));
  const tensorTypes: GgufSummary['tensorTypes'] = {};
  let parameters = 0n;
  for (const tensor of header.tensors) {
    parameters += tensor.elements;
    const entry = (tensorTypes[tensor.type] ??= { count: 0, bytes: 0 });
    entry.count++;
    entry.bytes += tensor.size;
  }
  const announced = integer(meta.get('general.file_type'));
  const heaviest = Object.entries(tensorTypes).sort((a, b) => b[1].bytes - a[1].bytes)[0]?.[0] ?? null;
  return {
    name: text(meta.get('general.name')),
    architecture,
    parameterCount: Number(parameters),
    quantization: (announced !== null ? fileTypes.get(announced) : undefined) ?? heaviest,
    tensorTypes,
    contextLength: architecture ? integer(meta.get(`${architecture}.context_length`)) : null,
    tensorCount: header.tensors.length,
  };
}

/** Every chat template the file carries: the default and the named ones (`tokenizer.chat_template.<name>`). */
export function chatTemplates(header: GgufHeader): { key: string; template: string }[] {
  const found: { key: string; template: string }[] = [];
  for (const [key, value] of header.metadata) {
    if (key === 'tokenizer.chat_template' || key.startsWith('tokenizer.chat_template.')) {
      if (typeof value === 'string') found.push({ key, template: value });
    }
  }
  return found;
}

function text(value: GgufValue | undefined): string | null {
  return typeof value === 'string' ? value : null;
}

function integer(value: GgufValue | undefined): number | null {
  if (typeof value === 'number' && Number.isInteger(value)) return value;
  if (typeof value === 'bigint' && value >= 0n && value <= BigInt(Number.MAX_SAFE_INTEGER))
    return Number(value);
  return null;
}
