// Offline check of infra/main.bicep, because no Bicep CLI can be had here (it is not in Debian or
// on npm; `az bicep install` downloads it from GitHub). This is NOT the Bicep compiler. It does:
//   1. syntax: a tokenizer and recursive-descent parser for the Bicep this file uses (decorators,
//      param/var/resource/output, objects, arrays, for-expressions, ternaries, calls, member access,
//      interpolated and multi-line strings, lambdas);
//   2. names: every identifier used is a declared param/var/resource/loop variable or a known
//      function/namespace, and nothing is declared twice;
//   3. schema level: each resource type@apiVersion is one of a known list, and its top-level and
//      `properties` keys are among those of the ARM template reference for that version (the lists
//      below are written by hand from it);
//   4. the hardening rules of SPEC §9 (shared keys off, no storage key or bot password in settings,
//      Node 22, basic-auth publishing off, only the Teams channel enabled, ...);
//   5. infra/main.parameters.json names only declared parameters and gives the ones without default.
// Usage: `npm run check:infra` (exit 1 and one line per problem).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

// ---------------------------------------------------------------- tokens

type TokKind = 'ident' | 'string' | 'number' | 'punct' | 'newline' | 'eof';
interface Tok {
  kind: TokKind;
  value: string;
  line: number;
  /** For strings: the interpolated expressions' tokens, each parsed later. */
  parts?: Tok[][];
}

export class BicepSyntaxError extends Error {}

const PUNCT = [
  '=>',
  '==',
  '!=',
  '<=',
  '>=',
  '&&',
  '||',
  '??',
  '.?',
  '=~',
  '!~',
  '{',
  '}',
  '[',
  ']',
  '(',
  ')',
  ',',
  ':',
  '?',
  '.',
  '=',
  '@',
  '!',
  '<',
  '>',
  '+',
  '-',
  '*',
  '/',
  '%',
];

export function tokenize(src: string, startLine = 1): Tok[] {
  const toks: Tok[] = [];
  let i = 0;
  let line = startLine;
  const fail = (msg: string): never => {
    throw new BicepSyntaxError(`line ${line}: ${msg}`);
  };
  while (i < src.length) {
    const c = src[i]!;
    if (c === '\n') {
      toks.push({ kind: 'newline', value: '\n', line });
      line++;
      i++;
    } else if (c === ' ' || c === '\t' || c === '\r') i++;
    else if (src.startsWith('//', i)) {
      while (i < src.length && src[i] !== '\n') i++;
    } else if (src.startsWith('/*', i)) {
      const end = src.indexOf('*/', i + 2);
      if (end < 0) fail('unterminated /* comment');
      line += src.slice(i, end).split('\n').length - 1;
      i = end + 2;
    } else if (src.startsWith("'''", i)) {
      const end = src.indexOf("'''", i + 3);
      if (end < 0) fail("unterminated ''' string");
      const text = src.slice(i + 3, end);
      toks.push({ kind: 'string', value: text, line, parts: [] });
      line += text.split('\n').length - 1;
      i = end + 3;
    } else if (c === "'") {
      const startLineOfString = line;
      let value = '';
      const parts: Tok[][] = [];
      i++;
      for (;;) {
        if (i >= src.length || src[i] === '\n') fail('unterminated string');
        const d = src[i]!;
        if (d === "'") {
          i++;
          break;
        }
        if (d === '\\') {
          const e = src[i + 1];
          if (e === undefined || !"\\'nrt$".includes(e)) fail(`unknown escape \\${e ?? ''}`);
          value += e === 'n' ? '\n' : e === 'r' ? '\r' : e === 't' ? '\t' : e;
          i += 2;
        } else if (src.startsWith('${', i)) {
          // find the matching }, minding nested strings and braces
          let depth = 1;
          let j = i + 2;
          while (j < src.length && depth > 0) {
            const f = src[j]!;
            if (f === '\n') fail('line break inside an interpolation');
            if (f === "'") {
              j++;
              while (j < src.length && src[j] !== "'") j += src[j] === '\\' ? 2 : 1;
            } else if (f === '{') depth++;
            else if (f === '}') depth--;
            j++;
          }
          if (depth > 0) fail('unterminated ${ in a string');
          const inner = src.slice(i + 2, j - 1);
          if (!inner.trim()) fail('empty ${} in a string');
          parts.push(tokenize(inner, line));
          value += '${…}';
          i = j;
        } else {
          value += d;
          i++;
        }
      }
      toks.push({ kind: 'string', value, line: startLineOfString, parts });
    } else if (/[A-Za-z_]/.test(c)) {
      let j = i + 1;
      while (j < src.length && /[A-Za-z0-9_]/.test(src[j]!)) j++;
      toks.push({ kind: 'ident', value: src.slice(i, j), line });
      i = j;
    } else if (/[0-9]/.test(c)) {
      let j = i + 1;
      while (j < src.length && /[0-9]/.test(src[j]!)) j++;
      toks.push({ kind: 'number', value: src.slice(i, j), line });
      i = j;
    } else {
      const p = PUNCT.find((q) => src.startsWith(q, i));
      if (!p) fail(`unexpected character ${JSON.stringify(c)}`);
      toks.push({ kind: 'punct', value: p!, line });
      i += p!.length;
    }
  }
  toks.push({ kind: 'eof', value: '', line });
  return toks;
}

// ---------------------------------------------------------------- syntax tree

export type Expr =
  | { t: 'str'; value: string; parts: Expr[]; line: number }
  | { t: 'num'; value: number; line: number }
  | { t: 'bool'; value: boolean; line: number }
  | { t: 'null'; line: number }
  | { t: 'ref'; name: string; line: number }
  | { t: 'obj'; entries: { key: string; value: Expr; line: number }[]; line: number }
  | { t: 'arr'; items: Expr[]; line: number }
  | { t: 'for'; vars: string[]; source: Expr; body: Expr; line: number }
  | { t: 'if'; cond: Expr; body: Expr; line: number }
  | { t: 'lambda'; params: string[]; body: Expr; line: number }
  | { t: 'op'; op: string; args: Expr[]; line: number }
  | { t: 'member'; target: Expr; name: string; line: number }
  | { t: 'index'; target: Expr; index: Expr; line: number }
  | { t: 'call'; callee: Expr; args: Expr[]; line: number };

export interface Decl {
  keyword: 'param' | 'var' | 'resource' | 'output' | 'targetScope';
  name: string;
  /** param/output: the type; resource: 'Type@apiVersion'. */
  type?: string;
  value?: Expr;
  decorators: Expr[];
  existing?: boolean;
  line: number;
}

class Parser {
  private pos = 0;
  constructor(private readonly toks: Tok[]) {}

  private peek(offset = 0): Tok {
    return this.toks[Math.min(this.pos + offset, this.toks.length - 1)]!;
  }
  private next(): Tok {
    const t = this.peek();
    this.pos++;
    return t;
  }
  private fail(msg: string, t = this.peek()): never {
    throw new BicepSyntaxError(
      `line ${t.line}: ${msg} (at ${t.kind === 'newline' ? 'end of line' : JSON.stringify(t.value)})`,
    );
  }
  private isPunct(v: string, offset = 0): boolean {
    const t = this.peek(offset);
    return t.kind === 'punct' && t.value === v;
  }
  private expectPunct(v: string): Tok {
    if (!this.isPunct(v)) this.fail(`expected ${v}`);
    return this.next();
  }
  private expectIdent(value?: string): Tok {
    const t = this.peek();
    if (t.kind !== 'ident' || (value !== undefined && t.value !== value))
      this.fail(`expected ${value ?? 'a name'}`);
    return this.next();
  }
  private skipNewlines(): void {
    while (this.peek().kind === 'newline') this.pos++;
  }

  file(): Decl[] {
    const decls: Decl[] = [];
    let decorators: Expr[] = [];
    for (;;) {
      this.skipNewlines();
      const t = this.peek();
      if (t.kind === 'eof') break;
      if (this.isPunct('@')) {
        this.next();
        decorators.push(this.postfix());
        this.endOfLine();
        continue;
      }
      const kw = this.expectIdent().value;
      const line = t.line;
      if (kw === 'targetScope') {
        this.expectPunct('=');
        decls.push({
          keyword: 'targetScope',
          name: 'targetScope',
          value: this.expr(),
          decorators,
          line,
        });
      } else if (kw === 'param') {
        const name = this.expectIdent().value;
        const type = this.expectIdent().value;
        let value: Expr | undefined;
        if (this.isPunct('=')) {
          this.next();
          value = this.expr();
        }
        decls.push({ keyword: 'param', name, type, value, decorators, line });
      } else if (kw === 'var') {
        const name = this.expectIdent().value;
        this.expectPunct('=');
        decls.push({ keyword: 'var', name, value: this.expr(), decorators, line });
      } else if (kw === 'output') {
        const name = this.expectIdent().value;
        const type = this.expectIdent().value;
        this.expectPunct('=');
        decls.push({ keyword: 'output', name, type, value: this.expr(), decorators, line });
      } else if (kw === 'resource') {
        const name = this.expectIdent().value;
        const typeTok = this.next();
        if (typeTok.kind !== 'string' || typeTok.parts?.length)
          this.fail('expected the resource type as a plain string', typeTok);
        let existing = false;
        if (this.peek().kind === 'ident' && this.peek().value === 'existing') {
          this.next();
          existing = true;
        }
        this.expectPunct('=');
        const value = this.resourceBody();
        decls.push({
          keyword: 'resource',
          name,
          type: typeTok.value,
          value,
          decorators,
          existing,
          line,
        });
      } else this.fail(`unknown declaration ${kw}`, t);
      decorators = [];
      this.endOfLine();
    }
    if (decorators.length) this.fail('decorators without a declaration');
    return decls;
  }

  private resourceBody(): Expr {
    const t = this.peek();
    if (t.kind === 'ident' && t.value === 'if') return this.ifExpr();
    if (this.isPunct('[')) return this.primary();
    if (!this.isPunct('{')) this.fail('expected { after resource =');
    return this.primary();
  }

  private ifExpr(): Expr {
    const line = this.expectIdent('if').line;
    this.expectPunct('(');
    const cond = this.inParens(() => this.expr());
    this.expectPunct(')');
    if (!this.isPunct('{')) this.fail('expected { after if (…)');
    return { t: 'if', cond, body: this.primary(), line };
  }

  private endOfLine(): void {
    const t = this.peek();
    if (t.kind !== 'newline' && t.kind !== 'eof') this.fail('expected the end of the line');
  }

  /** Newlines are insignificant inside parentheses. */
  private inParens<T>(f: () => T): T {
    this.skipNewlines();
    const r = f();
    this.skipNewlines();
    return r;
  }

  expr(): Expr {
    const cond = this.binary(0);
    if (this.isPunct('?')) {
      const line = this.next().line;
      const a = this.expr();
      this.expectPunct(':');
      const b = this.expr();
      return { t: 'op', op: '?:', args: [cond, a, b], line };
    }
    return cond;
  }

  private static readonly LEVELS = [
    ['??'],
    ['||'],
    ['&&'],
    ['==', '!=', '=~', '!~'],
    ['<', '>', '<=', '>='],
    ['+', '-'],
    ['*', '/', '%'],
  ];

  private binary(level: number): Expr {
    if (level >= Parser.LEVELS.length) return this.unary();
    let left = this.binary(level + 1);
    while (this.peek().kind === 'punct' && Parser.LEVELS[level]!.includes(this.peek().value)) {
      const op = this.next();
      left = { t: 'op', op: op.value, args: [left, this.binary(level + 1)], line: op.line };
    }
    return left;
  }

  private unary(): Expr {
    if (this.isPunct('!') || this.isPunct('-')) {
      const op = this.next();
      return { t: 'op', op: op.value, args: [this.unary()], line: op.line };
    }
    return this.postfix();
  }

  private postfix(): Expr {
    let e = this.primary();
    for (;;) {
      if (this.isPunct('.') || this.isPunct('.?')) {
        this.next();
        const name = this.expectIdent();
        e = { t: 'member', target: e, name: name.value, line: name.line };
      } else if (this.isPunct('[')) {
        const line = this.next().line;
        if (this.isPunct('?')) this.next();
        const index = this.inParens(() => this.expr());
        this.expectPunct(']');
        e = { t: 'index', target: e, index, line };
      } else if (this.isPunct('(')) {
        const line = this.next().line;
        const args: Expr[] = [];
        this.skipNewlines();
        while (!this.isPunct(')')) {
          args.push(this.inParens(() => this.expr()));
          if (this.isPunct(',')) this.next();
          else if (!this.isPunct(')')) this.fail('expected , or ) in a call');
          this.skipNewlines();
        }
        this.next();
        e = { t: 'call', callee: e, args, line };
      } else break;
    }
    return e;
  }

  private primary(): Expr {
    const t = this.peek();
    if (t.kind === 'string') {
      this.next();
      const parts = (t.parts ?? []).map((ts) => {
        const p = new Parser(ts);
        const e = p.expr();
        p.skipNewlines();
        if (p.peek().kind !== 'eof') p.fail('unexpected text in an interpolation');
        return e;
      });
      return { t: 'str', value: t.value, parts, line: t.line };
    }
    if (t.kind === 'number') {
      this.next();
      return { t: 'num', value: Number(t.value), line: t.line };
    }
    if (t.kind === 'ident') {
      // single-parameter lambda: x => body
      if (this.peek(1).kind === 'punct' && this.peek(1).value === '=>') {
        this.pos += 2;
        return { t: 'lambda', params: [t.value], body: this.expr(), line: t.line };
      }
      this.next();
      if (t.value === 'true' || t.value === 'false')
        return { t: 'bool', value: t.value === 'true', line: t.line };
      if (t.value === 'null') return { t: 'null', line: t.line };
      return { t: 'ref', name: t.value, line: t.line };
    }
    if (this.isPunct('(')) {
      // (a, b) => body, or a parenthesised expression
      const save = this.pos;
      this.next();
      const names: string[] = [];
      let lambda = true;
      while (!this.isPunct(')')) {
        if (this.peek().kind !== 'ident') {
          lambda = false;
          break;
        }
        names.push(this.next().value);
        if (this.isPunct(',')) this.next();
        else if (!this.isPunct(')')) {
          lambda = false;
          break;
        }
      }
      if (lambda && this.isPunct(')') && this.isPunct('=>', 1)) {
        this.pos += 2;
        return { t: 'lambda', params: names, body: this.expr(), line: t.line };
      }
      this.pos = save + 1;
      const e = this.inParens(() => this.expr());
      this.expectPunct(')');
      return e;
    }
    if (this.isPunct('{')) return this.object();
    if (this.isPunct('[')) return this.array();
    return this.fail('expected a value');
  }

  private object(): Expr {
    const line = this.expectPunct('{').line;
    const entries: { key: string; value: Expr; line: number }[] = [];
    const seen = new Set<string>();
    for (;;) {
      this.skipNewlines();
      if (this.isPunct('}')) break;
      const k = this.next();
      if (k.kind !== 'ident' && k.kind !== 'string') this.fail('expected a property name', k);
      if (k.kind === 'string' && k.parts?.length) {
        // interpolated key: parse for names, keep as a computed key
        for (const ts of k.parts) new Parser(ts).expr();
      }
      if (seen.has(k.value) && !k.parts?.length) this.fail(`property ${k.value} given twice`, k);
      seen.add(k.value);
      this.expectPunct(':');
      const value = this.expr();
      entries.push({ key: k.value, value, line: k.line });
      if (this.isPunct(',')) this.next();
      else if (this.peek().kind !== 'newline' && !this.isPunct('}'))
        this.fail('expected a new line, , or } after a property');
    }
    this.next();
    return { t: 'obj', entries, line };
  }

  private array(): Expr {
    const line = this.expectPunct('[').line;
    if (this.peek().kind === 'ident' && this.peek().value === 'for') {
      this.next();
      const vars: string[] = [];
      if (this.isPunct('(')) {
        this.next();
        vars.push(this.expectIdent().value);
        this.expectPunct(',');
        vars.push(this.expectIdent().value);
        this.expectPunct(')');
      } else vars.push(this.expectIdent().value);
      this.expectIdent('in');
      const source = this.expr();
      this.expectPunct(':');
      const body =
        this.peek().kind === 'ident' && this.peek().value === 'if' ? this.ifExpr() : this.expr();
      this.skipNewlines();
      this.expectPunct(']');
      return { t: 'for', vars, source, body, line };
    }
    const items: Expr[] = [];
    for (;;) {
      this.skipNewlines();
      if (this.isPunct(']')) break;
      items.push(this.expr());
      if (this.isPunct(',')) this.next();
      else if (this.peek().kind !== 'newline' && !this.isPunct(']'))
        this.fail('expected a new line, , or ] after an item');
    }
    this.next();
    return { t: 'arr', items, line };
  }
}

export function parseBicep(src: string): Decl[] {
  return new Parser(tokenize(src)).file();
}

// ---------------------------------------------------------------- names

const FUNCTIONS = new Set([
  // https://learn.microsoft.com/azure/azure-resource-manager/bicep/bicep-functions (the ones a template like ours may use)
  'any',
  'array',
  'bool',
  'concat',
  'contains',
  'empty',
  'first',
  'last',
  'length',
  'take',
  'skip',
  'union',
  'intersection',
  'range',
  'min',
  'max',
  'filter',
  'map',
  'reduce',
  'sort',
  'toObject',
  'items',
  'flatten',
  'indexOf',
  'lastIndexOf',
  'join',
  'split',
  'replace',
  'toLower',
  'toUpper',
  'trim',
  'substring',
  'startsWith',
  'endsWith',
  'format',
  'guid',
  'uniqueString',
  'base64',
  'base64ToString',
  'string',
  'int',
  'json',
  'uri',
  'uriComponent',
  'resourceGroup',
  'subscription',
  'tenant',
  'managementGroup',
  'deployment',
  'environment',
  'resourceId',
  'subscriptionResourceId',
  'tenantResourceId',
  'extensionResourceId',
  'reference',
  'list',
  'listKeys',
  'pickZones',
  'utcNow',
  'dateTimeAdd',
  'newGuid',
  'loadTextContent',
  'loadJsonContent',
  'coalesce',
  'if',
  'not',
  'and',
  'or',
  'equals',
  'greater',
  'less',
  'greaterOrEquals',
  'lessOrEquals',
  'sys',
  'az',
]);
const DECORATORS = new Set([
  'description',
  'minLength',
  'maxLength',
  'minValue',
  'maxValue',
  'allowed',
  'secure',
  'metadata',
  'sealed',
  'batchSize',
  'export',
  'sys',
  'az',
]);
const TYPES = new Set(['string', 'int', 'bool', 'object', 'array']);

function walk(
  e: Expr,
  scope: Set<string>,
  visit: (name: string, line: number, scope: Set<string>) => void,
): void {
  switch (e.t) {
    case 'str':
      e.parts.forEach((p) => walk(p, scope, visit));
      break;
    case 'ref':
      visit(e.name, e.line, scope);
      break;
    case 'obj':
      e.entries.forEach((en) => walk(en.value, scope, visit));
      break;
    case 'arr':
      e.items.forEach((i) => walk(i, scope, visit));
      break;
    case 'for': {
      walk(e.source, scope, visit);
      walk(e.body, new Set([...scope, ...e.vars]), visit);
      break;
    }
    case 'if':
      walk(e.cond, scope, visit);
      walk(e.body, scope, visit);
      break;
    case 'lambda':
      walk(e.body, new Set([...scope, ...e.params]), visit);
      break;
    case 'op':
      e.args.forEach((a) => walk(a, scope, visit));
      break;
    case 'member':
      walk(e.target, scope, visit);
      break;
    case 'index':
      walk(e.target, scope, visit);
      walk(e.index, scope, visit);
      break;
    case 'call':
      if (e.callee.t === 'ref') {
        if (!FUNCTIONS.has(e.callee.name) && !scope.has(e.callee.name))
          visit(`${e.callee.name}()`, e.line, scope);
      } else if (e.callee.t === 'member')
        walk(e.callee.target, scope, visit); // resource.listKeys(), sys.x()
      else walk(e.callee, scope, visit);
      e.args.forEach((a) => walk(a, scope, visit));
      break;
    case 'num':
    case 'bool':
    case 'null':
      break;
  }
}

function checkNames(decls: Decl[], problems: string[]): void {
  const declared = new Map<string, number>();
  for (const d of decls) {
    if (d.keyword === 'targetScope' || d.keyword === 'output') continue;
    if (declared.has(d.name))
      problems.push(
        `line ${d.line}: ${d.name} is declared twice (first on line ${declared.get(d.name)})`,
      );
    declared.set(d.name, d.line);
  }
  const outputs = new Set<string>();
  for (const d of decls) {
    if (d.keyword === 'output') {
      if (outputs.has(d.name)) problems.push(`line ${d.line}: output ${d.name} is declared twice`);
      outputs.add(d.name);
    }
    if ((d.keyword === 'param' || d.keyword === 'output') && d.type && !TYPES.has(d.type))
      problems.push(`line ${d.line}: ${d.name} has unknown type ${d.type}`);
    for (const dec of d.decorators) {
      const name =
        dec.t === 'call' && dec.callee.t === 'ref'
          ? dec.callee.name
          : dec.t === 'ref'
            ? dec.name
            : undefined;
      if (!name || !DECORATORS.has(name)) problems.push(`line ${dec.line}: unknown decorator`);
      if (name === 'secure' && d.keyword !== 'param')
        problems.push(`line ${dec.line}: @secure() only on a param`);
    }
    const visit = (name: string, line: number, scope: Set<string>): void => {
      if (name.endsWith('()')) problems.push(`line ${line}: unknown function ${name}`);
      else if (!declared.has(name) && !scope.has(name))
        problems.push(`line ${line}: ${name} is not declared`);
      else if (name === d.name && d.keyword !== 'output')
        problems.push(`line ${line}: ${name} refers to itself`);
    };
    if (d.value) walk(d.value, new Set(), visit);
    d.decorators.forEach((dec) =>
      dec.t === 'call' ? dec.args.forEach((a) => walk(a, new Set(), visit)) : undefined,
    );
  }
}

// ---------------------------------------------------------------- resource schemas

interface ResourceSchema {
  apiVersions: string[];
  /** Keys allowed at the top level of the resource body besides name/parent/scope/dependsOn. */
  top: string[];
  required: string[];
  /** Keys allowed in `properties`; undefined = not checked. */
  properties?: string[];
}

const COMMON_TOP = ['name', 'parent', 'scope', 'dependsOn'];
// Hand-written from the ARM template reference (learn.microsoft.com/azure/templates) for these API versions.
export const SCHEMAS: Record<string, ResourceSchema> = {
  'Microsoft.ManagedIdentity/userAssignedIdentities': {
    apiVersions: ['2023-01-31', '2023-07-31-preview', '2024-11-30'],
    top: ['location', 'tags'],
    required: ['name', 'location'],
  },
  'Microsoft.OperationalInsights/workspaces': {
    apiVersions: ['2022-10-01', '2023-09-01'],
    top: ['location', 'tags', 'identity', 'properties', 'etag'],
    required: ['name', 'location'],
    properties: [
      'sku',
      'retentionInDays',
      'workspaceCapping',
      'publicNetworkAccessForIngestion',
      'publicNetworkAccessForQuery',
      'forceCmkForQuery',
      'features',
      'defaultDataCollectionRuleResourceId',
    ],
  },
  'Microsoft.Insights/components': {
    apiVersions: ['2020-02-02'],
    top: ['location', 'tags', 'kind', 'etag', 'properties'],
    required: ['name', 'location', 'kind'],
    properties: [
      'Application_Type',
      'WorkspaceResourceId',
      'IngestionMode',
      'DisableIpMasking',
      'DisableLocalAuth',
      'Flow_Type',
      'ForceCustomerStorageForProfiler',
      'HockeyAppId',
      'ImmediatePurgeDataOn30Days',
      'Request_Source',
      'RetentionInDays',
      'SamplingPercentage',
      'publicNetworkAccessForIngestion',
      'publicNetworkAccessForQuery',
    ],
  },
  'Microsoft.Storage/storageAccounts': {
    apiVersions: ['2023-01-01', '2023-05-01', '2024-01-01'],
    top: ['location', 'tags', 'kind', 'sku', 'identity', 'properties', 'extendedLocation'],
    required: ['name', 'location', 'kind', 'sku'],
    properties: [
      'accessTier',
      'allowBlobPublicAccess',
      'allowCrossTenantReplication',
      'allowedCopyScope',
      'allowSharedKeyAccess',
      'azureFilesIdentityBasedAuthentication',
      'customDomain',
      'defaultToOAuthAuthentication',
      'dnsEndpointType',
      'encryption',
      'immutableStorageWithVersioning',
      'isHnsEnabled',
      'isLocalUserEnabled',
      'isNfsV3Enabled',
      'isSftpEnabled',
      'keyPolicy',
      'largeFileSharesState',
      'minimumTlsVersion',
      'networkAcls',
      'publicNetworkAccess',
      'routingPreference',
      'sasPolicy',
      'supportsHttpsTrafficOnly',
    ],
  },
  'Microsoft.Storage/storageAccounts/tableServices': {
    apiVersions: ['2023-01-01', '2023-05-01', '2024-01-01'],
    top: ['properties'],
    required: ['name', 'parent'],
    properties: ['cors'],
  },
  'Microsoft.Storage/storageAccounts/tableServices/tables': {
    apiVersions: ['2023-01-01', '2023-05-01', '2024-01-01'],
    top: ['properties'],
    required: ['name', 'parent'],
    properties: ['signedIdentifiers'],
  },
  'Microsoft.Authorization/roleAssignments': {
    apiVersions: ['2022-04-01'],
    top: ['properties'],
    required: ['name', 'properties'],
    properties: [
      'roleDefinitionId',
      'principalId',
      'principalType',
      'description',
      'condition',
      'conditionVersion',
      'delegatedManagedIdentityResourceId',
    ],
  },
  'Microsoft.Web/serverfarms': {
    apiVersions: ['2022-09-01', '2023-01-01', '2023-12-01', '2024-04-01'],
    top: ['location', 'tags', 'kind', 'sku', 'properties', 'extendedLocation'],
    required: ['name', 'location'],
    properties: [
      'reserved',
      'perSiteScaling',
      'elasticScaleEnabled',
      'maximumElasticWorkerCount',
      'zoneRedundant',
      'targetWorkerCount',
      'targetWorkerSizeId',
      'hyperV',
      'isXenon',
      'freeOfferExpirationTime',
      'hostingEnvironmentProfile',
      'kubeEnvironmentProfile',
      'spotExpirationTime',
      'workerTierName',
      'isSpot',
    ],
  },
  'Microsoft.Web/sites': {
    apiVersions: ['2022-09-01', '2023-01-01', '2023-12-01', '2024-04-01'],
    top: ['location', 'tags', 'kind', 'identity', 'properties', 'extendedLocation'],
    required: ['name', 'location'],
    properties: [
      'serverFarmId',
      'httpsOnly',
      'clientAffinityEnabled',
      'clientCertEnabled',
      'clientCertMode',
      'clientCertExclusionPaths',
      'enabled',
      'hostNamesDisabled',
      'keyVaultReferenceIdentity',
      'publicNetworkAccess',
      'siteConfig',
      'virtualNetworkSubnetId',
      'vnetRouteAllEnabled',
      'vnetImagePullEnabled',
      'vnetContentShareEnabled',
      'redundancyMode',
      'reserved',
      'storageAccountRequired',
      'hostNameSslStates',
      'dailyMemoryTimeQuota',
      'containerSize',
      'endToEndEncryptionEnabled',
      'hyperV',
      'isXenon',
      'scmSiteAlsoStopped',
      'clientAffinityProxyEnabled',
    ],
  },
  'Microsoft.Web/sites/basicPublishingCredentialsPolicies': {
    apiVersions: ['2022-09-01', '2023-01-01', '2023-12-01', '2024-04-01'],
    top: ['kind', 'properties'],
    required: ['name', 'parent', 'properties'],
    properties: ['allow'],
  },
  'Microsoft.BotService/botServices': {
    apiVersions: ['2022-09-15', '2023-09-15-preview'],
    top: ['location', 'tags', 'kind', 'sku', 'etag', 'properties'],
    required: ['name', 'location', 'properties'],
    properties: [
      'displayName',
      'endpoint',
      'msaAppId',
      'msaAppType',
      'msaAppTenantId',
      'msaAppMSIResourceId',
      'description',
      'iconUrl',
      'developerAppInsightKey',
      'developerAppInsightsApiKey',
      'developerAppInsightsApplicationId',
      'disableLocalAuth',
      'isCmekEnabled',
      'cmekKeyVaultUrl',
      'isStreamingSupported',
      'luisAppIds',
      'luisKey',
      'manifestUrl',
      'publicNetworkAccess',
      'schemaTransformationVersion',
      'storageResourceId',
      'tenantId',
      'openWithHint',
      'appPasswordHint',
      'allSettings',
      'parameters',
      'publishingCredentials',
    ],
  },
  'Microsoft.BotService/botServices/channels': {
    apiVersions: ['2022-09-15', '2023-09-15-preview'],
    top: ['location', 'tags', 'kind', 'sku', 'etag', 'properties'],
    required: ['name', 'parent', 'properties'],
    properties: ['channelName', 'properties', 'etag', 'location'],
  },
};

const SITE_CONFIG_KEYS = [
  'linuxFxVersion',
  'appCommandLine',
  'alwaysOn',
  'healthCheckPath',
  'http20Enabled',
  'minTlsVersion',
  'scmMinTlsVersion',
  'ftpsState',
  'remoteDebuggingEnabled',
  'appSettings',
  'connectionStrings',
  'ipSecurityRestrictions',
  'ipSecurityRestrictionsDefaultAction',
  'scmIpSecurityRestrictions',
  'scmIpSecurityRestrictionsDefaultAction',
  'scmIpSecurityRestrictionsUseMain',
  'use32BitWorkerProcess',
  'webSocketsEnabled',
  'numberOfWorkers',
  'minimumElasticInstanceCount',
  'cors',
  'vnetRouteAllEnabled',
  'publicNetworkAccess',
  'loadBalancing',
  'detailedErrorLoggingEnabled',
  'httpLoggingEnabled',
  'logsDirectorySizeLimit',
  'requestTracingEnabled',
  'managedPipelineMode',
  'nodeVersion',
  'windowsFxVersion',
  'acrUseManagedIdentityCreds',
  'acrUserManagedIdentityID',
  'autoHealEnabled',
  'autoHealRules',
  'defaultDocuments',
  'handlerMappings',
  'localMySqlEnabled',
  'preWarmedInstanceCount',
  'functionAppScaleLimit',
  'healthCheckPath',
  'minTlsCipherSuite',
  'elasticWebAppScaleLimit',
];
const IP_RULE_KEYS = [
  'name',
  'description',
  'action',
  'priority',
  'tag',
  'ipAddress',
  'subnetMask',
  'vnetSubnetResourceId',
  'vnetTrafficTag',
  'subnetTrafficTag',
  'headers',
];
const CHANNEL_SITE_KEYS = [
  'siteName',
  'isEnabled',
  'isWebchatPreviewEnabled',
  'isBlockUserUploadEnabled',
  'isV1Enabled',
  'isV3Enabled',
  'isSecureSiteEnabled',
  'isTokenEnabled',
  'isEndpointParametersEnabled',
  'isDetailedLoggingEnabled',
  'isNoStorageEnabled',
  'isWebChatSpeechEnabled',
  'trustedOrigins',
  'appId',
  'eTag',
  'tenantId',
  'siteId',
];

function objKeys(e: Expr | undefined): Map<string, Expr> {
  const body =
    e?.t === 'if' ? e.body : e?.t === 'for' ? (e.body.t === 'if' ? e.body.body : e.body) : e;
  return new Map(body?.t === 'obj' ? body.entries.map((en) => [en.key, en.value]) : []);
}

const lit = (e: Expr | undefined): string | number | boolean | null | undefined =>
  e === undefined
    ? undefined
    : e.t === 'str' && !e.parts.length
      ? e.value
      : e.t === 'num' || e.t === 'bool'
        ? e.value
        : e.t === 'null'
          ? null
          : undefined;

function checkSchemas(decls: Decl[], problems: string[]): void {
  for (const d of decls.filter((x) => x.keyword === 'resource')) {
    const [type, apiVersion] = (d.type ?? '').split('@');
    const schema = SCHEMAS[type ?? ''];
    if (!schema) {
      problems.push(`line ${d.line}: resource ${d.name}: type ${type} is not in the checked list`);
      continue;
    }
    if (!apiVersion || !schema.apiVersions.includes(apiVersion))
      problems.push(
        `line ${d.line}: resource ${d.name}: API version ${apiVersion} of ${type} is not one of ${schema.apiVersions.join(', ')}`,
      );
    if (d.existing) continue;
    const top = objKeys(d.value);
    if (!top.size) problems.push(`line ${d.line}: resource ${d.name}: its body is not an object`);
    for (const k of top.keys())
      if (!COMMON_TOP.includes(k) && !schema.top.includes(k))
        problems.push(`line ${d.line}: resource ${d.name}: unknown key ${k}`);
    for (const k of schema.required)
      if (!top.has(k)) problems.push(`line ${d.line}: resource ${d.name}: ${k} is required`);
    const childDepth = (type ?? '').split('/').length - 2;
    if (childDepth > 0 && !top.has('parent') && !/\//.test(String(lit(top.get('name')) ?? '')))
      problems.push(
        `line ${d.line}: resource ${d.name}: a child resource needs parent (or a full name)`,
      );
    if (schema.properties) {
      for (const k of objKeys(top.get('properties')).keys()) {
        if (!schema.properties.includes(k))
          problems.push(`line ${d.line}: resource ${d.name}: unknown property ${k} for ${type}`);
      }
    }
    if (type === 'Microsoft.Web/sites') {
      const siteConfig = objKeys(objKeys(top.get('properties')).get('siteConfig'));
      for (const k of siteConfig.keys())
        if (!SITE_CONFIG_KEYS.includes(k))
          problems.push(`line ${d.line}: resource ${d.name}: unknown siteConfig key ${k}`);
      const settings = siteConfig.get('appSettings');
      if (settings?.t === 'arr') {
        for (const s of settings.items) {
          const keys = [...objKeys(s).keys()];
          if (keys.sort().join() !== 'name,value')
            problems.push(`line ${s.line}: an app setting must have exactly name and value`);
        }
      }
    }
    if (type === 'Microsoft.BotService/botServices/channels') {
      const inner = objKeys(objKeys(top.get('properties')).get('properties'));
      const sites = inner.get('sites');
      if (sites?.t === 'arr')
        for (const s of sites.items)
          for (const k of objKeys(s).keys())
            if (!CHANNEL_SITE_KEYS.includes(k))
              problems.push(`line ${s.line}: unknown channel site key ${k}`);
    }
  }
}

// ---------------------------------------------------------------- hardening rules (SPEC §9)

/** All objects in an expression, with where the walk found them (for the ip rules inside concat/for). */
function objectsIn(e: Expr | undefined, out: Map<string, Expr>[] = []): Map<string, Expr>[] {
  if (!e) return out;
  if (e.t === 'obj') {
    out.push(new Map(e.entries.map((en) => [en.key, en.value])));
    e.entries.forEach((en) => objectsIn(en.value, out));
  } else if (e.t === 'arr') e.items.forEach((i) => objectsIn(i, out));
  else if (e.t === 'for') objectsIn(e.body, out);
  else if (e.t === 'if') objectsIn(e.body, out);
  else if (e.t === 'op') e.args.forEach((a) => objectsIn(a, out));
  else if (e.t === 'call') e.args.forEach((a) => objectsIn(a, out));
  return out;
}

function checkHardening(src: string, decls: Decl[], problems: string[]): void {
  const resources = decls.filter((d) => d.keyword === 'resource' && !d.existing);
  const ofType = (t: string) => resources.filter((d) => d.type?.split('@')[0] === t);
  const props = (d: Decl) => objKeys(objKeys(d.value).get('properties'));
  const rule = (ok: boolean, msg: string) => {
    if (!ok) problems.push(`rule: ${msg}`);
  };

  rule(
    !/\blistKeys\s*\(|AccountKey=/.test(src),
    'no storage account key anywhere (listKeys, AccountKey=)',
  );
  const storages = ofType('Microsoft.Storage/storageAccounts');
  rule(storages.length > 0, 'a storage account is declared');
  for (const s of storages) {
    const p = props(s);
    rule(lit(p.get('allowSharedKeyAccess')) === false, `${s.name}: allowSharedKeyAccess: false`);
    rule(lit(p.get('minimumTlsVersion')) === 'TLS1_2', `${s.name}: minimumTlsVersion: 'TLS1_2'`);
    rule(
      lit(p.get('supportsHttpsTrafficOnly')) === true,
      `${s.name}: supportsHttpsTrafficOnly: true`,
    );
    rule(lit(p.get('allowBlobPublicAccess')) === false, `${s.name}: allowBlobPublicAccess: false`);
  }
  const roles = ofType('Microsoft.Authorization/roleAssignments');
  rule(
    roles.some(
      (r) =>
        /0a9a7e1f-b9d0-4cc4-a60d-0319b160aaa3/.test(JSON.stringify(r.value)) ||
        /storageTableDataContributor/.test(JSON.stringify(props(r).get('roleDefinitionId'))),
    ),
    "a role assignment of Storage Table Data Contributor (0a9a7e1f-…) for the web app's identity",
  );

  const sites = ofType('Microsoft.Web/sites');
  rule(sites.length > 0, 'a web app is declared');
  for (const w of sites) {
    const p = props(w);
    const sc = objKeys(p.get('siteConfig'));
    rule(lit(p.get('httpsOnly')) === true, `${w.name}: httpsOnly: true`);
    rule(
      lit(sc.get('linuxFxVersion')) === 'NODE|22-lts',
      `${w.name}: linuxFxVersion 'NODE|22-lts'`,
    );
    rule(lit(sc.get('ftpsState')) === 'Disabled', `${w.name}: ftpsState 'Disabled'`);
    rule(lit(sc.get('minTlsVersion')) === '1.2', `${w.name}: minTlsVersion '1.2'`);
    rule(
      !/\btsx\b|npm (run )?(serve|start)\b/.test(String(lit(sc.get('appCommandLine')) ?? '')),
      `${w.name}: the start command runs the built JavaScript, not tsx or npm start/serve`,
    );
    const settings = new Map<string, Expr | undefined>();
    const arr = sc.get('appSettings');
    if (arr?.t === 'arr')
      for (const s of arr.items)
        settings.set(String(lit(objKeys(s).get('name'))), objKeys(s).get('value'));
    rule(
      !settings.has('NPM_CONFIG_INCLUDE'),
      `${w.name}: no NPM_CONFIG_INCLUDE (devDependencies) setting`,
    );
    rule(
      lit(settings.get('SCM_DO_BUILD_DURING_DEPLOYMENT')) !== 'true',
      `${w.name}: no build on the server`,
    );
    rule(
      !settings.has('STORAGE_CONNECTION_STRING'),
      `${w.name}: no STORAGE_CONNECTION_STRING setting (storage by managed identity)`,
    );
    rule(settings.has('STORAGE_ACCOUNT_URL'), `${w.name}: a STORAGE_ACCOUNT_URL setting`);
    rule(
      settings.has('APPLICATIONINSIGHTS_CONNECTION_STRING'),
      `${w.name}: an APPLICATIONINSIGHTS_CONNECTION_STRING setting`,
    );
    rule(lit(settings.get('NODE_ENV')) === 'production', `${w.name}: NODE_ENV production`);
    const password = settings.get('MicrosoftAppPassword');
    rule(
      password === undefined ||
        (password.t === 'str' && password.value.startsWith('@Microsoft.KeyVault(')),
      `${w.name}: MicrosoftAppPassword only as a Key Vault reference (or a UserAssignedMSI bot without one)`,
    );
    if (password === undefined)
      rule(
        lit(settings.get('MicrosoftAppType')) === 'UserAssignedMSI',
        `${w.name}: without a password the bot is UserAssignedMSI`,
      );
    const policies = ofType('Microsoft.Web/sites/basicPublishingCredentialsPolicies').filter(
      (b) => {
        const parent = objKeys(b.value).get('parent');
        return parent?.t === 'ref' && parent.name === w.name;
      },
    );
    for (const kind of ['ftp', 'scm']) {
      rule(
        policies.some(
          (b) => lit(objKeys(b.value).get('name')) === kind && lit(props(b).get('allow')) === false,
        ),
        `${w.name}: basicPublishingCredentialsPolicies '${kind}' with allow: false`,
      );
    }
    for (const r of objectsIn(sc.get('ipSecurityRestrictions'))) {
      const keys = [...r.keys()];
      for (const k of keys)
        if (!IP_RULE_KEYS.includes(k))
          problems.push(`rule: ${w.name}: unknown ip restriction key ${k}`);
    }
  }
  for (const v of decls.filter((d) => d.keyword === 'var')) {
    for (const r of objectsIn(v.value)) {
      if (r.has('ipAddress') || r.has('tag'))
        for (const k of r.keys())
          if (!IP_RULE_KEYS.includes(k))
            problems.push(`rule: var ${v.name}: unknown ip restriction key ${k}`);
    }
  }

  const bots = ofType('Microsoft.BotService/botServices');
  for (const b of bots) {
    const p = props(b);
    const type = lit(p.get('msaAppType'));
    rule(
      type === 'SingleTenant' || type === 'UserAssignedMSI',
      `${b.name}: msaAppType SingleTenant or UserAssignedMSI`,
    );
    if (type === 'UserAssignedMSI')
      rule(
        p.has('msaAppMSIResourceId'),
        `${b.name}: a UserAssignedMSI bot names msaAppMSIResourceId`,
      );
    rule(p.has('msaAppTenantId'), `${b.name}: msaAppTenantId`);
  }
  const channels = ofType('Microsoft.BotService/botServices/channels');
  for (const c of channels) {
    const name = lit(objKeys(c.value).get('name'));
    const p = props(c);
    rule(lit(p.get('channelName')) === name, `channel ${c.name}: channelName equals its name`);
    const inner = objKeys(p.get('properties'));
    if (name === 'MsTeamsChannel')
      rule(lit(inner.get('isEnabled')) === true, 'the Teams channel is enabled');
    else if (name === 'WebChatChannel' || name === 'DirectLineChannel') {
      const sites = inner.get('sites');
      const list = sites?.t === 'arr' ? sites.items.map(objKeys) : [];
      rule(
        list.length > 0 && list.every((s) => lit(s.get('isEnabled')) === false),
        `${name}: every site has isEnabled: false`,
      );
      if (name === 'DirectLineChannel')
        rule(
          list.every(
            (s) => lit(s.get('isV1Enabled')) === false && lit(s.get('isV3Enabled')) === false,
          ),
          'DirectLineChannel: isV1Enabled and isV3Enabled false',
        );
    } else
      problems.push(`rule: channel ${String(name)} must not be declared: only Teams is enabled`);
  }
  if (bots.length)
    rule(
      channels.some((c) => lit(objKeys(c.value).get('name')) === 'MsTeamsChannel'),
      'a MsTeamsChannel',
    );
}

// ---------------------------------------------------------------- parameters file

function checkParameters(
  decls: Decl[],
  parametersJson: string | undefined,
  problems: string[],
): void {
  const params = new Map(decls.filter((d) => d.keyword === 'param').map((d) => [d.name, d]));
  const given = new Set<string>();
  if (parametersJson !== undefined) {
    let doc: { parameters?: Record<string, { value?: unknown; reference?: unknown }> };
    try {
      doc = JSON.parse(parametersJson) as typeof doc;
    } catch (err) {
      problems.push(`main.parameters.json: not JSON (${(err as Error).message})`);
      return;
    }
    for (const [name, entry] of Object.entries(doc.parameters ?? {})) {
      given.add(name);
      const p = params.get(name);
      if (!p) {
        problems.push(`main.parameters.json: ${name} is not a parameter of main.bicep`);
        continue;
      }
      const v = entry.value;
      const typeOk =
        p.type === 'string'
          ? typeof v === 'string'
          : p.type === 'int'
            ? Number.isInteger(v)
            : p.type === 'bool'
              ? typeof v === 'boolean'
              : p.type === 'array'
                ? Array.isArray(v)
                : typeof v === 'object';
      if (entry.reference === undefined && !typeOk)
        problems.push(`main.parameters.json: ${name} is not a ${p.type}`);
    }
  }
  for (const p of params.values()) {
    if (!p.value && !given.has(p.name))
      problems.push(
        `param ${p.name} has no default; give it on the command line (not checked here)`,
      );
  }
}

// ---------------------------------------------------------------- entry

/** Every problem found, one line each; empty when the template passes. */
export function checkBicep(src: string, parametersJson?: string): string[] {
  let decls: Decl[];
  try {
    decls = parseBicep(src);
  } catch (err) {
    if (err instanceof BicepSyntaxError) return [`syntax: ${err.message}`];
    throw err;
  }
  const problems: string[] = [];
  checkNames(decls, problems);
  checkSchemas(decls, problems);
  checkHardening(src, decls, problems);
  checkParameters(decls, parametersJson, problems);
  return problems;
}

if (require.main === module) {
  const dir = join(__dirname, '..', 'infra');
  const problems = checkBicep(
    readFileSync(join(dir, 'main.bicep'), 'utf8'),
    readFileSync(join(dir, 'main.parameters.json'), 'utf8'),
  );
  const noDefault = problems.filter((p) => p.includes('has no default'));
  const real = problems.filter((p) => !p.includes('has no default'));
  for (const p of noDefault) console.log(`note: ${p}`);
  if (real.length) {
    for (const p of real) console.error(`infra/main.bicep: ${p}`);
    process.exit(1);
  }
  console.log(
    'infra/main.bicep: syntax, names, resource schemas (hand-written lists), hardening rules and parameters file OK (offline check, not the Bicep compiler)',
  );
}
