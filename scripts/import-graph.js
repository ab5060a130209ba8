// The import graph behind kura/layering's cycle check: which file imports which, read from disk with
// TypeScript's pre-processor (imports, re-exports, dynamic imports; type-only ones too, since a type
// cycle is still two modules that cannot be understood apart).
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';

/** The folders whose files take part: the rest cannot import them (layering) or is not shipped. */
const SCANNED = ['main', 'renderer', 'shared', 'server'];
const SOURCE = /\.tsx?$/;

function sourceFiles(dir) {
  if (!existsSync(dir)) return [];
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) return name === 'node_modules' ? [] : sourceFiles(full);
    return SOURCE.test(name) && !name.endsWith('.d.ts') ? [full] : [];
  });
}

/** The file a relative specifier lands on (as the bundler resolves it), or null outside the tree. */
export function resolveImport(fromFile, specifier) {
  const base = path.resolve(path.dirname(fromFile), specifier);
  for (const candidate of [base, `${base}.ts`, `${base}.tsx`, path.join(base, 'index.ts'), path.join(base, 'index.tsx')]) {
    if (SOURCE.test(candidate) && existsSync(candidate) && statSync(candidate).isFile()) return candidate;
  }
  return null;
}

/** The relative specifiers a source text imports or re-exports. */
export function relativeImports(text) {
  return ts.preProcessFile(text, true, true).importedFiles.map((f) => f.fileName).filter((s) => s.startsWith('.'));
}

/** Map of absolute file → files it imports, for every source file under root's scanned folders. */
export function importGraph(root) {
  const graph = new Map();
  for (const file of SCANNED.flatMap((d) => sourceFiles(path.join(root, d)))) {
    const targets = relativeImports(readFileSync(file, 'utf8')).map((s) => resolveImport(file, s)).filter((t) => t !== null);
    graph.set(file, new Set(targets));
  }
  return graph;
}

/** The capability of main/core a file (root-relative, '/'-separated) belongs to, or null. */
export function capabilityOf(rel) {
  const m = /^main\/core\/([^/]+)\//.exec(rel);
  return m ? m[1] : null;
}

/**
 * The unit whose files may not import each other in a circle: a capability of main/core, a renderer
 * feature, else the first two folders (renderer/app, shared/rpc, server/src). main/rpc is left out:
 * its router and the handlers it dispatches to know each other by design (one registry of channels).
 */
export function unitOf(rel) {
  const core = capabilityOf(rel);
  if (core) return `main/core/${core}`;
  const feature = /^renderer\/features\/([^/]+)\//.exec(rel);
  if (feature) return `renderer/features/${feature[1]}`;
  if (rel.startsWith('main/rpc/')) return null;
  const parts = rel.split('/');
  return parts.length > 2 ? parts.slice(0, 2).join('/') : null;
}

/** A path from `from` to `to` in the graph (a list of nodes), or null: breadth first, so the shortest. */
export function pathBetween(edges, from, to) {
  const cameFrom = new Map([[from, null]]);
  const queue = [from];
  while (queue.length > 0) {
    const node = queue.shift();
    if (node === to) {
      const route = [];
      for (let n = to; n !== null; n = cameFrom.get(n)) route.unshift(n);
      return route;
    }
    for (const next of edges.get(node) ?? []) {
      if (!cameFrom.has(next)) {
        cameFrom.set(next, node);
        queue.push(next);
      }
    }
  }
  return null;
}

/** The graph's edges between two different keys (capabilities), or inside one key (files of a unit). */
function keyedEdges(root, graph, keyOf, between) {
  const rel = (f) => path.relative(root, f).split(path.sep).join('/');
  const edges = new Map();
  for (const [file, targets] of graph) {
    const from = keyOf(rel(file));
    if (!from) continue;
    for (const t of targets) {
      const to = keyOf(rel(t));
      if (!to) continue;
      const [a, b] = between ? [from, to] : [file, t];
      if (between ? from === to : from !== to) continue;
      if (!edges.has(a)) edges.set(a, new Set());
      edges.get(a).add(b);
    }
  }
  return edges;
}

/** Capability → the capabilities of main/core its files import. */
export const capabilityEdges = (root, graph) => keyedEdges(root, graph, capabilityOf, true);
/** File → the files of its own unit it imports. */
export const unitEdges = (root, graph) => keyedEdges(root, graph, unitOf, false);

/** Every cycle in the tree, once each, as readable strings: between capabilities, and inside a unit. */
export function findCycles(root) {
  const graph = importGraph(root);
  const rel = (f) => path.relative(root, f).split(path.sep).join('/');
  const found = new Set();
  for (const [kind, edges, name] of [['capabilities', capabilityEdges(root, graph), (c) => c], ['files', unitEdges(root, graph), rel]]) {
    for (const [from, targets] of edges) {
      for (const to of targets) {
        const back = pathBetween(edges, to, from);
        if (back) found.add(`${kind}: ${canonical([from, ...back].map(name))}`);
      }
    }
  }
  return [...found].sort();
}

/** A cycle written from its smallest member, so the same cycle found from two edges reads the same. */
function canonical(cycle) {
  const ring = cycle.slice(0, -1);
  const start = ring.indexOf([...ring].sort()[0]);
  const rotated = [...ring.slice(start), ...ring.slice(0, start)];
  return [...rotated, rotated[0]].join(' → ');
}
