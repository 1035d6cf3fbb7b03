// ESLint rules for the Electron shell's static gates, loaded by eslint.config.js:
// EL-01 (windows get only secureWebPreferences()) and EL-06 (shell.openExternal
// only in electron/main/open-external.ts). Custom rules rather than
// no-restricted-syntax, because a second no-restricted-syntax block would
// replace the ipcMain one on the same files instead of adding to it.

const windowClasses = new Set(['BrowserWindow', 'WebContentsView']);

/** The name a callee or member refers to: `X`, `a.X`, `a['X']`, or undefined. */
function nameOf(node) {
  if (!node) return undefined;
  if (node.type === 'Identifier') return node.name;
  if (node.type === 'MemberExpression') return propertyName(node);
  return undefined;
}

function propertyName(member) {
  const key = member.property;
  if (!member.computed && key.type === 'Identifier') return key.name;
  if (key.type === 'Literal' && typeof key.value === 'string') return key.value;
  if (key.type === 'TemplateLiteral' && key.expressions.length === 0) return key.quasis[0]?.value.cooked;
  return undefined;
}

function keyName(property) {
  if (!property.computed && property.key.type === 'Identifier') return property.key.name;
  if (property.key.type === 'Literal') return String(property.key.value);
  return undefined;
}

/** Why a `new BrowserWindow(...)`/`new WebContentsView(...)` is not provably hardened, or undefined. */
function insecureOptions(options) {
  if (!options || options.type !== 'ObjectExpression') return 'its options are not an object literal';
  const props = options.properties;
  if (props.some((p) => p.type === 'SpreadElement')) return 'its options spread another object';
  if (props.some((p) => keyName(p) === undefined)) return 'its options have a computed key';
  const prefs = props.filter((p) => keyName(p) === 'webPreferences');
  if (prefs.length !== 1)
    return prefs.length === 0 ? 'it has no webPreferences' : 'it sets webPreferences twice';
  const value = prefs[0].value;
  const isCall = value.type === 'CallExpression' && value.callee.type === 'Identifier';
  if (!isCall || value.callee.name !== 'secureWebPreferences')
    return 'its webPreferences are not secureWebPreferences(...)';
  return undefined;
}

const secureWebPreferences = {
  meta: {
    type: 'problem',
    docs: {
      description: 'EL-01: windows and views take their webPreferences only from secureWebPreferences().',
    },
    schema: [],
    messages: {
      insecure:
        'EL-01: new {{cls}}(...) must get {..., webPreferences: secureWebPreferences(...)}, but {{why}}.',
      renamed: 'EL-01: import {{cls}} under its own name so the secureWebPreferences gate can see it.',
    },
  },
  create(context) {
    return {
      NewExpression(node) {
        const cls = nameOf(node.callee);
        if (!cls || !windowClasses.has(cls)) return;
        const why = insecureOptions(node.arguments[0]);
        if (why) context.report({ node, messageId: 'insecure', data: { cls, why } });
      },
      ImportSpecifier(node) {
        const imported = node.imported.type === 'Identifier' ? node.imported.name : node.imported.value;
        if (windowClasses.has(imported) && node.local.name !== imported)
          context.report({ node, messageId: 'renamed', data: { cls: imported } });
      },
    };
  },
};

const openExternalAdapterOnly = {
  meta: {
    type: 'problem',
    docs: { description: 'EL-06: shell.openExternal is called only by electron/main/open-external.ts.' },
    schema: [],
    messages: {
      direct:
        'EL-06: open links through openInBrowser() in electron/main/open-external.ts, never openExternal directly.',
    },
  },
  create(context) {
    return {
      MemberExpression(node) {
        if (propertyName(node) === 'openExternal') context.report({ node, messageId: 'direct' });
      },
      'ObjectPattern > Property'(node) {
        if (keyName(node) === 'openExternal') context.report({ node, messageId: 'direct' });
      },
    };
  },
};

export default {
  meta: { name: 'airlock-shell' },
  rules: {
    'secure-web-preferences': secureWebPreferences,
    'open-external-adapter-only': openExternalAdapterOnly,
  },
};
