// Walks a pickle's opcodes without running it, in the spirit of picklescan
// and modelscan, and reports every import it would make (GLOBAL, INST,
// STACK_GLOBAL, EXT*). STACK_GLOBAL takes its module and name from the stack,
// so strings are followed through MEMOIZE/PUT and GET, as the unpickler would.
// Nothing here ever unpickles: the report only explains why MI-01 refuses.
import type { ByteSource } from './byte-source';
import { Cursor, FormatError } from './cursor';
import { pickleOpcodes, type PickleOpcode } from './pickle-opcodes';
import { classifyImport, type ImportSeverity } from './pickle-globals';

export interface PickleImport {
  module: string;
  name: string;
  severity: ImportSeverity;
  opcode: string;
  /** Byte offset of the opcode, relative to the scanned pickle. */
  offset: number;
}

export interface PickleScan {
  /** dangerous: imports that run code; unreadable: a stream we cannot follow (refused); suspicious: unknown imports. */
  verdict: 'dangerous' | 'unreadable' | 'suspicious' | 'clean';
  imports: PickleImport[];
  /** Why the walk stopped early, as the end of a sentence. */
  problem?: string;
}

type Value = { kind: 'string'; text: string } | { kind: 'mark' } | { kind: 'other' };

const other: Value = { kind: 'other' };
const mark: Value = { kind: 'mark' };
const maxStack = 1_000_000;
const maxMemo = 1_000_000;
const maxKeptString = 4096; // module and name strings are short; longer ones are stepped over
const maxLine = 64 * 1024;

/** Scans one pickle stream, then any further pickles that follow it (legacy torch.save writes several). */
export async function scanPickle(source: ByteSource): Promise<PickleScan> {
  const imports: PickleImport[] = [];
  const cursor = new Cursor(source);
  let problem: string | undefined;
  try {
    do {
      await walk(cursor, imports);
    } while (cursor.remaining > 1 && (await peekProto(cursor)));
  } catch (error) {
    if (!(error instanceof FormatError || error instanceof RangeError)) throw error;
    problem = error.message;
  }
  return { verdict: verdictOf(imports, problem), imports: dedupe(imports), ...(problem ? { problem } : {}) };
}

function verdictOf(imports: PickleImport[], problem: string | undefined): PickleScan['verdict'] {
  // A payload placed before a deliberate break still runs (ReversingLabs nullifAI, Feb 2025).
  if (imports.some((i) => i.severity === 'dangerous')) return 'dangerous';
  if (problem) return 'unreadable';
  return imports.some((i) => i.severity === 'unknown') ? 'suspicious' : 'clean';
}

async function peekProto(cursor: Cursor): Promise<boolean> {
  const at = cursor.pos;
  const isProto = (await cursor.u8()) === 0x80;
  cursor.pos = at;
  return isProto;
}

async function walk(cursor: Cursor, imports: PickleImport[]): Promise<void> {
  const stack: Value[] = [];
  const memo = new Map<number, Value>();
  const pop = (what: string): Value => {
    const value = stack.pop();
    if (!value || value.kind === 'mark') throw new FormatError(`${what} finds nothing on the stack`);
    return value;
  };
  const popMark = (what: string): void => {
    for (;;) {
      const value = stack.pop();
      if (!value) throw new FormatError(`${what} finds no MARK`);
      if (value.kind === 'mark') return;
    }
  };
  const push = (value: Value): void => {
    if (stack.length >= maxStack) throw new FormatError('its stack grows past any real pickle');
    stack.push(value);
  };
  const record = (module: string, name: string, opcode: string, offset: number): void => {
    imports.push({ module, name, opcode, offset, severity: classifyImport(module, name) });
  };

  for (;;) {
    const offset = cursor.pos;
    const code = await cursor.u8();
    const op = pickleOpcodes.get(code);
    if (!op) throw new FormatError(`it has an unknown opcode 0x${code.toString(16)} at byte ${offset}`);
    const arg = await readArg(cursor, op);
    switch (op.effect) {
      case 'push':
        push(other);
        break;
      case 'pushString':
        push(typeof arg === 'string' ? { kind: 'string', text: arg } : other);
        break;
      case 'mark':
        push(mark);
        break;
      case 'pop':
        if (stack.pop() === undefined) throw new FormatError('POP finds nothing on the stack');
        break;
      case 'popMark':
        popMark(op.name);
        break;
      case 'popMarkPush':
        popMark(op.name);
        push(other);
        break;
      case 'dup':
        push(stack.at(-1) ?? other);
        break;
      case 'replace1':
      case 'replace2':
      case 'replace3':
        for (let i = Number(op.effect.slice(-1)); i > 0; i--) pop(op.name);
        push(other);
        break;
      case 'drop1':
        pop(op.name);
        break;
      case 'drop2':
        pop(op.name);
        pop(op.name);
        break;
      case 'global': {
        const [module, name] = arg as [string, string];
        record(module, name, op.name, offset);
        if (op.name === 'INST') popMark(op.name);
        push(other);
        break;
      }
      case 'stackGlobal': {
        const name = pop(op.name);
        const module = pop(op.name);
        if (module.kind === 'string' && name.kind === 'string')
          record(module.text, name.text, op.name, offset);
        else imports.push({ module: '?', name: '?', opcode: op.name, offset, severity: 'dangerous' });
        push(other);
        break;
      }
      case 'extension':
        // The copyreg extension registry maps a number to any import; we cannot tell which.
        imports.push({
          module: '?',
          name: `extension ${String(arg)}`,
          opcode: op.name,
          offset,
          severity: 'dangerous',
        });
        push(other);
        break;
      case 'put':
      case 'memoize': {
        const top = stack.at(-1);
        if (!top || top.kind === 'mark') throw new FormatError(`${op.name} finds nothing to remember`);
        if (memo.size >= maxMemo) throw new FormatError('its memo grows past any real pickle');
        memo.set(op.effect === 'memoize' ? memo.size : toIndex(arg), top);
        break;
      }
      case 'get':
        push(memo.get(toIndex(arg)) ?? other);
        break;
      case 'proto':
        if (typeof arg !== 'number' || arg > 5)
          throw new FormatError(`it claims pickle protocol ${String(arg)}`);
        break;
      case 'nothing':
        break;
      case 'stop':
        return;
    }
  }
}

async function readArg(cursor: Cursor, op: PickleOpcode): Promise<unknown> {
  switch (op.arg) {
    case 'none':
      return undefined;
    case 'u1':
      return cursor.u8();
    case 'u2':
      return cursor.u16();
    case 'i4':
      return cursor.i32();
    case 'u4':
      return cursor.u32();
    case 'u8':
      return cursor.u64();
    case 'f8':
      return cursor.skip(8, op.name);
    case 'line':
      return lineArg(cursor, op);
    case 'lines2': {
      const module = (await cursor.line(maxLine, `${op.name} module`)).toString('utf8');
      const name = (await cursor.line(maxLine, `${op.name} name`)).toString('utf8');
      return [module, name];
    }
    case 'len1':
      return payload(cursor, op, await cursor.u8());
    case 'len4':
      return payload(cursor, op, await cursor.u32());
    case 'len4s':
      return payload(cursor, op, await cursor.i32());
    case 'len8':
      return payload(cursor, op, await cursor.u64());
  }
}

async function lineArg(cursor: Cursor, op: PickleOpcode): Promise<string> {
  const text = (await cursor.line(maxLine, op.name)).toString('utf8');
  // STRING keeps its quotes and escapes; module names never need escapes.
  if (op.name === 'STRING') return text.replace(/^(['"])(.*)\1$/s, '$2');
  return text;
}

/** A length-prefixed payload: short strings are kept to follow STACK_GLOBAL, the rest is stepped over. */
async function payload(
  cursor: Cursor,
  op: PickleOpcode,
  length: number | bigint,
): Promise<string | undefined> {
  if (op.effect === 'pushString' && BigInt(length) <= BigInt(maxKeptString)) {
    return (await cursor.bytes(length, maxKeptString, op.name)).toString('utf8');
  }
  cursor.skip(length, op.name);
  return undefined;
}

function toIndex(arg: unknown): number {
  const index = Number(arg);
  if (!Number.isSafeInteger(index) || index < 0)
    throw new FormatError(`it uses a bad memo index ${String(arg)}`);
  return index;
}

function dedupe(imports: PickleImport[]): PickleImport[] {
  const seen = new Map<string, PickleImport>();
  for (const item of imports) {
    const key = `${item.module}\u0000${item.name}`;
    if (!seen.has(key)) seen.set(key, item);
  }
  return [...seen.values()];
}
