// Which imports inside a pickle are dangerous, harmless, or unknown: the lists
// picklescan and modelscan keep, in our words. An import of `os.system` (or
// `posix.system`, as Linux pickles spell it) runs a command the moment the
// file is loaded: JFrog found ~100 such models on Hugging Face (Feb 2024).
// The lists explain a verdict to the user; MI-01's format allowlist is the
// boundary, since denylists are always one module behind (SECURITY.md §2.5).

export type ImportSeverity = 'dangerous' | 'unknown' | 'safe';

// Any import from these modules (or their submodules) can run commands, open
// files or sockets, load more pickles, or build code objects.
const dangerousModules = [
  'os',
  'posix',
  'nt',
  'subprocess',
  'socket',
  'socketserver',
  'runpy',
  'shutil',
  'sys',
  'importlib',
  'pkgutil',
  'zipimport',
  'webbrowser',
  'pty',
  'requests',
  'urllib',
  'urllib2',
  'urllib3',
  'http',
  'httplib',
  'httpx',
  'aiohttp',
  'ftplib',
  'telnetlib',
  'smtplib',
  'poplib',
  'imaplib',
  'asyncio',
  'multiprocessing',
  'threading',
  '_thread',
  'signal',
  'ctypes',
  'cffi',
  'code',
  'codeop',
  'commands',
  'pickle',
  '_pickle',
  'cPickle',
  'dill',
  'joblib',
  'marshal',
  'shelve',
  'types',
  'operator', // attrgetter/methodcaller walk attributes like getattr does
  '_operator',
  'pdb',
  'bdb',
  'pydoc',
  'timeit',
  'profile',
  'cProfile',
  'trace',
  'platform',
  'tempfile',
  'glob',
  'pathlib',
  'io',
  '_io',
  'fileinput',
  'paramiko',
  'numpy.testing', // numpy.testing._private.utils.runstring is exec
  'numpy.f2py',
  'numpy.load',
  'numpy.lib.npyio',
  'torch.hub',
  'torch.load',
  'torch.serialization.load',
  'torch.package',
  'torch.utils.cpp_extension',
  'pandas.read_pickle',
  'pandas.io.pickle',
];

const builtinModules = new Set(['builtins', '__builtin__', '__builtins__']);
const dangerousBuiltins = new Set([
  'eval',
  'exec',
  'execfile',
  'compile',
  'open',
  'file',
  'getattr',
  'setattr',
  'delattr',
  '__import__',
  'globals',
  'locals',
  'vars',
  'input',
  'breakpoint',
  'apply',
  'reload',
  'exit',
  'quit',
  'help',
]);
const safeBuiltins = new Set([
  'set',
  'frozenset',
  'list',
  'dict',
  'tuple',
  'slice',
  'bytearray',
  'bytes',
  'complex',
  'range',
  'object',
  'int',
  'float',
  'str',
  'bool',
]);

// What state dicts and numpy arrays need: rebuilding tensors, storages, dtypes and ordered dicts.
const torchDtypes =
  'float16 float32 float64 bfloat16 half float double int8 int16 int32 int64 uint8 bool complex64 complex128 float8_e4m3fn float8_e5m2';
const torchStorages =
  'Float Half BFloat16 Double Long Int Short Char Byte Bool ComplexFloat ComplexDouble Untyped';
const safeGlobals = new Set([
  'collections.OrderedDict',
  'collections.defaultdict',
  'collections.Counter',
  'collections.deque',
  '_codecs.encode',
  'copyreg._reconstructor',
  'copy_reg._reconstructor',
  'torch._utils._rebuild_tensor',
  'torch._utils._rebuild_tensor_v2',
  'torch._utils._rebuild_tensor_v3',
  'torch._utils._rebuild_parameter',
  'torch._utils._rebuild_parameter_with_state',
  'torch._utils._rebuild_qtensor',
  'torch._utils._rebuild_sparse_tensor',
  'torch._utils._rebuild_meta_tensor_no_storage',
  'torch._utils._rebuild_device_tensor_from_numpy',
  'torch._tensor._rebuild_from_type_v2',
  'torch.serialization._get_layout',
  'torch.Size',
  'torch.device',
  'torch.strided',
  'numpy.ndarray',
  'numpy.dtype',
  'numpy.core.multiarray._reconstruct',
  'numpy.core.multiarray.scalar',
  'numpy._core.multiarray._reconstruct',
  'numpy._core.multiarray.scalar',
  ...torchDtypes.split(' ').map((name) => `torch.${name}`),
  ...torchStorages.split(' ').map((name) => `torch.${name}Storage`),
]);

export function classifyImport(module: string, name: string): ImportSeverity {
  const full = `${module}.${name}`;
  if (safeGlobals.has(full)) return 'safe';
  // A dotted or dunder name walks attributes from a harmless module to a harmful one
  // (`torch._utils` + `os.system` resolves, since find_class follows dots).
  if (name.includes('.') || /__\w+__/.test(name)) return 'dangerous';
  if (builtinModules.has(module)) {
    if (dangerousBuiltins.has(name)) return 'dangerous';
    return safeBuiltins.has(name) ? 'safe' : 'unknown';
  }
  if (dangerousModules.some((m) => module === m || module.startsWith(`${m}.`) || full === m)) {
    return 'dangerous';
  }
  return 'unknown';
}
