/**
 * The document rule: in a module that writes Markdown for people, every literal that reads as words counts,
 * wherever it flows, except positions no one sees (imports, keys, comparisons, logs, string methods' arguments).
 */
import * as ts from 'typescript';
import { calleeName, ignored, isL10nCall, readsAsWords, SILENT_METHODS, sourceText, templateLiteralText, type Finding } from './text';

/** Positions whose literals no person reads. */
function isSilentPosition(lit: ts.Node): boolean {
  const p = lit.parent;
  if (ts.isImportDeclaration(p) || ts.isExportDeclaration(p) || ts.isExternalModuleReference(p) || ts.isLiteralTypeNode(p)) return true;
  if ((ts.isPropertyAssignment(p) || ts.isPropertyDeclaration(p) || ts.isPropertySignature(p) || ts.isMethodDeclaration(p)) && p.name === lit) return true;
  if (ts.isElementAccessExpression(p) && p.argumentExpression === lit) return true;
  if (ts.isCaseClause(p)) return true;
  if (ts.isBinaryExpression(p)) {
    const k = p.operatorToken.kind;
    if (
      k === ts.SyntaxKind.EqualsEqualsEqualsToken || k === ts.SyntaxKind.ExclamationEqualsEqualsToken ||
      k === ts.SyntaxKind.EqualsEqualsToken || k === ts.SyntaxKind.ExclamationEqualsToken || k === ts.SyntaxKind.InKeyword
    ) return true;
  }
  if (ts.isCallExpression(p) || ts.isNewExpression(p)) {
    const name = calleeName(p.expression);
    if (name && SILENT_METHODS.has(name) && p.expression !== lit) {
      // `link(label, command)`: only the label is read
      if (name === 'link' && p.arguments?.[0] === lit) return false;
      return true;
    }
  }
  return false;
}

/** The document rule: every literal reading as words in a module that writes text for people. */
export function documentFindings(sf: ts.SourceFile, file: string): Finding[] {
  const out: Finding[] = [];
  const visit = (n: ts.Node): void => {
    if (isL10nCall(n) || ts.isImportDeclaration(n) || ts.isTypeNode(n)) return;
    let text: string | undefined;
    if (ts.isStringLiteral(n) || ts.isNoSubstitutionTemplateLiteral(n)) text = n.text;
    else if (ts.isTemplateExpression(n)) text = templateLiteralText(n);
    if (text !== undefined && !isSilentPosition(n) && readsAsWords(text) && !ignored(sf, n)) {
      out.push({ file, line: sf.getLineAndCharacterOfPosition(n.getStart(sf)).line + 1, text: sourceText(n, sf), where: 'document' });
    }
    ts.forEachChild(n, visit);
  };
  visit(sf);
  return out;
}

