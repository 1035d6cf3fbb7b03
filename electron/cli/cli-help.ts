// `airlock --help`: the calls, straight from the contract, with their fields.
import { z } from 'zod';
import { callNames, calls } from '../../shared/contract';

interface JsonSchema {
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  description?: string;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  enum?: unknown[];
}

export function inputFields(call: keyof typeof calls): string[] {
  const schema = z.toJSONSchema(calls[call].input, { io: 'input', unrepresentable: 'any' }) as JsonSchema;
  return Object.entries(schema.properties ?? {}).map(([name, field]) => {
    const type = field.enum
      ? field.enum.map((v) => JSON.stringify(v)).join('|')
      : [field.type ?? 'any'].flat().join('|');
    const optional = schema.required?.includes(name) ? '' : '?';
    const range =
      field.minimum !== undefined && field.maximum !== undefined
        ? ` from ${field.minimum} to ${field.maximum}`
        : '';
    const limit = field.maxLength !== undefined ? `, at most ${field.maxLength} characters` : range;
    return `${name}${optional}: ${type}${limit}${field.description ? ` (${field.description})` : ''}`;
  });
}

export function helpText(): string {
  const width = Math.max(...callNames.map((name) => name.length));
  const lines = callNames.map((name) => {
    const fields = inputFields(name);
    return `  ${name.padEnd(width)}  ${calls[name].summary}\n${fields.map((f) => `  ${''.padEnd(width)}    ${f}`).join('\n')}`.trimEnd();
  });
  return `Usage: airlock <call> ['<json input>'] [--json] [--local] [--data DIR]

Makes one call to Airlock's core and prints the answer.
  --json        print the call's exact JSON output (or its error) instead of text
  --local       run the core in this process instead of talking to a running serve
  --data DIR    data folder (default: $AIRLOCK_DATA, else the usual app-data folder)

Calls:
${lines.join('\n')}

Example: airlock app.ping '{"note":"hello"}'`;
}
