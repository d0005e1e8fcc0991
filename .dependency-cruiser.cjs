/**
 * The way dependencies point, checked by `npm run lint:deps` (part of `npm test`). Inside src/:
 *
 *   core ← api ← store ← app ← ui        zaf and platform: adapters (ZAF, the browser)
 *
 * The service (Node) reuses core, api, store and app, so none of them may reach for React, ZAF or
 * a browser API; screens call the application layer, never a store or an API client themselves
 * (they may name their types). No import cycle anywhere, type-only imports included.
 * docs/ARCHITECTURE.md says where each kind of rule lives.
 */
const layer = (name, may) => ({
  name: `${name}-points-down`,
  comment: `src/${name} may depend on ${may.length > 0 ? may.join(', ') : 'nothing else in src'} only.`,
  severity: 'error',
  from: { path: `^src/${name}/` },
  to: { path: '^src/', pathNot: [`^src/${name}/`, ...may.map((other) => `^src/${other}/`)] },
});

module.exports = {
  forbidden: [
    {
      name: 'no-circular',
      comment: 'An import cycle (type-only imports included) makes an order nobody can read: break it by moving the shared piece down.',
      severity: 'error',
      from: {},
      to: { circular: true },
    },
    layer('core', []),
    layer('api', ['core']),
    layer('store', ['core', 'api']),
    layer('app', ['core', 'api', 'store']),
    layer('zaf', ['core', 'api']),
    layer('platform', ['core', 'app']),
    {
      name: 'platform-implements-app-ports',
      comment: 'src/platform implements the ports the application layer declares: it names their types, it does not run use cases.',
      severity: 'error',
      from: { path: '^src/platform/' },
      to: { path: '^src/app/', dependencyTypesNot: ['type-only'] },
    },
    {
      name: 'ui-goes-through-app',
      comment: 'Screens call src/app (use cases and reads); they may name the types of stores and API clients, never build or call them.',
      severity: 'error',
      from: { path: '^src/ui/' },
      to: { path: '^src/(store|api)/', dependencyTypesNot: ['type-only'] },
    },
    {
      name: 'src-stands-alone',
      comment: 'The app never depends on the emulator, the sandbox, the tests, the benches or the scripts.',
      severity: 'error',
      from: { path: '^src/' },
      to: { path: '^(service|emulator|sandbox|tests|bench|scripts)/' },
    },
    {
      name: 'no-react-below-the-screens',
      comment: 'core, api, store, app and platform run in the Node service too: no React, Garden or styled-components.',
      severity: 'error',
      from: { path: '^src/(core|api|store|app|platform)/' },
      to: { path: 'node_modules/(react|react-dom|styled-components|@zendeskgarden)/' },
    },
    {
      name: 'service-reuses-the-node-layers',
      comment: 'The Herald service (Node) reuses core, api, store and app; never the screens, ZAF or the browser adapters, nor the emulator, the sandbox or the tests.',
      severity: 'error',
      from: { path: '^service/' },
      to: { path: '^(src/(ui|zaf|platform)|emulator|sandbox|tests|bench|scripts)/' },
    },
    {
      name: 'emulator-stands-alone',
      comment: 'The emulator plays Zendesk and Sunshine from their specs: it never borrows the app’s code, nor the sandbox’s or the tests’.',
      severity: 'error',
      from: { path: '^emulator/' },
      to: { path: '^(src|sandbox|tests|bench)/' },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '^(dist|release|node_modules|tmp|\\.sandbox)/' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.node.json' },
    enhancedResolveOptions: { exportsFields: ['exports'], conditionNames: ['import', 'require', 'node', 'default', 'types'] },
  },
};
