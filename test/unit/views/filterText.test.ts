import * as assert from 'assert';
import type { FilterCondition, RecordFilter } from '../../../src/data/recordFilter';
import { describeCondition, describeFilter, operatorLabel } from '../../../src/views/filterText';

const c = (label: string, op: FilterCondition['op'], value?: string | number, valueLabel?: string): FilterCondition => ({
  attribute: label.toLowerCase(),
  type: 'text',
  op,
  label,
  ...(value !== undefined ? { value } : {}),
  ...(valueLabel !== undefined ? { valueLabel } : {}),
});

suite('Filters in words', () => {
  test('the description says what is active', () => {
    const f: RecordFilter = {
      conditions: [c('Stage', 'is', 'st-neg', 'Negotiation'), c('Owner', 'isMe'), c('Last seen', 'withinDays', 30)],
      sort: { attribute: 'value', label: 'Value', direction: 'desc' },
    };
    assert.strictEqual(describeFilter(f), 'Stage is Negotiation · Owner is me · Last seen is within the last 30 days · by Value ↓');
    assert.strictEqual(describeFilter(undefined), '');
  });

  test('one day is singular; a value label wins over the stored id', () => {
    assert.strictEqual(describeCondition(c('Created', 'withinDays', 1)), 'Created is within the last day');
    assert.strictEqual(describeCondition(c('Company', 'isRecord', 'rec-1', 'Acme')), 'Company is Acme');
  });

  test('every operator has words, with and without a value', () => {
    const ops: FilterCondition['op'][] = ['contains', 'eq', 'startsWith', 'is', 'lt', 'gt', 'before', 'after', 'withinDays', 'checked', 'unchecked', 'isRecord', 'isMe', 'notEmpty'];
    for (const op of ops) {
      assert.match(operatorLabel('Name', op), /^Name \S/, op);
      assert.match(describeCondition(c('Name', op, 5)), /^Name \S/, op);
    }
  });
});
