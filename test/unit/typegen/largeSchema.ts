/** A generated workspace schema of `objects` objects with `attributes` attributes in all (every known type, selects and statuses with options). */
import type { SchemaSummary } from '../../../src/typegen';
import { KNOWN_TYPES } from '../../../src/typegen/typeShapes';

export function largeSchema(objects = 50, attributes = 1000): SchemaSummary {
  const perObject = Math.ceil(attributes / objects);
  let n = 0;
  const id = (): string => `00000000-0000-4000-8000-${(++n).toString(16).padStart(12, '0')}`;
  return {
    objects: Array.from({ length: objects }, (_, o) => ({
      slug: `object_${o}`,
      attributes: Array.from({ length: Math.min(perObject, attributes - o * perObject) }, (_, a) => {
        const type = KNOWN_TYPES[(o + a) % KNOWN_TYPES.length];
        const choices = type === 'select' || type === 'status' ? Array.from({ length: 8 }, (_, c) => ({ id: id(), title: `Choice ${c} of ${a}` })) : undefined;
        return { slug: `attribute_${a}`, type, ...(a % 3 === 0 ? { multi: true as const } : {}), ...(a === 1 ? { required: true as const } : {}), ...(choices ? { choices } : {}), ...(type === 'record-reference' ? { targets: [`object_${(o + 1) % objects}`] } : {}) };
      }),
    })),
    lists: [],
  };
}
