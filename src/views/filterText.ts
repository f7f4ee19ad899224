/**
 * Filters in words, in the person's language: an attribute with an operator (pickers), a condition, a whole filter
 * (a node's description). The filter itself (data/recordFilter.ts) keeps ids and the person's choices, no words.
 */
import * as vscode from 'vscode';
import type { FilterCondition, FilterOp, RecordFilter } from '../data/recordFilter';

/** "Stage is", "Created is within the last … days": an attribute and an operator, for the builder's labels and titles. */
export function opLabel(attribute: string, op: FilterOp): string {
  switch (op) {
    case 'contains':
      return vscode.l10n.t({ message: '{0} contains', args: [attribute], comment: ['{0} is an attribute, e.g. "Name"; a value follows.'] });
    case 'eq':
    case 'is':
    case 'isRecord':
      return vscode.l10n.t({ message: '{0} is', args: [attribute], comment: ['{0} is an attribute, e.g. "Stage"; a value follows.'] });
    case 'startsWith':
      return vscode.l10n.t({ message: '{0} starts with', args: [attribute], comment: ['{0} is an attribute; a value follows.'] });
    case 'lt':
      return vscode.l10n.t({ message: '{0} is less than', args: [attribute], comment: ['{0} is an attribute; a number follows.'] });
    case 'gt':
      return vscode.l10n.t({ message: '{0} is more than', args: [attribute], comment: ['{0} is an attribute; a number follows.'] });
    case 'before':
      return vscode.l10n.t({ message: '{0} is before', args: [attribute], comment: ['{0} is an attribute; a date follows.'] });
    case 'after':
      return vscode.l10n.t({ message: '{0} is after', args: [attribute], comment: ['{0} is an attribute; a date follows.'] });
    case 'withinDays':
      return vscode.l10n.t({ message: '{0} is within the last … days', args: [attribute], comment: ['{0} is an attribute, e.g. "Created"; the person enters the number of days next.'] });
    case 'checked':
      return vscode.l10n.t({ message: '{0} is checked', args: [attribute], comment: ['{0} is a checkbox attribute.'] });
    case 'unchecked':
      return vscode.l10n.t({ message: '{0} is not checked', args: [attribute], comment: ['{0} is a checkbox attribute.'] });
    case 'isMe':
      return vscode.l10n.t({ message: '{0} is me', args: [attribute], comment: ['{0} is an attribute naming a workspace member, e.g. "Owner": the signed-in member.'] });
    case 'notEmpty':
      return vscode.l10n.t({ message: '{0} is set', args: [attribute], comment: ['{0} is an attribute: it has a value.'] });
  }
}

/** One condition in words: "Stage is Negotiation", "Created is within the last 7 days", "Owner is me". */
export function describeCondition(c: FilterCondition): string {
  const value = c.valueLabel ?? String(c.value ?? '');
  switch (c.op) {
    case 'contains':
      return vscode.l10n.t({ message: '{0} contains {1}', args: [c.label, value], comment: ['{0} is an attribute, {1} the text it contains.'] });
    case 'eq':
    case 'is':
    case 'isRecord':
      return vscode.l10n.t({ message: '{0} is {1}', args: [c.label, value], comment: ['{0} is an attribute, {1} its value, e.g. "Stage is Negotiation".'] });
    case 'startsWith':
      return vscode.l10n.t({ message: '{0} starts with {1}', args: [c.label, value], comment: ['{0} is an attribute, {1} a text.'] });
    case 'lt':
      return vscode.l10n.t({ message: '{0} is less than {1}', args: [c.label, value], comment: ['{0} is an attribute, {1} a number.'] });
    case 'gt':
      return vscode.l10n.t({ message: '{0} is more than {1}', args: [c.label, value], comment: ['{0} is an attribute, {1} a number.'] });
    case 'before':
      return vscode.l10n.t({ message: '{0} is before {1}', args: [c.label, value], comment: ['{0} is an attribute, {1} a date.'] });
    case 'after':
      return vscode.l10n.t({ message: '{0} is after {1}', args: [c.label, value], comment: ['{0} is an attribute, {1} a date.'] });
    case 'withinDays':
      return Number(c.value) === 1
        ? vscode.l10n.t({ message: '{0} is within the last day', args: [c.label], comment: ['{0} is an attribute, e.g. "Created".'] })
        : vscode.l10n.t({ message: '{0} is within the last {1} days', args: [c.label, value], comment: ['{0} is an attribute, e.g. "Created"; {1} a number of days.'] });
    default:
      return opLabel(c.label, c.op);
  }
}

/** What a filtered node shows: "Stage is Negotiation · Owner is me · by Value ↓". */
export function describeFilter(f: RecordFilter | undefined): string {
  if (!f) return '';
  const parts = f.conditions.map(describeCondition);
  if (f.sort) {
    parts.push(
      f.sort.direction === 'asc'
        ? vscode.l10n.t({ message: 'by {0} ↑', args: [f.sort.label], comment: ['Sorted by attribute {0}, ascending.'] })
        : vscode.l10n.t({ message: 'by {0} ↓', args: [f.sort.label], comment: ['Sorted by attribute {0}, descending.'] }),
    );
  }
  return parts.join(' · ');
}
