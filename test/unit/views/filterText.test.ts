/**
 * The filter words a person reads (views/filterText.ts, through vscode.l10n.t) say in English exactly what the data
 * layer's English description says, for every operator, so translating them changed nothing for English users.
 */
import * as assert from 'assert';
import * as data from '../../../src/data/recordFilter';
import type { FilterCondition, FilterOp, RecordFilter } from '../../../src/data/recordFilter';
import { describeFilter, operatorLabel } from '../../../src/views/filterText';
import * as filterModule from '../../../src/views/filterModule';

const OPS = Object.keys(data.OP_WORDS) as FilterOp[];

const condition = (op: FilterOp): FilterCondition => ({
  attribute: 'stage',
  type: 'status',
  op,
  label: 'Stage',
  ...(op === 'withinDays' ? { value: 30 } : ['checked', 'unchecked', 'isMe', 'notEmpty'].includes(op) ? {} : { value: 'st-neg', valueLabel: 'Negotiation' }),
});

suite('views/filterText: filter descriptions through l10n', () => {
  test('every operator reads as the data layer words it, condition by condition and with a sort', () => {
    for (const op of OPS) {
      const f: RecordFilter = { conditions: [condition(op)], sort: { attribute: 'value', label: 'Value', direction: op.length % 2 ? 'asc' : 'desc' } };
      assert.strictEqual(describeFilter(f), data.describeFilter(f), op);
    }
    assert.strictEqual(describeFilter(undefined), '');
  });

  test('one day reads "the last day"; the builder offers each operator as "<attribute> <operator>"', () => {
    assert.strictEqual(describeFilter({ conditions: [{ ...condition('withinDays'), value: 1 }] }), 'Stage is within the last day');
    for (const op of OPS) {
      const words = `Stage ${data.OP_WORDS[op]}${op === 'withinDays' ? ' … days' : ''}`;
      assert.strictEqual(operatorLabel('Stage', op), words, op);
    }
  });

  test('the filter module hands nodes the translated description, not the data layer\'s', () => {
    assert.strictEqual(filterModule.describeFilter, describeFilter);
  });
});
