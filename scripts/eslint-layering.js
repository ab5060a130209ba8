// kura/layering: the zone rules of design/architecture.md as a lint error (VS Code style).
// Resolves each import to the zone it lands in and checks it against the importing file's zone; and
// refuses an import that closes a cycle, between capabilities of main/core or between files of one
// capability or feature (issue 15): each depends downwards only, so each can be read and moved alone.
import { builtinModules } from 'node:module';
import path from 'node:path';
import { capabilityEdges, capabilityOf, importGraph, pathBetween, resolveImport, unitEdges, unitOf } from './import-graph.js';

const NODE_BUILTINS = new Set(builtinModules.flatMap((m) => [m, `node:${m}`]));
const NATIVE_STORE = new Set(['better-sqlite3-multiple-ciphers', 'argon2']);

function zoneOf(rel) {
  const p = rel.split(path.sep).join('/');
  // A folder import (../store) is its index.ts.
  const core = /^main\/core\/([^/]+)(?:\/(.*))?$/.exec(p);
  if (core) return { zone: 'core', capability: core[1], isIndex: core[2] === undefined || /^index(\.tsx?)?$/.test(core[2]) };
  for (const z of ['main/electron', 'main/preload', 'main/rpc', 'main/devhost', 'main/cli', 'shared', 'renderer', 'server', 'test', 'scripts']) {
    if (p === z || p.startsWith(`${z}/`)) return { zone: z };
  }
  return { zone: 'other' };
}

function checkBare(from, source) {
  const bare = source.startsWith('@') ? source.split('/').slice(0, 2).join('/') : source.split('/')[0];
  const isElectron = bare === 'electron';
  if (isElectron && !['main/electron', 'main/preload', 'test'].includes(from.zone)) return 'only main/electron and main/preload import electron';
  if (from.zone === 'shared' && NODE_BUILTINS.has(source)) return 'shared/ is pure: no Node built-ins';
  if (from.zone === 'renderer' && (NODE_BUILTINS.has(source) || NATIVE_STORE.has(bare))) return 'renderer/ imports only shared/ and browser packages';
  return null;
}

function checkRelative(from, to) {
  switch (from.zone) {
    case 'shared':
      return to.zone === 'shared' ? null : 'shared/ imports nothing from main/, renderer/ or server/';
    case 'renderer':
      return to.zone === 'renderer' || to.zone === 'shared' ? null : 'renderer/ imports only shared/ and browser packages';
    case 'server':
      return to.zone === 'server' || to.zone === 'shared' ? null : 'server/ imports only shared/ from the rest';
    case 'core':
      if (to.zone === 'shared') return null;
      if (to.zone !== 'core') return 'main/core never imports electron, main/rpc, renderer/ or other zones';
      if (to.capability === from.capability) return null;
      if (from.capability === 'kernel') return 'main/core/kernel sits below every capability: it imports only shared/';
      if (to.isIndex) return null;
      return `main/core/${from.capability} reaches ${to.capability} only through its index.ts`;
    case 'main/rpc':
    case 'main/devhost':
    case 'main/cli':
      if (['renderer', 'server', 'main/electron', 'main/preload'].includes(to.zone)) return `${from.zone} may not import ${to.zone}`;
      if (to.zone === 'core' && !to.isIndex) return `${from.zone} reaches main/core/${to.capability} only through its index.ts`;
      return null;
    case 'main/electron':
    case 'main/preload':
      if (['renderer', 'server'].includes(to.zone)) return `${from.zone} may not import ${to.zone}`;
      if (to.zone === 'core' && !to.isIndex) return `${from.zone} reaches main/core/${to.capability} only through its index.ts`;
      return null;
    default:
      return null;
  }
}

// One graph per tree and lint run: built from disk the first time a file of that tree is linted.
const graphs = new Map();
function graphsOf(root) {
  if (!graphs.has(root)) {
    const graph = importGraph(root);
    graphs.set(root, { capabilities: capabilityEdges(root, graph), files: unitEdges(root, graph) });
  }
  return graphs.get(root);
}

const posix = (rel) => rel.split(path.sep).join('/');

/** The cycle this import closes, as text, or null. */
function cycleThrough(root, file, target) {
  const fromRel = posix(path.relative(root, file));
  const toRel = posix(path.relative(root, target));
  const { capabilities, files } = graphsOf(root);
  const [fromCap, toCap] = [capabilityOf(fromRel), capabilityOf(toRel)];
  if (fromCap && toCap && fromCap !== toCap) {
    const back = pathBetween(capabilities, toCap, fromCap);
    if (back) return `capabilities depend downwards only: ${[fromCap, ...back].join(' → ')} is a cycle; move what both need below them (main/core/kernel)`;
    return null;
  }
  const unit = unitOf(fromRel);
  if (unit && unit === unitOf(toRel)) {
    const back = pathBetween(files, target, file);
    if (back) return `files of ${unit} import each other in a circle: ${[fromRel, ...back.map((f) => posix(path.relative(root, f)))].join(' → ')}`;
  }
  return null;
}

const layering = {
  meta: { type: 'problem', schema: [], messages: { crossing: '{{why}} (architecture.md layering)' } },
  create(context) {
    const root = context.cwd;
    const file = context.filename;
    const from = zoneOf(path.relative(root, file));
    const check = (node, source) => {
      if (typeof source !== 'string') return;
      let why;
      if (source.startsWith('.')) {
        const target = path.resolve(path.dirname(file), source);
        why = checkRelative(from, zoneOf(path.relative(root, target)));
        const landsOn = why ? null : resolveImport(file, source);
        if (landsOn) why = cycleThrough(root, file, landsOn);
      } else {
        why = checkBare(from, source);
      }
      if (why) context.report({ node, messageId: 'crossing', data: { why } });
    };
    return {
      ImportDeclaration: (n) => check(n, n.source.value),
      ExportNamedDeclaration: (n) => n.source && check(n, n.source.value),
      ExportAllDeclaration: (n) => check(n, n.source.value),
      ImportExpression: (n) => n.source.type === 'Literal' && check(n, n.source.value),
    };
  },
};

export default { rules: { layering } };
