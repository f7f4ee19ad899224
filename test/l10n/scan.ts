/**
 * Finds user-visible string literals in src/ that bypass `vscode.l10n.t`, with the TypeScript compiler API.
 *
 * Two rules:
 *  - sink: a literal (or template) that reaches a place VS Code shows to a person: message boxes, quick picks and
 *    input boxes, tree items, Markdown, status bar, progress, code actions and lenses, tool invocation messages,
 *    errors thrown to commands, webview HTML; and the `label`/`tooltip`/`title`/… properties of objects in files
 *    that talk to VS Code.
 *  - document: in the modules that write Markdown for people (detail pages, reports, hover cards; TEXT_MODULES),
 *    every literal that reads as words, wherever it flows, except positions no one sees (imports, keys,
 *    comparisons, logs, string methods' arguments, links' targets).
 * A literal counts when, after removing codicons `$(…)`, URLs, placeholders and Markdown/HTML syntax, a letter is
 * left that is not part of an ALLOWED word. `vscode.l10n.t(...)` (and `l10n.t` imported from 'vscode') is where
 * translation happens: everything inside it is fine.
 *
 * `node out/test/l10n/scan.js` prints every finding grouped by file (the same as ATTIO_L10N_REPORT=1 on the test).
 */
import * as fs from 'fs';
import * as path from 'path';
import * as ts from 'typescript';
import { documentFindings } from './document';
import {
  calleeName, hasWords, htmlText, ignored, importsVscode, isL10nCall, SILENT_METHODS, sourceText, templateLiteralText, type Finding,
} from './text';
import { addSinkParam, parameterOf, parameterPropertyOf, sinkArgument, superClassName, type SinkParams } from './wrappers';

export { ALLOWED_WORDS, IGNORE_MARKER, readableText, type Finding } from './text';

/** Modules that build text for people without calling VS Code APIs for it (their Markdown is the output). */
export const TEXT_MODULES: readonly string[] = [
  'src/detail/',
  'src/account/reports.ts',
  'src/editor/card.ts',
  'src/editor/format.ts',
];

/** Modules whose text a person never reads as prose (model-facing tool output, generated code). */
export const NOT_FOR_PEOPLE: readonly string[] = ['src/chat/tools/', 'src/developer/snippets.ts'];

/**
 * In those modules, what these methods return is shown to the person after all: a tool's progress line
 * (`invocationMessage`) and a write tool's confirmation (`title`, `message`). (`gate` answers the model; the person's
 * "turned off / not signed in" comes from the wording the tools are given.)
 */
const PERSON_METHODS_IN_TOOLS = new Set(['progress', 'confirm']);

const CALL_SINKS: Readonly<Record<string, 'all' | 'first' | 'second' | 'objects'>> = {
  createWebviewPanel: 'second',
  showInformationMessage: 'all',
  showWarningMessage: 'all',
  showErrorMessage: 'all',
  showError: 'all',
  setStatusBarMessage: 'first',
  showQuickPick: 'all',
  showOpenDialog: 'objects',
  showSaveDialog: 'objects',
  showInputBox: 'all',
  appendMarkdown: 'first',
  appendText: 'first',
  withProgress: 'objects',
  report: 'objects',
};

const NEW_SINKS: Readonly<Record<string, 'first' | 'all'>> = {
  TreeItem: 'first',
  MarkdownString: 'first',
  CodeAction: 'first',
  CodeLens: 'all',
  Error: 'first',
  CancellationError: 'first',
  LanguageModelToolInvocation: 'all',
  McpHttpServerDefinition: 'first',
  Hover: 'first',
  CompletionItem: 'first',
};

/** Object properties and assigned properties VS Code shows (quick pick items, tree items, status bar, …). */
const VISIBLE_PROPS = new Set([
  'label',
  'description',
  'detail',
  'tooltip',
  'title',
  'placeHolder',
  'placeholder',
  'prompt',
  'validationMessage',
  'openLabel',
  'invocationMessage',
  'confirmationMessages',
  'message',
  'text',
  'items',
  'html',
]);

/** Properties that are visible only in some objects: counted in assignments/objects of files using vscode. */
const MODEL_FACING_NEW = new Set(['LanguageModelTextPart', 'LanguageModelToolResult', 'LanguageModelChatMessage']);

/** Source files to scan together: `file` names them in the report and decides which module lists apply. */
export interface SourceText {
  file: string;
  text: string;
}


/** Scans one file on its own (wrappers of sinks count only when defined in the same text). */
export function scanSource(file: string, text: string): Finding[] {
  return scanSources([{ file, text }]);
}

/** Scans files together, so a literal passed to a wrapper defined in another file is found too. */
export function scanSources(sources: readonly SourceText[]): Finding[] {
  const parsed = sources.map(({ file, text }) => {
    const norm = file.split(path.sep).join('/');
    return {
      norm,
      sf: ts.createSourceFile(file, text, ts.ScriptTarget.ES2022, true, ts.ScriptKind.TS),
      toolsOnly: NOT_FOR_PEOPLE.some(p => norm.startsWith(p) || norm.includes('/' + p)),
      textModule: TEXT_MODULES.some(p => norm.startsWith(p) || norm.includes('/' + p)),
    };
  });
  const sinkParams: SinkParams = new Map();
  for (let round = 0; round < 10; round++) {
    const before = [...sinkParams.values()].reduce((n, v) => n + v.size, 0);
    for (const p of parsed) scanSinksOnly(p.sf, p.norm, p.toolsOnly, sinkParams);
    if ([...sinkParams.values()].reduce((n, v) => n + v.size, 0) === before) break;
  }
  const findings: Finding[] = [];
  for (const p of parsed) {
    const own = scanSinksOnly(p.sf, p.norm, p.toolsOnly, sinkParams);
    if (p.textModule) {
      const seen = new Set(own.map(f => `${f.line}:${f.text}`));
      for (const f of documentFindings(p.sf, p.norm)) if (!seen.has(`${f.line}:${f.text}`)) own.push(f);
    }
    findings.push(...own.sort((a, b) => a.line - b.line));
  }
  return findings;
}

function scanSinksOnly(sf: ts.SourceFile, file: string, toolsOnly: boolean, sinkParams: SinkParams): Finding[] {
  const usesVscode = importsVscode(sf);
  const findings: Finding[] = [];
  const reported = new Set<ts.Node>();
  /** Every `const` of the file by name (all of them when a name is declared in several functions). */
  const consts = new Map<string, ts.Expression[]>();
  const collectConsts = (n: ts.Node): void => {
    if (ts.isVariableDeclaration(n) && ts.isIdentifier(n.name) && n.initializer && ts.getCombinedNodeFlags(n) & ts.NodeFlags.Const) {
      consts.set(n.name.text, [...(consts.get(n.name.text) ?? []), n.initializer]);
    }
    ts.forEachChild(n, collectConsts);
  };
  collectConsts(sf);

  const methods = new Map<string, ts.MethodDeclaration>();
  const functions = new Map<string, ts.FunctionDeclaration>();
  const collectMethods = (n: ts.Node): void => {
    if (ts.isMethodDeclaration(n) && ts.isIdentifier(n.name) && n.body) methods.set(n.name.text, n);
    if (ts.isFunctionDeclaration(n) && n.name && n.body) functions.set(n.name.text, n);
    ts.forEachChild(n, collectMethods);
  };
  collectMethods(sf);

  const report = (lit: ts.Node, where: string, text: string): void => {
    if (reported.has(lit) || !hasWords(text) || ignored(sf, lit)) return;
    reported.add(lit);
    findings.push({ file, line: sf.getLineAndCharacterOfPosition(lit.getStart(sf)).line + 1, text: sourceText(lit, sf), where });
  };

  /** Follows an expression that becomes visible text down to its literals. */
  const collect = (e: ts.Node | undefined, where: string, seen = new Set<ts.Node>()): void => {
    if (!e || seen.has(e)) return;
    seen.add(e);
    if (isL10nCall(e)) return;
    if (ts.isStringLiteral(e) || ts.isNoSubstitutionTemplateLiteral(e)) return report(e, where, e.text);
    if (ts.isTemplateExpression(e)) {
      report(e, where, templateLiteralText(e));
      for (const span of e.templateSpans) collect(span.expression, where, seen);
      return;
    }
    if (ts.isParenthesizedExpression(e) || ts.isAsExpression(e) || ts.isNonNullExpression(e) || ts.isSatisfiesExpression(e) || ts.isAwaitExpression(e)) {
      return collect(e.expression, where, seen);
    }
    if (ts.isConditionalExpression(e)) {
      collect(e.whenTrue, where, seen);
      return collect(e.whenFalse, where, seen);
    }
    if (ts.isBinaryExpression(e)) {
      const op = e.operatorToken.kind;
      if (op === ts.SyntaxKind.PlusToken || op === ts.SyntaxKind.QuestionQuestionToken || op === ts.SyntaxKind.BarBarToken) {
        collect(e.left, where, seen);
        collect(e.right, where, seen);
      } else if (op === ts.SyntaxKind.AmpersandAmpersandToken) collect(e.right, where, seen);
      return;
    }
    if (ts.isArrayLiteralExpression(e)) {
      for (const el of e.elements) collect(ts.isSpreadElement(el) ? el.expression : el, where, seen);
      return;
    }
    if (ts.isObjectLiteralExpression(e)) {
      for (const p of e.properties) {
        const name = p.name && (ts.isIdentifier(p.name) || ts.isStringLiteral(p.name)) ? p.name.text : undefined;
        if (name && VISIBLE_PROPS.has(name)) {
          if (ts.isPropertyAssignment(p)) collect(p.initializer, name, seen);
          else if (ts.isShorthandPropertyAssignment(p)) collect(p.name, name, seen);
          else if (ts.isMethodDeclaration(p)) collectReturns(p, name, seen);
        } else if (name === 'validateInput' && (ts.isPropertyAssignment(p) || ts.isMethodDeclaration(p))) {
          collectReturns(ts.isPropertyAssignment(p) ? p.initializer : p, 'validateInput', seen);
        } else if (ts.isSpreadAssignment(p)) collect(p.expression, where, seen);
      }
      return;
    }
    if (ts.isIdentifier(e)) {
      const param = parameterOf(e);
      if (param) addSinkParam(sinkParams, param.owner, param.index);
      else for (const init of consts.get(e.text) ?? []) collect(init, where, seen);
      return;
    }
    if (ts.isPropertyAccessExpression(e)) {
      const param = parameterPropertyOf(e);
      if (param) addSinkParam(sinkParams, param.owner, param.index);
      else if (ts.isIdentifier(e.expression)) {
        // `opts.title` where `opts` is a parameter: the `title` of the object passed there
        const options = parameterOf(e.expression);
        if (options) addSinkParam(sinkParams, options.owner, options.index, e.name.text);
      }
      return;
    }
    if (ts.isArrowFunction(e) || ts.isFunctionExpression(e)) return collectReturns(e, where, seen);
    if (ts.isCallExpression(e)) {
      // `[...].join(' ')`, `items.map(i => ({ label: … }))`: the array's strings and the callbacks' results are shown
      const name = calleeName(e.expression);
      if (name && SILENT_METHODS.has(name)) return;
      if (ts.isPropertyAccessExpression(e.expression) && e.expression.expression.kind === ts.SyntaxKind.ThisKeyword) {
        const m = methods.get(e.expression.name.text);
        if (m) collectReturns(m, where, seen);
        return;
      }
      if (ts.isIdentifier(e.expression)) {
        // a helper of this file (`title(step)`): what it returns is shown
        const fn = functions.get(e.expression.text) ?? consts.get(e.expression.text)?.find(x => ts.isArrowFunction(x) || ts.isFunctionExpression(x));
        if (fn) collectReturns(fn, where, seen);
      }
      if (ts.isPropertyAccessExpression(e.expression)) collect(e.expression.expression, where, seen);
      for (const a of e.arguments) if (ts.isArrowFunction(a) || ts.isFunctionExpression(a)) collectReturns(a, where, seen);
      return;
    }
    if (ts.isNewExpression(e) && calleeName(e.expression) === 'MarkdownString') return collect(e.arguments?.[0], where, seen);
  };

  const collectReturns = (fn: ts.Node, where: string, seen: Set<ts.Node>): void => {
    if ((ts.isArrowFunction(fn) || ts.isFunctionExpression(fn)) && !ts.isBlock(fn.body)) return collect(fn.body, where, seen);
    const visit = (n: ts.Node): void => {
      if (ts.isReturnStatement(n)) collect(n.expression, where, seen);
      if (!ts.isFunctionLike(n) || n === fn) ts.forEachChild(n, visit);
    };
    ts.forEachChild(fn, visit);
  };

  const visit = (n: ts.Node): void => {
    if (isL10nCall(n)) {
      // a message @vscode/l10n-dev cannot extract is never translated
      const msg = ts.isCallExpression(n) ? n.arguments[0] : undefined;
      const literal = (x: ts.Node | undefined) => !!x && (ts.isStringLiteral(x) || ts.isNoSubstitutionTemplateLiteral(x));
      const messageProp = msg && ts.isObjectLiteralExpression(msg)
        ? msg.properties.find((p): p is ts.PropertyAssignment => ts.isPropertyAssignment(p) && ts.isIdentifier(p.name) && p.name.text === 'message')
        : undefined;
      if (ts.isCallExpression(n) && !literal(msg) && !(messageProp && literal(messageProp.initializer))) {
        findings.push({ file, line: sf.getLineAndCharacterOfPosition(n.getStart(sf)).line + 1, text: sourceText(n, sf), where: 'l10n.t needs a literal message' });
      }
      return;
    }
    if (ts.isNewExpression(n) && MODEL_FACING_NEW.has(calleeName(n.expression) ?? '')) return;
    if (!toolsOnly && ts.isCallExpression(n)) {
      const name = calleeName(n.expression);
      const mode = name && Object.hasOwn(CALL_SINKS, name) ? CALL_SINKS[name] : undefined;
      if (name && mode && (usesVscode || name === 'showError')) {
        const args = mode === 'first' ? n.arguments.slice(0, 1) : mode === 'second' ? n.arguments.slice(1, 2) : n.arguments;
        for (const a of args) if (mode !== 'objects' || ts.isObjectLiteralExpression(a)) collect(a, name);
      }
    }
    if (!toolsOnly && (ts.isCallExpression(n) || ts.isNewExpression(n))) {
      const name = ts.isCallExpression(n) && n.expression.kind === ts.SyntaxKind.SuperKeyword ? superClassName(n) : calleeName(n.expression);
      for (const spec of (name && sinkParams.get(name)) || []) collect(sinkArgument(n.arguments, spec), `${name}()`);
    }
    if (ts.isNewExpression(n)) {
      const name = calleeName(n.expression);
      const isError = !!name && /Error$/.test(name);
      const mode = name && Object.hasOwn(NEW_SINKS, name) ? NEW_SINKS[name] : isError ? 'first' : undefined;
      // errors thrown by code without vscode (attio, data, OAuth, the model-facing tools) are English log lines: the
      // surface that shows a failure words it from the error's type (src/common/errorWording.ts, signIn/controller.ts)
      const errorOutsideUi = isError && (toolsOnly || /(^|\/)src\/(attio|data)\//.test(file) || !usesVscode);
      if (name && mode && !errorOutsideUi && (!toolsOnly || name === 'LanguageModelToolInvocation')) {
        for (const a of (mode === 'first' ? n.arguments?.slice(0, 1) : n.arguments) ?? []) collect(a, isError ? `new ${name}` : name);
      }
    }
    if (toolsOnly && ts.isMethodDeclaration(n) && ts.isIdentifier(n.name) && PERSON_METHODS_IN_TOOLS.has(n.name.text)) {
      collectReturns(n, n.name.text, new Set());
    }
    if (ts.isPropertyAssignment(n) || ts.isMethodDeclaration(n)) {
      const name = n.name && (ts.isIdentifier(n.name) || ts.isStringLiteral(n.name)) ? n.name.text : undefined;
      const toolProp = name === 'invocationMessage' || name === 'confirmationMessages';
      if (name && (toolProp || (!toolsOnly && usesVscode && VISIBLE_PROPS.has(name) && name !== 'html'))) {
        if (ts.isPropertyAssignment(n)) collect(n.initializer, name);
        else collectReturns(n, name, new Set());
      }
      if (name === 'validateInput' && usesVscode && ts.isPropertyAssignment(n)) collectReturns(n.initializer, name, new Set());
    }
    if (!toolsOnly && usesVscode && ts.isBinaryExpression(n) && n.operatorToken.kind === ts.SyntaxKind.EqualsToken && ts.isPropertyAccessExpression(n.left)) {
      const name = n.left.name.text;
      // a status bar item's `name` is shown in the status bar's context menu (an error's `name` is not)
      const itemName = name === 'name' && /item|status/i.test(n.left.expression.getText(sf));
      if (VISIBLE_PROPS.has(name) || itemName) {
        if (name === 'html') collectHtml(n.right);
        else collect(n.right, name);
      }
    }
    ts.forEachChild(n, visit);
  };

  /** Webview HTML: the text between tags of its templates. */
  const collectHtml = (e: ts.Expression): void => {
    const look = (n: ts.Node): void => {
      if (isL10nCall(n)) return;
      if (ts.isStringLiteral(n) || ts.isNoSubstitutionTemplateLiteral(n)) report(n, 'html', htmlText(n.text));
      else if (ts.isTemplateExpression(n)) report(n, 'html', htmlText(templateLiteralText(n)));
      ts.forEachChild(n, look);
    };
    look(e);
  };

  visit(sf);
  return findings;
}

/** Every `.ts` file under `root` (recursively), sorted. */
export function sourceFiles(root: string): string[] {
  return fs
    .readdirSync(root, { withFileTypes: true })
    .flatMap(d => {
      const p = path.join(root, d.name);
      return d.isDirectory() ? sourceFiles(p) : d.name.endsWith('.ts') && !d.name.endsWith('.d.ts') ? [p] : [];
    })
    .sort();
}

/** Scans every file of `srcDir` (findings name files relative to its parent, e.g. `src/…`). */
export function scanTree(srcDir: string): Finding[] {
  const base = path.dirname(srcDir);
  return scanSources(sourceFiles(srcDir).map(f => ({ file: path.relative(base, f), text: fs.readFileSync(f, 'utf8') })));
}

/** Findings grouped by file, one line each: `  12  [label]  '$(key) Paste an access token'`. */
export function formatReport(findings: readonly Finding[]): string {
  const byFile = new Map<string, Finding[]>();
  for (const f of findings) byFile.set(f.file, [...(byFile.get(f.file) ?? []), f]);
  const lines: string[] = [];
  for (const [file, list] of [...byFile].sort(([a], [b]) => a.localeCompare(b))) {
    lines.push(`${file} (${list.length})`);
    for (const f of list) lines.push(`  ${String(f.line).padStart(4)}  [${f.where}]  ${f.text}`);
  }
  lines.push(`${findings.length} string(s) in ${byFile.size} file(s) bypass vscode.l10n.t`);
  return lines.join('\n');
}

if (require.main === module) {
  const src = path.resolve(__dirname, '..', '..', '..', 'src');
  console.log(formatReport(scanTree(src)));
}
