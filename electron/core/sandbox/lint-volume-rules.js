// TX-03 as a lint gate: model volumes survive every path, so no product code
// removes or prunes volumes, or asks the engine to remove a container's
// volumes with it. Tests (which clean up their own volumes) are exempt in
// eslint.config.js, as will be the one audited "delete model store" action.

const volumeCommands =
  /\bvolume\s+(rm|remove|prune)\b|\bsystem\s+prune\b.*--volumes|\bdown\s+(-v|--volumes)\b|\brm\s+-v\b/;

function propertyName(member) {
  const key = member.property;
  if (!member.computed && key.type === 'Identifier') return key.name;
  if (key.type === 'Literal' && typeof key.value === 'string') return key.value;
  return undefined;
}

function keyName(property) {
  if (!property.computed && property.key.type === 'Identifier') return property.key.name;
  if (property.key.type === 'Literal') return String(property.key.value);
  return undefined;
}

/** True for `x.getVolume(...)`. */
function isGetVolumeCall(node) {
  return (
    node?.type === 'CallExpression' &&
    node.callee.type === 'MemberExpression' &&
    propertyName(node.callee) === 'getVolume'
  );
}

const message =
  'Model volumes are never removed or pruned, and containers are removed without their volumes (SECURITY.md TX-03).';

export const keepModelVolumes = {
  meta: { type: 'problem', schema: [], messages: { volume: message } },
  create(context) {
    const report = (node) => context.report({ node, messageId: 'volume' });
    return {
      Property(node) {
        const name = keyName(node);
        const isTrue = node.value.type === 'Literal' && node.value.value === true;
        if (isTrue && (name === 'v' || name === 'RemoveVolumes')) report(node);
      },
      MemberExpression(node) {
        const name = propertyName(node);
        if (name === 'pruneVolumes' || name === 'removeVolume') report(node);
        if (name === 'remove' && isGetVolumeCall(node.object)) report(node);
      },
      Literal(node) {
        if (typeof node.value === 'string' && volumeCommands.test(node.value)) report(node);
      },
      TemplateElement(node) {
        if (volumeCommands.test(node.value.cooked ?? '')) report(node);
      },
    };
  },
};
