// The pickle opcodes of protocols 0-5 (CPython Lib/pickletools.py), with how
// each reads its argument and what it does to the stack, so the scanner can
// walk a pickle without running it. An opcode missing here is refused.

export type PickleArg =
  | 'none'
  | 'u1'
  | 'u2'
  | 'i4'
  | 'u4'
  | 'u8'
  | 'f8'
  | 'line' // one newline-terminated argument (protocol 0)
  | 'lines2' // module and name on two lines (GLOBAL, INST)
  | 'len1' // length-prefixed payload: 1-, 4- (unsigned or signed) or 8-byte length
  | 'len4'
  | 'len4s'
  | 'len8';

/** What the opcode does, as far as the scanner needs to follow strings through the stack and memo. */
export type PickleEffect =
  | 'push' // pushes a value that is not a string
  | 'pushString'
  | 'mark'
  | 'pop'
  | 'popMark'
  | 'popMarkPush' // TUPLE, LIST, DICT, FROZENSET, INST, OBJ
  | 'dup'
  | 'replace1' // pops 1, pushes 1 (BINPERSID, TUPLE1)
  | 'replace2' // REDUCE, NEWOBJ, TUPLE2
  | 'replace3' // NEWOBJ_EX, TUPLE3
  | 'drop1' // APPEND, BUILD: pops the argument, keeps the object below
  | 'drop2' // SETITEM
  | 'global'
  | 'stackGlobal'
  | 'extension'
  | 'put'
  | 'memoize'
  | 'get'
  | 'proto'
  | 'nothing'
  | 'stop';

export interface PickleOpcode {
  name: string;
  arg: PickleArg;
  effect: PickleEffect;
}

const table: [string, string, PickleArg, PickleEffect][] = [
  ['(', 'MARK', 'none', 'mark'],
  ['.', 'STOP', 'none', 'stop'],
  ['0', 'POP', 'none', 'pop'],
  ['1', 'POP_MARK', 'none', 'popMark'],
  ['2', 'DUP', 'none', 'dup'],
  ['F', 'FLOAT', 'line', 'push'],
  ['I', 'INT', 'line', 'push'],
  ['J', 'BININT', 'i4', 'push'],
  ['K', 'BININT1', 'u1', 'push'],
  ['L', 'LONG', 'line', 'push'],
  ['M', 'BININT2', 'u2', 'push'],
  ['N', 'NONE', 'none', 'push'],
  ['P', 'PERSID', 'line', 'push'],
  ['Q', 'BINPERSID', 'none', 'replace1'],
  ['R', 'REDUCE', 'none', 'replace2'],
  ['S', 'STRING', 'line', 'pushString'],
  ['T', 'BINSTRING', 'len4s', 'pushString'],
  ['U', 'SHORT_BINSTRING', 'len1', 'pushString'],
  ['V', 'UNICODE', 'line', 'pushString'],
  ['X', 'BINUNICODE', 'len4', 'pushString'],
  ['a', 'APPEND', 'none', 'drop1'],
  ['b', 'BUILD', 'none', 'drop1'],
  ['c', 'GLOBAL', 'lines2', 'global'],
  ['d', 'DICT', 'none', 'popMarkPush'],
  ['}', 'EMPTY_DICT', 'none', 'push'],
  ['e', 'APPENDS', 'none', 'popMark'],
  ['g', 'GET', 'line', 'get'],
  ['h', 'BINGET', 'u1', 'get'],
  ['i', 'INST', 'lines2', 'global'],
  ['j', 'LONG_BINGET', 'u4', 'get'],
  ['l', 'LIST', 'none', 'popMarkPush'],
  [']', 'EMPTY_LIST', 'none', 'push'],
  ['o', 'OBJ', 'none', 'popMarkPush'],
  ['p', 'PUT', 'line', 'put'],
  ['q', 'BINPUT', 'u1', 'put'],
  ['r', 'LONG_BINPUT', 'u4', 'put'],
  ['s', 'SETITEM', 'none', 'drop2'],
  ['t', 'TUPLE', 'none', 'popMarkPush'],
  [')', 'EMPTY_TUPLE', 'none', 'push'],
  ['u', 'SETITEMS', 'none', 'popMark'],
  ['G', 'BINFLOAT', 'f8', 'push'],
  ['\x80', 'PROTO', 'u1', 'proto'],
  ['\x81', 'NEWOBJ', 'none', 'replace2'],
  ['\x82', 'EXT1', 'u1', 'extension'],
  ['\x83', 'EXT2', 'u2', 'extension'],
  ['\x84', 'EXT4', 'i4', 'extension'],
  ['\x85', 'TUPLE1', 'none', 'replace1'],
  ['\x86', 'TUPLE2', 'none', 'replace2'],
  ['\x87', 'TUPLE3', 'none', 'replace3'],
  ['\x88', 'NEWTRUE', 'none', 'push'],
  ['\x89', 'NEWFALSE', 'none', 'push'],
  ['\x8a', 'LONG1', 'len1', 'push'],
  ['\x8b', 'LONG4', 'len4s', 'push'],
  ['B', 'BINBYTES', 'len4', 'push'],
  ['C', 'SHORT_BINBYTES', 'len1', 'push'],
  ['\x8c', 'SHORT_BINUNICODE', 'len1', 'pushString'],
  ['\x8d', 'BINUNICODE8', 'len8', 'pushString'],
  ['\x8e', 'BINBYTES8', 'len8', 'push'],
  ['\x8f', 'EMPTY_SET', 'none', 'push'],
  ['\x90', 'ADDITEMS', 'none', 'popMark'],
  ['\x91', 'FROZENSET', 'none', 'popMarkPush'],
  ['\x92', 'NEWOBJ_EX', 'none', 'replace3'],
  ['\x93', 'STACK_GLOBAL', 'none', 'stackGlobal'],
  ['\x94', 'MEMOIZE', 'none', 'memoize'],
  ['\x95', 'FRAME', 'u8', 'nothing'],
  ['\x96', 'BYTEARRAY8', 'len8', 'push'],
  ['\x97', 'NEXT_BUFFER', 'none', 'push'],
  ['\x98', 'READONLY_BUFFER', 'none', 'nothing'],
];

export const pickleOpcodes: ReadonlyMap<number, PickleOpcode> = new Map(
  table.map(([code, name, arg, effect]) => [code.charCodeAt(0), { name, arg, effect }]),
);
