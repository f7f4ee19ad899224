/**
 * Wrappers of sinks: `ti(label, …)` → `new TreeItem(label)`, `new MessageNode(…, label)` → `item.tooltip = this.label`.
 * A parameter that reaches a sink makes the same argument of every call a sink, learned across all files.
 */
import * as ts from 'typescript';
import { calleeName, SILENT_METHODS } from './text';

/**
 * Function, method and class name → what of its arguments ends up shown: `"2"` the third argument, `"1.title"` the
 * `title` property of an object literal passed second (`pickRecord(data, { title, skipLabel })`).
 */
export type SinkParams = Map<string, Set<string>>;

/** The name calls use for a function-like node: its own name, its class's for a constructor, its const's for an arrow. */
export function ownerName(fn: ts.SignatureDeclaration): string | undefined {
  if ((ts.isFunctionDeclaration(fn) || ts.isMethodDeclaration(fn)) && fn.name && ts.isIdentifier(fn.name)) return fn.name.text;
  if (ts.isConstructorDeclaration(fn) && ts.isClassDeclaration(fn.parent) && fn.parent.name) return fn.parent.name.text;
  if ((ts.isArrowFunction(fn) || ts.isFunctionExpression(fn)) && ts.isVariableDeclaration(fn.parent) && ts.isIdentifier(fn.parent.name)) {
    return fn.parent.name.text;
  }
  return undefined;
}

/** Names too common to follow across files (a method `get(label)` somewhere must not make every `.get('x')` a sink). */
const GENERIC_NAMES = new Set(['run', 'get', 'set', 'push', 'add', 'show', 'update', 'fire', 'call', 'apply', 'map', 'then', 'resolve', 'reject']);

export function addSinkParam(sinkParams: SinkParams, owner: string | undefined, index: number, prop?: string): void {
  if (!owner || index < 0 || GENERIC_NAMES.has(owner) || SILENT_METHODS.has(owner)) return;
  const set = sinkParams.get(owner) ?? new Set<string>();
  set.add(prop ? `${index}.${prop}` : String(index));
  sinkParams.set(owner, set);
}

/** `label` used inside a function whose parameter it is: the function's name and the parameter's index. */
export function parameterOf(id: ts.Identifier): { owner: string | undefined; index: number } | undefined {
  for (let n: ts.Node | undefined = id.parent; n; n = n.parent) {
    if (ts.isFunctionLike(n)) {
      const index = n.parameters.findIndex(p => ts.isIdentifier(p.name) && p.name.text === id.text);
      if (index >= 0) return { owner: ownerName(n), index };
    }
  }
  return undefined;
}

/** `this.label` where `label` is a constructor parameter property (`readonly label: string`). */
export function parameterPropertyOf(e: ts.PropertyAccessExpression): { owner: string | undefined; index: number } | undefined {
  if (e.expression.kind !== ts.SyntaxKind.ThisKeyword) return undefined;
  let cls: ts.Node | undefined = e.parent;
  while (cls && !ts.isClassDeclaration(cls)) cls = cls.parent;
  if (!cls || !ts.isClassDeclaration(cls) || !cls.name) return undefined;
  const ctor = cls.members.find(ts.isConstructorDeclaration);
  const index = ctor?.parameters.findIndex(
    p => ts.isIdentifier(p.name) && p.name.text === e.name.text && !!ts.getModifiers(p)?.length,
  );
  return ctor && index !== undefined && index >= 0 ? { owner: cls.name.text, index } : undefined;
}

/** For `super(…)`: the class being extended. */
export function superClassName(call: ts.CallExpression): string | undefined {
  let cls: ts.Node | undefined = call.parent;
  while (cls && !ts.isClassDeclaration(cls)) cls = cls.parent;
  const ext = cls && ts.isClassDeclaration(cls) ? cls.heritageClauses?.find(h => h.token === ts.SyntaxKind.ExtendsKeyword) : undefined;
  const base = ext?.types[0]?.expression;
  return base ? calleeName(base) : undefined;
}


/** The arguments of a call that `spec` (from {@link SinkParams}) names: the argument, or a property of an object literal. */
export function sinkArgument(args: ts.NodeArray<ts.Expression> | undefined, spec: string): ts.Node | undefined {
  const [i, prop] = spec.split('.');
  const arg = args?.[Number(i)];
  if (!prop || !arg) return arg;
  if (!ts.isObjectLiteralExpression(arg)) return undefined;
  for (const p of arg.properties) {
    if (!p.name || !(ts.isIdentifier(p.name) || ts.isStringLiteral(p.name)) || p.name.text !== prop) continue;
    if (ts.isPropertyAssignment(p)) return p.initializer;
    if (ts.isShorthandPropertyAssignment(p)) return p.name;
  }
  return undefined;
}
