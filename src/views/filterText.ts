/**
 * The words of filters in the display language: an operator as the builder offers it ("Stage is"), a condition
 * ("Stage is Negotiation") and a whole filter as an object's or a list's node describes it. The data layer's
 * recordFilter.ts (no `vscode`) keeps the English ones for its own messages; this module, bundled with the builder
 * (lazy part `sidebar`), replaces them wherever a person reads them. `vscode` only for `l10n.t`.
 */
import * as vscode from 'vscode';
import type { FilterCondition, FilterOp, RecordFilter } from '../data/recordFilter';

/** An operator after its attribute, without a value: a picker's item and the value prompt's title. */
export function operatorLabel(attribute: string, op: FilterOp): string {
  const a = attribute;
  switch (op) {
    case 'contains':
      return vscode.l10n.t({ message: '{0} contains', args: [a], comment: '{0}: an attribute; a filter operator, the value follows' });
    case 'eq':
    case 'is':
    case 'isRecord':
      return vscode.l10n.t({ message: '{0} is', args: [a], comment: '{0}: an attribute; a filter operator, the value follows' });
    case 'startsWith':
      return vscode.l10n.t({ message: '{0} starts with', args: [a], comment: '{0}: an attribute; a filter operator, the value follows' });
    case 'lt':
      return vscode.l10n.t({ message: '{0} is less than', args: [a], comment: '{0}: an attribute; a filter operator, a number follows' });
    case 'gt':
      return vscode.l10n.t({ message: '{0} is more than', args: [a], comment: '{0}: an attribute; a filter operator, a number follows' });
    case 'before':
      return vscode.l10n.t({ message: '{0} is before', args: [a], comment: '{0}: an attribute; a filter operator, a date follows' });
    case 'after':
      return vscode.l10n.t({ message: '{0} is after', args: [a], comment: '{0}: an attribute; a filter operator, a date follows' });
    case 'withinDays':
      return vscode.l10n.t({ message: '{0} is within the last … days', args: [a], comment: '{0}: an attribute; a filter operator, the number of days is asked next' });
    default:
      return conditionText(attribute, op);
  }
}

/** A condition in words: attribute, operator, value (`value` is the value's label, or the day count). */
export function conditionText(attribute: string, op: FilterOp, value = ''): string {
  const args = [attribute, value];
  switch (op) {
    case 'contains':
      return vscode.l10n.t({ message: '{0} contains {1}', args, comment: 'a filter condition; {0}: attribute, {1}: text' });
    case 'eq':
    case 'is':
    case 'isRecord':
      return vscode.l10n.t({ message: '{0} is {1}', args, comment: 'a filter condition; {0}: attribute, {1}: value' });
    case 'startsWith':
      return vscode.l10n.t({ message: '{0} starts with {1}', args, comment: 'a filter condition; {0}: attribute, {1}: text' });
    case 'lt':
      return vscode.l10n.t({ message: '{0} is less than {1}', args, comment: 'a filter condition; {0}: attribute, {1}: number' });
    case 'gt':
      return vscode.l10n.t({ message: '{0} is more than {1}', args, comment: 'a filter condition; {0}: attribute, {1}: number' });
    case 'before':
      return vscode.l10n.t({ message: '{0} is before {1}', args, comment: 'a filter condition; {0}: attribute, {1}: date' });
    case 'after':
      return vscode.l10n.t({ message: '{0} is after {1}', args, comment: 'a filter condition; {0}: attribute, {1}: date' });
    case 'withinDays':
      return value === '1'
        ? vscode.l10n.t({ message: '{0} is within the last day', args, comment: 'a filter condition; {0}: attribute' })
        : vscode.l10n.t({ message: '{0} is within the last {1} days', args, comment: 'a filter condition; {0}: attribute, {1}: number of days' });
    case 'checked':
      return vscode.l10n.t({ message: '{0} is checked', args, comment: 'a filter condition on a checkbox; {0}: attribute' });
    case 'unchecked':
      return vscode.l10n.t({ message: '{0} is not checked', args, comment: 'a filter condition on a checkbox; {0}: attribute' });
    case 'isMe':
      return vscode.l10n.t({ message: '{0} is me', args, comment: 'a filter condition; {0}: a person attribute, e.g. Owner' });
    case 'notEmpty':
      return vscode.l10n.t({ message: '{0} is set', args, comment: 'a filter condition: has any value; {0}: attribute' });
  }
}

/** "Stage is Negotiation". */
export function describeCondition(c: FilterCondition): string {
  return conditionText(c.label, c.op, c.op === 'withinDays' ? String(c.value) : (c.valueLabel ?? String(c.value ?? '')));
}

/** A sort in words: "by Value ↓". */
export function describeSort(s: { label: string; direction: 'asc' | 'desc' }): string {
  return s.direction === 'asc'
    ? vscode.l10n.t({ message: 'by {0} ↑', args: [s.label], comment: 'sorted ascending; {0}: attribute' })
    : vscode.l10n.t({ message: 'by {0} ↓', args: [s.label], comment: 'sorted descending; {0}: attribute' });
}

/** What a filtered node shows: "Stage is Negotiation · Owner is me · by Value ↓". */
export function describeFilter(f: RecordFilter | undefined): string {
  if (!f) return '';
  const parts = f.conditions.map(describeCondition);
  if (f.sort) parts.push(describeSort(f.sort));
  return parts.join(' · ');
}
