// Layer rules (docs/ARCHITECTURE.md): core imports nothing of the project; extraction stages are pure and never
// touch the store, the file system or the network; only the edges (resources, ingest, store, api, cli) do I/O.
/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    { name: 'no-circular', severity: 'error', from: {}, to: { circular: true } },
    {
      name: 'core-imports-nothing',
      comment: 'src/core is the centre: it may import only itself and libraries.',
      severity: 'error',
      from: { path: '^src/core/' },
      to: { path: '^src/', pathNot: '^src/core/' },
    },
    {
      name: 'stages-are-pure',
      comment: 'Extraction stages take lookups as arguments; they never read files, the network or the store.',
      severity: 'error',
      from: { path: '^src/extract/' },
      to: { path: ['^src/(store|resources|ingest|api|cli|analyze)/', '^(fs|node:fs|fs/promises|node:fs/promises|http|https|node:http|node:https|net|node:net)$'] },
    },
    {
      name: 'readers-and-stages-never-store',
      comment: 'Extraction and the readers hand their results to a caller; only the CLI and the API store them.',
      severity: 'error',
      from: { path: '^src/(extract|ingest)/' },
      to: { path: '^src/store/' },
    },
    {
      name: 'store-imports-core-only',
      comment:
        'The store keeps documents and records; it knows the record schema (core) and the pure cross-document merge it derives merged events with, nothing else of the project.',
      severity: 'error',
      from: { path: '^src/store/' },
      to: { path: '^src/', pathNot: '^src/(core|store|merge)/' },
    },
    {
      name: 'merge-is-pure',
      comment: 'The cross-document merge is a pure function of event records: it sees core only, never the store or I/O.',
      severity: 'error',
      from: { path: '^src/merge/' },
      to: { path: ['^src/(?!core/|merge/)', '^(fs|node:fs|fs/promises|node:fs/promises|http|https|node:http|node:https|net|node:net)$'] },
    },
    {
      name: 'analyze-is-pure',
      comment:
        'Escalation analytics are pure functions of events: they see core only; the store is handed in as anything with iterateRealEvents.',
      severity: 'error',
      from: { path: '^src/analyze/' },
      to: { path: ['^src/(?!core/|analyze/)', '^(fs|node:fs|fs/promises|node:fs/promises|http|https|node:http|node:https|net|node:net)$'] },
    },
    {
      name: 'export-formatters-import-core-only',
      comment: 'Export formatters are pure functions of records: they see core and each other, never the store or I/O.',
      severity: 'error',
      from: { path: '^src/export/' },
      to: { path: ['^src/(?!core/|export/)', '^(fs|node:fs|fs/promises|node:fs/promises|http|https|node:http|node:https|net|node:net)$'] },
    },
    {
      name: 'eval-is-pure-scoring',
      severity: 'error',
      from: { path: '^src/eval/' },
      to: { path: '^src/(store|api|cli)/' },
    },
    {
      name: 'only-serve-knows-the-network',
      comment:
        'The HTTP API is tested in-process (app.request); only src/api/serve.ts (and the CLI that calls it) may import the node server or the network modules (the URL readers in src/ingest fetch, and are checked by their own rules).',
      severity: 'error',
      from: { path: '^src/', pathNot: '^src/(api/serve\\.ts|cli/|ingest/)' },
      to: { path: ['@hono/node-server', '^(http|https|http2|net|node:http|node:https|node:http2|node:net)$'] },
    },
    {
      name: 'api-extracts-only-through-the-function-passed-in',
      comment:
        'createApp takes `extract` as an argument; the API imports no extraction stage, resources or CLI code (only core, store, ingest helpers and itself).',
      severity: 'error',
      from: { path: '^src/api/' },
      to: { path: '^src/(extract|resources|eval|merge|export|cli)/' },
    },
    {
      name: 'only-cli-imports-cli',
      severity: 'error',
      from: { pathNot: '^src/cli/' },
      to: { path: '^src/cli/' },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    exclude: { path: '\\.test\\.ts$' },
  },
};
