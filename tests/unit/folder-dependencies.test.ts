/**
 * The folders of lib/ (and db/) depend on each other in one direction only: a cycle between two folders
 * (auth -> shares -> auth, say) means neither can be understood, tested or moved without the other. Imports
 * are read from the TypeScript sources with the compiler's own scanner, static and dynamic alike.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';

const ROOT = process.cwd();

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const file = path.join(dir, name);
    if (statSync(file).isDirectory()) return sourceFiles(file);
    return /\.tsx?$/.test(name) ? [file] : [];
  });
}

/** `lib/auth` for lib/auth/scope.ts, `lib/env` for lib/env.ts, `db` for anything under db/. */
function folderOf(file: string): string {
  const [top, second] = path.relative(ROOT, file).split(path.sep);
  return top === 'db' ? 'db' : `lib/${second!.replace(/\.tsx?$/, '')}`;
}

function importedFolders(file: string): Set<string> {
  const { importedFiles } = ts.preProcessFile(readFileSync(file, 'utf8'), true, true);
  const folders = new Set<string>();
  for (const { fileName } of importedFiles) {
    const target = fileName.startsWith('@/') ? path.join(ROOT, fileName.slice(2)) : fileName.startsWith('.') ? path.resolve(path.dirname(file), fileName) : null;
    const relative = target && path.relative(ROOT, target);
    if (relative && (relative.startsWith(`lib${path.sep}`) || relative.startsWith('db'))) folders.add(folderOf(target));
  }
  return folders;
}

/** Every cycle of the folder graph, each as the folders on it, found by a depth-first walk. */
function cycles(graph: Map<string, Set<string>>): string[][] {
  const found: string[][] = [];
  const state = new Map<string, 'open' | 'done'>();
  const walk = (folder: string, trail: string[]) => {
    state.set(folder, 'open');
    for (const next of graph.get(folder) ?? []) {
      if (state.get(next) === 'open') found.push([...trail.slice(trail.indexOf(next)), folder, next]);
      else if (!state.has(next)) walk(next, [...trail, folder]);
    }
    state.set(folder, 'done');
  };
  for (const folder of [...graph.keys()].sort()) if (!state.has(folder)) walk(folder, []);
  return found;
}

describe('folder dependencies', () => {
  const graph = new Map<string, Set<string>>();
  for (const file of [...sourceFiles(path.join(ROOT, 'lib')), ...sourceFiles(path.join(ROOT, 'db'))]) {
    const from = folderOf(file);
    for (const to of importedFolders(file)) if (to !== from) graph.set(from, (graph.get(from) ?? new Set()).add(to));
  }

  it('reads the folders of lib/', () => {
    expect(graph.has('lib/auth')).toBe(true);
    expect(graph.get('lib/queries')).toContain('lib/auth');
  });

  it('keeps db/ below lib/: whoever opens the app database reads the settings and passes them in', () => {
    expect([...(graph.get('db') ?? [])]).toEqual([]);
  });

  it('has no cycle between folders of lib/ and db/', () => {
    expect(cycles(graph)).toEqual([]);
  });
});
