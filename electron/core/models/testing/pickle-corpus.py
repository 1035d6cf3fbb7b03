# Writes the pickle corpus for the scanner tests into argv[1] and prints a JSON
# manifest. It only ever DUMPS: nothing here loads or unpickles a file.
import collections, io, json, os, pickle, runpy, shutil, socket, struct, subprocess, sys, types, webbrowser, zipfile
import importlib

out = sys.argv[1]
manifest = []


def emit(name, data, expect, module=None, attr=None):
    with open(os.path.join(out, name), 'wb') as f:
        f.write(data)
    manifest.append({'file': name, 'expect': expect, 'module': module, 'name': attr})


class Reduce:
    def __init__(self, fn, args):
        self.fn, self.args = fn, args

    def __reduce__(self):
        return (self.fn, self.args)


# Malicious: __reduce__ returns a callable that runs code on load (never loaded here).
system_module = os.system.__module__  # 'posix' on Linux
for proto in range(0, 6):
    emit(f'os-system-p{proto}.pkl', pickle.dumps(Reduce(os.system, ('echo pwned',)), protocol=proto),
         'dangerous', system_module, 'system')
emit('eval.pkl', pickle.dumps(Reduce(eval, ('1+1',)), protocol=2), 'dangerous', '__builtin__', 'eval')
emit('exec-p4.pkl', pickle.dumps(Reduce(exec, ('x=1',)), protocol=4), 'dangerous', 'builtins', 'exec')
emit('getattr.pkl', pickle.dumps(Reduce(getattr, ('abc', 'upper')), protocol=3), 'dangerous', 'builtins', 'getattr')
emit('import.pkl', pickle.dumps(Reduce(__import__, ('os',)), protocol=2), 'dangerous', '__builtin__', '__import__')  # protocol 2 uses Python 2 names
emit('compile.pkl', pickle.dumps(Reduce(compile, ('1', 'f', 'eval')), protocol=5), 'dangerous', 'builtins', 'compile')
emit('open.pkl', pickle.dumps(Reduce(open, ('/etc/passwd',)), protocol=1), 'dangerous', 'io', 'open')
emit('subprocess.pkl', pickle.dumps(Reduce(subprocess.Popen, (['id'],)), protocol=4), 'dangerous', 'subprocess', 'Popen')
emit('socket.pkl', pickle.dumps(Reduce(socket.create_connection, (('127.0.0.1', 9),)), protocol=2),
     'dangerous', 'socket', 'create_connection')
emit('runpy.pkl', pickle.dumps(Reduce(runpy._run_code, ('x=1', {})), protocol=4), 'dangerous', 'runpy', '_run_code')
emit('shutil.pkl', pickle.dumps(Reduce(shutil.rmtree, ('/tmp/none',)), protocol=2), 'dangerous', 'shutil', 'rmtree')
emit('webbrowser.pkl', pickle.dumps(Reduce(webbrowser.open, ('http://example.invalid',)), protocol=3),
     'dangerous', 'webbrowser', 'open')
emit('importlib.pkl', pickle.dumps(Reduce(importlib.import_module, ('os',)), protocol=4),
     'dangerous', 'importlib', 'import_module')
emit('sys.pkl', pickle.dumps(Reduce(sys.exit, (0,)), protocol=2), 'dangerous', 'sys', 'exit')
# Hand-written: Windows' os.system is nt.system; `requests` need not be installed to be named.
emit('nt-system.pkl', b"cnt\nsystem\n(S'calc.exe'\ntR.", 'dangerous', 'nt', 'system')
emit('requests.pkl', b'\x80\x04\x8c\x08requests\x8c\x03get\x93\x8c\x03url\x85R.', 'dangerous', 'requests', 'get')
emit('pty-inst.pkl', b"(S'/bin/sh'\nipty\nspawn\n.", 'dangerous', 'pty', 'spawn')
# STACK_GLOBAL whose module comes back from the memo: BINGET (pickle reuses the memoised string) ...
emit('binget.pkl', pickle.dumps([system_module, os.system], protocol=4), 'dangerous', system_module, 'system')
# ... LONG_BINGET, BINUNICODE and LONG_BINPUT, written by hand.
emit('long-binget.pkl',
     b'\x80\x04X\x02\x00\x00\x00osr\x00\x01\x00\x000\x8c\x06systemr\x01\x01\x00\x00j\x00\x01\x00\x00j\x01\x01\x00\x00\x93.',
     'dangerous', 'os', 'system')
# An allowlisted module with a dotted name walks to os.system (find_class follows dots).
emit('dotted-walk.pkl', b'\x80\x04\x8c\x0ctorch._utils\x8c\tos.system\x93.', 'dangerous', 'torch._utils', 'os.system')
# nullifAI: the payload comes first, then the stream is broken so a strict parser gives up.
emit('broken.pkl', pickle.dumps(Reduce(os.system, ('echo pwned',)), protocol=2)[:-1] + b'\xff\xff\xff',
     'dangerous', system_module, 'system')
emit('extension.pkl', b'\x80\x02\x82\x07)R.', 'dangerous', '?', 'extension 7')

# Benign: plain data at every protocol, containers that import harmless builtins.
data = {'weights': [1.5, -2.25, 3.0], 'name': 'tiny', 'shape': (2, 3), 'raw': b'\x00\x01', 'ok': True, 'none': None}
for proto in range(0, 6):
    emit(f'data-p{proto}.pkl', pickle.dumps(data, protocol=proto), 'clean')
emit('ordered.pkl', pickle.dumps(collections.OrderedDict(a=1, b=[2, 3]), protocol=2), 'clean')
emit('sets.pkl', pickle.dumps({'s': {1, 2}, 'f': frozenset([3]), 'b': bytearray(b'xy')}, protocol=2), 'clean')

# A torch-like state dict: fake `torch` modules so pickle can name them; persistent ids for storages.
torch = types.ModuleType('torch')
utils = types.ModuleType('torch._utils')
sys.modules['torch'], sys.modules['torch._utils'] = torch, utils


def _rebuild_tensor_v2(*args):
    return None


_rebuild_tensor_v2.__module__ = 'torch._utils'
utils._rebuild_tensor_v2 = _rebuild_tensor_v2
FloatStorage = type('FloatStorage', (), {'__module__': 'torch'})
torch.FloatStorage = FloatStorage


class Storage:
    pass


class TorchPickler(pickle.Pickler):
    def persistent_id(self, obj):
        return ('storage', FloatStorage, '0', 'cpu', 6) if isinstance(obj, Storage) else None


def state_dict_pickle(protocol):
    buf = io.BytesIO()
    tensor = Reduce(_rebuild_tensor_v2, (Storage(), 0, (2, 3), (3, 1), False, collections.OrderedDict()))
    TorchPickler(buf, protocol=protocol).dump(collections.OrderedDict([('layer.weight', tensor)]))
    return buf.getvalue()


emit('state-dict.pkl', state_dict_pickle(2), 'clean')

# Unknown import: not dangerous by name, but not on the harmless list either.
mymod = types.ModuleType('mymodel')
sys.modules['mymodel'] = mymod
Custom = type('Custom', (), {'__module__': 'mymodel'})
mymod.Custom = Custom
emit('custom-class.pkl', pickle.dumps(Custom(), protocol=2), 'suspicious', 'mymodel', 'Custom')

# Unreadable: an unknown opcode, and a truncated benign pickle.
emit('bad-opcode.pkl', b'\x80\x02}\xff.', 'unreadable')
emit('truncated.pkl', pickle.dumps(data, protocol=2)[:20], 'unreadable')


# PyTorch-style zip archives, written with zipfile (never loaded).
def torch_zip(name, pkl, compression=zipfile.ZIP_STORED, zip64=False):
    if zip64:
        zipfile.ZIP64_LIMIT = 8  # forces ZIP64 records for every entry and the directory
    path = os.path.join(out, name)
    with zipfile.ZipFile(path, 'w', compression=compression) as z:
        z.writestr('archive/data.pkl', pkl)
        z.writestr('archive/data/0', struct.pack('<6f', 1, 2, 3, 4, 5, 6))
        z.writestr('archive/version', '3\n')
        z.writestr('archive/byteorder', 'little')
    zipfile.ZIP64_LIMIT = (1 << 31) - 1


evil = pickle.dumps(collections.OrderedDict(w=Reduce(os.system, ('echo pwned',))), protocol=2)
torch_zip('evil-torch.pt', evil)
torch_zip('evil-torch-deflated.bin', evil, zipfile.ZIP_DEFLATED)
torch_zip('evil-torch-zip64.pth', evil, zip64=True)
torch_zip('benign-torch.pt', state_dict_pickle(2))
# A payload hidden in an entry not named .pkl, but opening with a pickle protocol marker.
path = os.path.join(out, 'hidden-entry.ckpt')
with zipfile.ZipFile(path, 'w') as z:
    z.writestr('model/data.pkl', state_dict_pickle(2))
    z.writestr('model/extra', pickle.dumps(Reduce(os.system, ('id',)), protocol=4))
with zipfile.ZipFile(os.path.join(out, 'plain.zip'), 'w') as z:
    z.writestr('readme.txt', 'hello')

print(json.dumps(manifest))
