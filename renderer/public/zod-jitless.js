// Zod reads its settings from globalThis.__zod_globalConfig when it first
// loads. Seeding `jitless` in this classic script, which runs before any
// module, keeps every schema from probing `new Function` (the CSP forbids
// eval and reports each probe) however the bundler splits the chunks: zod
// and the contract can land in a chunk that runs before src/lib/zod-csp.ts.
globalThis.__zod_globalConfig = Object.assign(globalThis.__zod_globalConfig || {}, { jitless: true });
