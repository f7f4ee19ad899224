/** What changed in the schema, in the person's language (the stale-types diagnostic). */
import * as vscode from 'vscode';
import type { SchemaChange } from '../typegen';

export function changeWords(c: SchemaChange): string {
  const where = c.target === 'object' ? vscode.l10n.t('object {0}', c.slug) : vscode.l10n.t('list {0}', c.slug);
  switch (c.kind) {
    case 'targetAdded':
      return vscode.l10n.t('{0} added', where);
    case 'targetRemoved':
      return vscode.l10n.t('{0} removed', where);
    case 'attributeAdded':
      return vscode.l10n.t('attribute {0}.{1} added', c.slug, c.attribute);
    case 'attributeRemoved':
      return vscode.l10n.t('attribute {0}.{1} removed', c.slug, c.attribute);
    case 'attributeRetyped':
      return vscode.l10n.t('attribute {0}.{1} retyped from {2} to {3}', c.slug, c.attribute, c.from, c.to);
    case 'attributeChanged':
      return vscode.l10n.t('attribute {0}.{1} changed', c.slug, c.attribute);
    case 'optionAdded':
      return vscode.l10n.t('option "{0}" of {1}.{2} added', c.option, c.slug, c.attribute);
    case 'optionRemoved':
      return vscode.l10n.t('option "{0}" of {1}.{2} removed', c.option, c.slug, c.attribute);
  }
}
