/**
 * The JavaScript a visitor's browser loads before anything else: the built index.html's module
 * script and the modules it preloads (Vite lists every static import of the entry as a
 * modulepreload). Everything else — an experiment's view, the panels, TF.js and the training
 * engine in the worker — is imported later, on demand. Issue 11's budget is for these files.
 */
import { gzipSync } from 'node:zlib';

/** Issue 11: the page's own JavaScript at start, gzip, at most 250 KB. */
export const START_JS_BUDGET_BYTES = 250_000;

/** Strings every build of TF.js carries (its flag names and package name), to tell its code apart. */
export const TFJS_MARKERS = ['tfjsflags', 'IS_BROWSER', 'tfjs-layers'] as const;

/** The paths (as index.html writes them, e.g. "./assets/index-x.js") of the JavaScript loaded at start. */
export function startChunks(indexHtml: string): string[] {
  const paths: string[] = [];
  for (const tag of indexHtml.match(/<(script|link)\b[^>]*>/g) ?? []) {
    const isEntry = /^<script\b/.test(tag) && /\btype="module"/.test(tag);
    const isPreload = /^<link\b/.test(tag) && /\brel="modulepreload"/.test(tag);
    const path = /\b(?:src|href)="([^"]+\.js)"/.exec(tag)?.[1];
    if ((isEntry || isPreload) && path && !paths.includes(path)) paths.push(path);
  }
  return paths;
}

export interface StartJs {
  files: { path: string; gzipBytes: number; hasTfjs: boolean }[];
  gzipBytes: number;
}

/** Sizes of the start chunks, given a way to read each file. */
export async function measureStartJs(indexHtml: string, read: (path: string) => Promise<Uint8Array>): Promise<StartJs> {
  const files = await Promise.all(
    startChunks(indexHtml).map(async (path) => {
      const data = await read(path);
      const text = new TextDecoder().decode(data);
      return { path, gzipBytes: gzipSync(data).length, hasTfjs: TFJS_MARKERS.some((marker) => text.includes(marker)) };
    }),
  );
  return { files, gzipBytes: files.reduce((sum, f) => sum + f.gzipBytes, 0) };
}
