import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Ajv, type ErrorObject, type ValidateFunction } from 'ajv';
import addFormatsModule from 'ajv-formats';
import { parse as parseYaml } from 'yaml';

/**
 * Checks requests and responses against the official OpenAPI documents in `../shared/contracts/`:
 * Sunshine Conversations v2 (OpenAPI 3), v1 (Swagger 2, split over files) and the Zendesk Support API.
 */

const here = path.dirname(fileURLToPath(import.meta.url));
export const CONTRACTS_DIR = process.env.HERALD_CONTRACTS_DIR ?? path.resolve(here, '../../../shared/contracts');

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type JsonObject = { [key: string]: Json };

export interface ContractCheck {
  valid: boolean;
  /** `METHOD /template` of the operation the call was matched to. */
  operation: string;
  errors: string[];
}

export interface Contract {
  readonly name: string;
  /** The operation template a concrete call matches, or undefined when the spec has none. */
  operationFor(method: string, url: string): string | undefined;
  checkResponse(method: string, url: string, status: number, body: unknown): ContractCheck;
  checkRequestBody(method: string, url: string, body: unknown): ContractCheck;
  /**
   * Checks a value against one named schema (`components.schemas` in OpenAPI 3, `definitions/` in
   * the split Swagger 2 files), read as a response: useful where an operation's schema is a base
   * type whose discriminator the generic check drops (an integration of type `twilio`…).
   */
  checkSchema(name: string, body: unknown): ContractCheck;
}

type Direction = 'request' | 'response';

const documentCache = new Map<string, JsonObject>();

function loadDocument(file: string): JsonObject {
  let document = documentCache.get(file);
  if (!document) {
    document = parseYaml(readFileSync(file, 'utf8'), { maxAliasCount: -1 }) as JsonObject;
    documentCache.set(file, document);
  }
  return document;
}

function pointer(document: Json, fragment: string): Json {
  if (!fragment || fragment === '/') return document;
  let node: Json = document;
  for (const raw of fragment.replace(/^\//, '').split('/')) {
    const key = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    if (node === null || typeof node !== 'object') throw new Error(`Bad JSON pointer ${fragment}`);
    node = (node as JsonObject)[key] ?? (Array.isArray(node) ? (node[Number(key)] as Json) : null);
    if (node === undefined || node === null) throw new Error(`Unresolvable JSON pointer ${fragment}`);
  }
  return node;
}

/**
 * The v1 Swagger files mix two conventions: most references are relative to the file that holds
 * them, but `parameters/*.yaml` point at `./definitions/…` relative to the root document.
 */
function resolveFile(from: string, target: string): string {
  const relative = path.resolve(path.dirname(from), target);
  if (existsSync(relative)) return relative;
  const fromRoot = path.resolve(path.dirname(from), '..', target);
  return existsSync(fromRoot) ? fromRoot : relative;
}

/**
 * Inlines every `$ref` (same-document and relative-file), dropping OpenAPI-only keywords that JSON
 * Schema validators do not know. A reference met again inside itself becomes `{}` (accept anything):
 * recursive shapes are checked to the depth where they repeat. In a response, a `writeOnly`
 * property (a password, a token) must be absent; in a request, `readOnly` ones are not required.
 */
function dereference(node: Json, file: string, stack: string[], direction: Direction = 'response'): Json {
  if (Array.isArray(node)) return node.map((item) => dereference(item, file, stack, direction));
  if (node === null || typeof node !== 'object') return node;
  const ref = node.$ref;
  if (typeof ref === 'string') {
    const [target, fragment = ''] = ref.split('#');
    const targetFile = target ? resolveFile(file, target) : file;
    const key = `${targetFile}#${fragment}`;
    if (stack.includes(key)) return {};
    const resolved = pointer(loadDocument(targetFile), fragment);
    return dereference(resolved, targetFile, [...stack, key], direction);
  }
  const out: JsonObject = {};
  for (const [key, value] of Object.entries(node)) {
    if (key === 'discriminator' || key === 'example' || key === 'examples' || key === 'xml' || key.startsWith('x-')) continue;
    out[key] = dereference(value, file, stack, direction);
  }
  narrowByDiscriminator(node, out);
  const properties = out.properties;
  if (properties && typeof properties === 'object' && !Array.isArray(properties)) {
    const hidden = direction === 'response' ? 'writeOnly' : 'readOnly';
    const names = Object.entries(properties)
      .filter(([, property]) => !!property && typeof property === 'object' && (property as JsonObject)[hidden] === true)
      .map(([name]) => name);
    if (direction === 'response') for (const name of names) properties[name] = false;
    if (Array.isArray(out.required)) out.required = out.required.filter((name) => !names.includes(String(name)));
  }
  // OpenAPI 3.0's `nullable` next to `allOf` and no `type` (the v2 webhook schemas): Ajv only takes it
  // beside a `type`, so it is spelled as what it means, null or the schema.
  if ('nullable' in out && out.type === undefined) {
    const { nullable, ...rest } = out;
    return nullable === true ? { anyOf: [{ type: 'null' }, rest] } : rest;
  }
  return out;
}

/**
 * A `oneOf` with a discriminator mapping: each mapped branch only takes its own value of the
 * discriminating property, as the mapping says. Without it, a branch whose `type` is any string
 * (`textMessage`) also matches a `template` content, and `oneOf` fails on two matches.
 */
function narrowByDiscriminator(node: JsonObject, out: JsonObject): void {
  const discriminator = node.discriminator;
  if (!discriminator || typeof discriminator !== 'object' || Array.isArray(discriminator)) return;
  const { propertyName, mapping } = discriminator as JsonObject;
  if (typeof propertyName !== 'string' || !mapping || typeof mapping !== 'object' || Array.isArray(mapping)) return;
  const source = node.oneOf;
  if (!Array.isArray(source) || !Array.isArray(out.oneOf)) return;
  const keyOfRef = new Map(Object.entries(mapping).map(([key, ref]) => [String(ref), key]));
  out.oneOf = out.oneOf.map((branch, index) => {
    const ref = (source[index] as JsonObject | undefined)?.$ref;
    const key = typeof ref === 'string' ? keyOfRef.get(ref) : undefined;
    return key === undefined ? branch : { allOf: [branch, { properties: { [propertyName]: { const: key } } }] };
  });
}

const ajv = new Ajv({ strict: false, allErrors: true, validateFormats: true });
(addFormatsModule as unknown as (ajv: Ajv) => void)(ajv);
for (const format of ['int32', 'int64', 'float', 'double', 'byte', 'binary', 'password', 'decimal']) {
  ajv.addFormat(format, true);
}
// The Support API spec spells `date-time` as `datetime` in places: check it as what it means.
ajv.addFormat('datetime', (value: string) => /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/.test(value) && !Number.isNaN(Date.parse(value)));

function formatErrors(errors: ErrorObject[] | null | undefined): string[] {
  return (errors ?? []).map((error) => `${error.instancePath || '(root)'} ${error.message ?? ''} ${JSON.stringify(error.params)}`);
}

interface Operation {
  template: string;
  method: string;
  node: JsonObject;
  pathItem: JsonObject;
  regex: RegExp;
  params: number;
}

class OpenApiContract implements Contract {
  private readonly operations: Operation[] = [];
  private readonly validators = new Map<string, ValidateFunction>();

  constructor(
    readonly name: string,
    private readonly file: string,
    private readonly basePaths: string[],
    private readonly pathAliases: Array<[RegExp, string]> = [],
  ) {
    const document = loadDocument(file);
    const paths = (document.paths ?? {}) as JsonObject;
    for (const [template, item] of Object.entries(paths)) {
      const pathItem = item as JsonObject;
      for (const method of ['get', 'put', 'post', 'delete', 'patch']) {
        const node = pathItem[method];
        if (!node) continue;
        const source = template.replace(/[.*+?^$()|[\]\\]/g, '\\$&').replace(/\\?\{[^}]+\\?\}/g, '[^/]+');
        this.operations.push({
          template,
          method: method.toUpperCase(),
          node: node as JsonObject,
          pathItem,
          regex: new RegExp(`^${source}$`),
          params: (template.match(/\{/g) ?? []).length,
        });
      }
    }
  }

  private pathOf(url: string): string[] {
    const parsed = new URL(url, 'https://placeholder.invalid');
    let pathname = decodeURIComponent(parsed.pathname).replace(/\.json$/, '');
    for (const base of this.basePaths) {
      if (base && pathname.startsWith(base + '/')) pathname = pathname.slice(base.length);
    }
    const candidates = [pathname];
    for (const [pattern, replacement] of this.pathAliases) {
      if (pattern.test(pathname)) candidates.push(pathname.replace(pattern, replacement));
    }
    return candidates;
  }

  private find(method: string, url: string): Operation | undefined {
    for (const candidate of this.pathOf(url)) {
      const matches = this.operations
        .filter((operation) => operation.method === method.toUpperCase() && operation.regex.test(candidate))
        .sort((a, b) => a.params - b.params);
      if (matches[0]) return matches[0];
    }
    return undefined;
  }

  operationFor(method: string, url: string): string | undefined {
    const operation = this.find(method, url);
    return operation && `${operation.method} ${operation.template}`;
  }

  private validator(key: string, schema: Json, direction: Direction = 'response', file = this.file): ValidateFunction {
    let validate = this.validators.get(key);
    if (!validate) {
      validate = ajv.compile(dereference(schema, file, [], direction) as object);
      this.validators.set(key, validate);
    }
    return validate;
  }

  checkResponse(method: string, url: string, status: number, body: unknown): ContractCheck {
    const operation = this.require(method, url);
    const responses = (operation.node.responses ?? {}) as JsonObject;
    const response = (responses[String(status)] ?? responses[`${String(status)[0]}XX`] ?? responses.default) as JsonObject | undefined;
    const label = `${operation.method} ${operation.template}`;
    if (!response) return { valid: false, operation: label, errors: [`status ${status} is not documented for ${label}`] };
    const resolved = dereference(response, this.file, []) as JsonObject;
    const schema = resolved.schema ?? ((resolved.content as JsonObject | undefined)?.['application/json'] as JsonObject | undefined)?.schema;
    if (!schema) return { valid: true, operation: label, errors: [] };
    const validate = this.validator(`${label} ${status}`, schema);
    const valid = validate(body) as boolean;
    return { valid, operation: label, errors: formatErrors(validate.errors) };
  }

  checkRequestBody(method: string, url: string, body: unknown): ContractCheck {
    const operation = this.require(method, url);
    const label = `${operation.method} ${operation.template}`;
    let schema: Json | undefined;
    const requestBody = operation.node.requestBody;
    if (requestBody) {
      const resolved = dereference(requestBody, this.file, []) as JsonObject;
      schema = ((resolved.content as JsonObject | undefined)?.['application/json'] as JsonObject | undefined)?.schema;
    } else {
      const parameters = [...((operation.pathItem.parameters ?? []) as Json[]), ...((operation.node.parameters ?? []) as Json[])];
      for (const parameter of parameters) {
        const resolved = dereference(parameter, this.file, []) as JsonObject;
        if (resolved.in === 'body') schema = resolved.schema;
      }
    }
    if (!schema) return { valid: false, operation: label, errors: [`${label} documents no JSON request body`] };
    const validate = this.validator(`${label} request`, schema, 'request');
    const valid = validate(body) as boolean;
    return { valid, operation: label, errors: formatErrors(validate.errors) };
  }

  checkSchema(name: string, body: unknown): ContractCheck {
    const document = loadDocument(this.file);
    const inline = ((document.components as JsonObject | undefined)?.schemas as JsonObject | undefined)?.[name];
    const split = path.join(path.dirname(this.file), 'definitions', `${name}.yaml`);
    const label = `schema ${name}`;
    let validate: ValidateFunction;
    if (inline !== undefined) validate = this.validator(label, { $ref: `#/components/schemas/${name}` });
    else if (existsSync(split)) validate = this.validator(label, loadDocument(split), 'response', split);
    else throw new Error(`${this.name} has no schema named ${name}`);
    const valid = validate(body) as boolean;
    return { valid, operation: label, errors: formatErrors(validate.errors) };
  }

  private require(method: string, url: string): Operation {
    const operation = this.find(method, url);
    if (!operation) throw new Error(`${this.name} documents no operation for ${method.toUpperCase()} ${url}`);
    return operation;
  }
}

let zendesk: Contract | undefined;
let sunshineV2: Contract | undefined;
let sunshineV1: Contract | undefined;

export function zendeskSupportContract(): Contract {
  zendesk ??= new OpenApiContract('Zendesk Support API', path.join(CONTRACTS_DIR, 'zendesk-support.openapi.yaml'), []);
  return zendesk;
}

export function sunshineV2Contract(): Contract {
  sunshineV2 ??= new OpenApiContract('Sunshine Conversations v2', path.join(CONTRACTS_DIR, 'sunshine-conversations-v2.openapi.yaml'), ['/sc']);
  return sunshineV2;
}

/** v1 lists most paths under `/v1.1/` but the Notification API under `/v1/`: both spellings match. */
export function sunshineV1Contract(): Contract {
  sunshineV1 ??= new OpenApiContract(
    'Sunshine Conversations v1',
    path.join(CONTRACTS_DIR, 'sunshine-conversations-v1', 'swagger.yaml'),
    ['/sc'],
    [
      [/^\/v1\.1\//, '/v1/'],
      [/^\/v1\//, '/v1.1/'],
    ],
  );
  return sunshineV1;
}
