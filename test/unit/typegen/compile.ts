/**
 * Type-checks generated modules and programs that use them with the project's `typescript` (programmatic API,
 * `strict`, no emit), in memory: the files live under a virtual folder of the worktree, so `zod` resolves from
 * its node_modules. One program for many files: the diagnostics come back per file.
 */
import * as path from 'path';
import * as ts from 'typescript';

const ROOT = path.resolve(__dirname, '../../../../out/typegen-virtual');

export const COMPILER_OPTIONS: ts.CompilerOptions = {
  strict: true,
  noEmit: true,
  target: ts.ScriptTarget.ES2022,
  module: ts.ModuleKind.CommonJS,
  moduleResolution: ts.ModuleResolutionKind.Node10,
  lib: ['lib.es2022.d.ts'],
  types: [],
  skipLibCheck: true,
};

export interface FileDiagnostic {
  line: number;
  code: number;
  message: string;
}

/** Diagnostics per file name (every file of `files` has an entry, empty when it compiles). */
export function typeCheck(files: Record<string, string>): Record<string, FileDiagnostic[]> {
  const abs = new Map(Object.entries(files).map(([name, text]) => [path.join(ROOT, name), text]));
  const host = ts.createCompilerHost(COMPILER_OPTIONS);
  const { getSourceFile, fileExists, readFile } = host;
  host.getSourceFile = (name, lang, ...rest) => (abs.has(name) ? ts.createSourceFile(name, abs.get(name)!, lang) : getSourceFile.call(host, name, lang, ...rest));
  host.fileExists = name => abs.has(name) || fileExists.call(host, name);
  host.readFile = name => abs.get(name) ?? readFile.call(host, name);
  const { directoryExists } = host;
  host.directoryExists = dir => dir === ROOT || (directoryExists?.call(host, dir) ?? true);
  const program = ts.createProgram([...abs.keys()], COMPILER_OPTIONS, host);
  const out: Record<string, FileDiagnostic[]> = Object.fromEntries(Object.keys(files).map(f => [f, []]));
  for (const d of [...program.getSyntacticDiagnostics(), ...program.getSemanticDiagnostics(), ...program.getGlobalDiagnostics()]) {
    const name = d.file ? path.relative(ROOT, d.file.fileName) : '(global)';
    const line = d.file && d.start !== undefined ? d.file.getLineAndCharacterOfPosition(d.start).line + 1 : 0;
    (out[name] ??= []).push({ line, code: d.code, message: ts.flattenDiagnosticMessageText(d.messageText, '\n') });
  }
  return out;
}
