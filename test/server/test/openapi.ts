/**
 * Attio's published OpenAPI document for tests: loaded from ../shared/attio/openapi.json next to the repository (or
 * $ATTIO_OPENAPI), with its two known mistakes corrected, and validators for an operation's response or request body.
 */
import * as assert from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import Ajv2020 from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import type { ValidateFunction } from 'ajv';
import type { ApiResponse } from './helpers';

const REPO_ROOT = path.resolve(__dirname, '..', '..', '..', '..');
const SPEC_PATH = process.env.ATTIO_OPENAPI ?? path.resolve(REPO_ROOT, '..', 'shared', 'attio', 'openapi.json');

export type Json = any;

export function loadSpec(): Json {
  if (!fs.existsSync(SPEC_PATH)) {
    throw new Error(
      `Attio's OpenAPI document was not found at ${SPEC_PATH}. The contract tests need it: place openapi.json there ` +
        '(../shared/attio/openapi.json relative to the repository root) or point the ATTIO_OPENAPI environment variable at it.',
    );
  }
  return JSON.parse(fs.readFileSync(SPEC_PATH, 'utf8'));
}

/**
 * The published document types timestamp values as `format: date`, although
 * its own description says "a date, a time (with nanosecond precision), and a
 * time zone". Only that one keyword is corrected; returns how many schemas it touched.
 */
export function patchTimestampFormat(node: Json): number {
  if (Array.isArray(node)) return node.reduce((n: number, child: Json) => n + patchTimestampFormat(child), 0);
  if (node === null || typeof node !== 'object') return 0;
  let patched = 0;
  const props = node.properties;
  const timestampOutput = props?.attribute_type?.enum?.length === 1 && props.attribute_type.enum[0] === 'timestamp';
  // the write side (components.schemas.input-value) has no attribute_type: its description says what it is
  const timestampInput = typeof props?.value?.description === 'string' && props.value.description.startsWith('A timestamp value');
  if ((timestampOutput || timestampInput) && props.value?.format === 'date') {
    props.value.format = 'date-time';
    patched++;
  }
  for (const child of Object.values(node)) patched += patchTimestampFormat(child);
  return patched;
}

/**
 * The document declares several fields as `type: [string, null]` with an
 * `enum` that omits null (list `workspace_access`, whose description says
 * "null values represent a private list"; attribute `config.currency.*`).
 * JSON Schema then rejects the documented null, so null is added to those
 * enums; likewise for fields marked with OpenAPI 3.0's `nullable: true`. Returns how many schemas it touched.
 */
export function patchNullableEnums(node: Json): number {
  if (Array.isArray(node)) return node.reduce((n: number, child: Json) => n + patchNullableEnums(child), 0);
  if (node === null || typeof node !== 'object') return 0;
  let patched = 0;
  // OpenAPI 3.0's `nullable: true` (comment `author` / `resolved_by` fields) means the same in this 3.1 document
  if (node.nullable === true && typeof node.type === 'string') {
    node.type = [node.type, 'null'];
    patched++;
  }
  if (Array.isArray(node.type) && node.type.includes('null') && Array.isArray(node.enum) && !node.enum.includes(null)) {
    node.enum = [...node.enum, null];
    patched++;
  }
  for (const child of Object.values(node)) patched += patchNullableEnums(child);
  return patched;
}

function pointer(...segments: string[]): string {
  return segments.map((s) => s.replace(/~/g, '~0').replace(/\//g, '~1')).join('/');
}

export class Contract {
  private readonly ajv: Ajv2020;
  private readonly cache = new Map<string, ValidateFunction>();

  constructor(readonly spec: Json) {
    this.ajv = new Ajv2020({ strict: false, allErrors: true, validateSchema: false });
    addFormats(this.ajv);
    // The whole document is one schema resource, so "#/components/..." refs resolve inside it.
    this.ajv.addSchema(spec, 'attio-openapi');
  }

  hasResponse(method: string, template: string, status: number): boolean {
    return Boolean(this.spec.paths[template]?.[method.toLowerCase()]?.responses?.[String(status)]);
  }

  validator(method: string, template: string, status: number): ValidateFunction {
    const key = `${method} ${template} ${status}`;
    let validate = this.cache.get(key);
    if (!validate) {
      assert.ok(this.hasResponse(method, template, status), `the document describes no ${status} response for ${method} ${template}`);
      const ref = `attio-openapi#/${pointer('paths', template, method.toLowerCase(), 'responses', String(status), 'content', 'application/json', 'schema')}`;
      validate = this.ajv.compile({ $ref: ref });
      this.cache.set(key, validate);
    }
    return validate;
  }

  /** Fails unless `body` is a valid request body of the operation (its `requestBody` schema in the document). */
  checkRequest(method: string, template: string, body: unknown): void {
    const key = `${method} ${template} request`;
    let validate = this.cache.get(key);
    if (!validate) {
      assert.ok(this.spec.paths[template]?.[method.toLowerCase()]?.requestBody, `the document describes no request body for ${method} ${template}`);
      validate = this.ajv.compile({ $ref: `attio-openapi#/${pointer('paths', template, method.toLowerCase(), 'requestBody', 'content', 'application/json', 'schema')}` });
      this.cache.set(key, validate);
    }
    if (!validate(body)) {
      const errors = (validate.errors ?? []).slice(0, 8).map((e) => `${e.instancePath || '/'} ${e.message} ${JSON.stringify(e.params)}`);
      assert.fail(`a ${method} ${template} body does not match the OpenAPI request schema:\n  ${errors.join('\n  ')}`);
    }
  }

  /**
   * Fails unless `value` is one of the document's write values (`components.schemas.input-value`); `branch`: the index
   * of the anyOf branch that documents the attribute type, which `value` must match on its own.
   */
  checkInputValue(value: unknown, branch: number): void {
    const key = `input-value ${branch}`;
    let validate = this.cache.get(key);
    if (!validate) {
      validate = this.ajv.compile({ $ref: `attio-openapi#/components/schemas/input-value/anyOf/${branch}` });
      this.cache.set(key, validate);
    }
    if (!validate(value)) {
      const errors = (validate.errors ?? []).slice(0, 8).map((e) => `${e.instancePath || '/'} ${e.message} ${JSON.stringify(e.params)}`);
      assert.fail(`${JSON.stringify(value)} is not the document's input-value #${branch}:\n  ${errors.join('\n  ')}`);
    }
  }

  check(method: string, template: string, response: ApiResponse): void {
    const validate = this.validator(method, template, response.status);
    if (!validate(response.body)) {
      const errors = (validate.errors ?? []).slice(0, 8).map((e) => `${e.instancePath || '/'} ${e.message} ${JSON.stringify(e.params)}`);
      assert.fail(`${method} ${template} → ${response.status} does not match the OpenAPI schema:\n  ${errors.join('\n  ')}`);
    }
  }
}

/** The document, corrected, as a Contract (loaded once per process). */
let shared: Contract | undefined;
export function openapiContract(): Contract {
  if (!shared) {
    const spec = loadSpec();
    patchTimestampFormat(spec);
    patchNullableEnums(spec);
    shared = new Contract(spec);
  }
  return shared;
}
