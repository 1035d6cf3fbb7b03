// A remark plugin: HTML a model writes (`<script>`, `<img onerror=…>`) becomes
// visible text instead of vanishing, so the reader sees what the model wrote
// and nothing of it is ever parsed as markup.
interface MdNode {
  type: string;
  value?: string;
  children?: MdNode[];
}

function walk(node: MdNode): void {
  if (node.type === 'html') node.type = 'text';
  node.children?.forEach(walk);
}

export function htmlAsText() {
  return (tree: MdNode) => walk(tree);
}
