// The runtime image a fresh install pins, shown beside the one in force so the
// owner can tell a custom image from the default. The contract does not carry
// it, and the renderer may not import the core, so it is repeated here from
// electron/core/sandbox/images.ts; e2e/security-images.spec.ts holds the two
// equal against the real core.
export const defaultRuntimeImage =
  'ollama/ollama:0.20.2@sha256:0455f166da85b1d07f694c33ba09278ca649603c0611ba8e46272b16eed7fccd';
