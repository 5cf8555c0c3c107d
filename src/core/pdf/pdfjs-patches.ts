/**
 * Edits to pdfjs-dist's worker module (the part that parses PDFs), applied to its source text
 * when it is loaded (pdfjs.ts). pdfjs-dist is pinned to one exact version in package.json; every
 * edit must find its text exactly once, and a test checks that they all apply to the installed
 * version, so that an upgrade cannot drop one unnoticed.
 *
 * Why: for each embedded Type1 or CFF font (LibreOffice and cairo embed CJK OpenType fonts as
 * Type1), pdfjs builds an OpenType file for the browser to draw with: it compiles the glyph
 * outlines into a CFF table, one `Array.push` per byte. Text extraction never reads that file;
 * only drawing does (an operator list reads it for the glyph paths). Building it was 15 % of a
 * parse's CPU time on the seed PDFs, and half of all page faults (arrays grown again and again
 * in fresh memory). The edits build it on first read instead: same bytes, same text.
 *
 * What else could differ: pdfjs falls back to a system font when building the file throws. Now
 * that happens on the first read, if ever; the text is then read with the font's own glyph
 * mapping (already computed) instead of the fallback's, and the file reads as null (no font
 * file, as with the fallback).
 */

export interface SourcePatch {
  what: string
  find: string
  replace: string
}

/** Defines `obj[key]` as a value computed by `build` on first read (and assignable). */
const lazy = (obj: string, key: string, build: string, onError = '') =>
  `{ let built, done = false; Object.defineProperty(${obj}, "${key}", { configurable: true, enumerable: true, ` +
  `get() { if (!done) { ${onError ? `try { built = ${build}; } catch (e) { ${onError} }` : `built = ${build};`} done = true; } return built; }, ` +
  `set(v) { built = v; done = true; } }); }`

export const WORKER_PATCHES: readonly SourcePatch[] = [
  {
    what: 'Type1Font: the CFF table compiled on first read of .data',
    find: '    this.data = this.wrap(name, type2Charstrings, this.charstrings, subrs, properties);\n',
    // wrap() reads these three properties; the caller may replace fontMatrix afterwards
    // (adjustWidths), so they are taken now, as the eager call saw them.
    replace:
      '    const wrapProperties = { fontMatrix: properties.fontMatrix, bbox: properties.bbox, privateData: properties.privateData };\n' +
      `    ${lazy('this', 'data', 'this.wrap(name, type2Charstrings, this.charstrings, subrs, wrapProperties)')}\n`
  },
  {
    what: 'CFFFont: the font compiled on first read of .data',
    find: '    try {\n      this.data = compiler.compile();\n    } catch {\n      warn("Failed to compile font " + properties.loadedName);\n      this.data = file;\n    }\n',
    replace: `    ${lazy('this', 'data', 'compiler.compile()', 'warn("Failed to compile font " + properties.loadedName); built = file;')}\n`
  },
  {
    what: 'Font.convert: glyph mapping now, the OpenType file as a function (start)',
    find: '    const unitsPerEm = properties.fontMatrix ? 1 / Math.max(...properties.fontMatrix.slice(0, 4).map(Math.abs)) : 1000;\n',
    replace: '    return () => {\n    const unitsPerEm = properties.fontMatrix ? 1 / Math.max(...properties.fontMatrix.slice(0, 4).map(Math.abs)) : 1000;\n'
  },
  {
    what: 'Font.convert: glyph mapping now, the OpenType file as a function (end)',
    find: '    builder.addTable("post", createPostTable(properties));\n    return builder.toArray();\n  }\n',
    replace: '    builder.addTable("post", createPostTable(properties));\n    return builder.toArray();\n    };\n  }\n'
  },
  {
    what: 'Font: .data built on first read when convert gave a function',
    find: '    amendFallbackToUnicode(properties);\n    this.data = data;\n',
    replace:
      '    amendFallbackToUnicode(properties);\n' +
      `    if (typeof data === "function") ${lazy('this', 'data', 'data()', 'warn(`Font "${name}": ${e}`); built = null;')}\n` +
      '    else this.data = data;\n'
  }
]

/** The worker source with every patch applied; throws naming the first one that does not fit. */
export function patchWorkerSource(source: string, originalUrl: string): string {
  let out = source
  for (const p of WORKER_PATCHES) {
    const at = out.indexOf(p.find)
    if (at < 0 || out.indexOf(p.find, at + 1) >= 0) {
      throw new Error(`pdfjs-dist 补丁“${p.what}”在 pdf.worker.mjs 中${at < 0 ? '找不到' : '不止一处'}对应的代码（pdfjs-dist 版本是否已变？）`)
    }
    out = out.slice(0, at) + p.replace + out.slice(at + p.find.length)
  }
  // The patched copy lives elsewhere: its emscripten loaders still see the package's address.
  // Its lines no longer match the package's source map, which is not beside it either (Vite's
  // test runner logged a failed read of it for every worker): the reference goes.
  return out.replaceAll('import.meta.url', JSON.stringify(originalUrl)).replace(/\n\/\/# sourceMappingURL=\S+\s*$/, '\n')
}
