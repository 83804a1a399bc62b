/**
 * A fake of the few ServiceNow server APIs the app's scripts use (GlideRecord,
 * GlideRecordSecure, gs, Class.create, Object.extendsObject,
 * AbstractAjaxProcessor), so the scripts run unchanged in Node: each script
 * file is evaluated in a vm context, as the instance evaluates a script
 * include, a business rule or a UI action condition.
 *
 * Every field write is recorded with who made it. A direct property
 * assignment on a record (`current.state = 2`) throws: the scripts write only
 * through setValue, and the write log is what the tests inspect.
 */
import { createContext, runInContext, type Context } from 'node:vm';
import { SCRIPTS, source } from './app-files.js';

export type Row = Record<string, string>;

export interface FakeUser {
  sysId: string;
  userName: string;
  roles: readonly string[];
  groups: readonly string[];
}

export interface Write {
  table: string;
  sysId: string;
  field: string;
  value: string;
  by: string;
}

/** A before rule as the platform runs it: its table, its order, its script text. */
export interface BeforeRule {
  table: string;
  order: number;
  script: string;
}

// Class.create / Object.extendsObject / AbstractAjaxProcessor as the platform
// defines them (the Prototype-style class helpers of ServiceNow's server JS).
const PRELUDE = `
var Class = { create: function () { return function () { this.initialize.apply(this, arguments); }; } };
Object.extendsObject = function (base, properties) {
  var object = Object.create(base.prototype);
  for (var key in properties) object[key] = properties[key];
  return object;
};
function AbstractAjaxProcessor() {}
AbstractAjaxProcessor.prototype = {
  initialize: function (request) { this.request = request; },
  getParameter: function (name) { return this.request.getParameter(name); }
};
var global = { AbstractAjaxProcessor: AbstractAjaxProcessor };
`;

export class FakePlatform {
  readonly tables = new Map<string, Map<string, Row>>();
  readonly writes: Write[] = [];
  readonly messages: string[] = [];
  readonly rules: BeforeRule[] = [];
  /** Read ACLs, as GlideRecordSecure sees them. */
  canRead: (table: string, sysId: string, user: FakeUser) => boolean = () => true;
  user: FakeUser;
  readonly context: Context;

  constructor(user: FakeUser) {
    this.user = user;
    const record = (table: string, secure: boolean) => this.record(table, secure);
    this.context = createContext({
      gs: {
        getUserID: () => this.user.sysId,
        getUserName: () => this.user.userName,
        hasRole: (role: string) => this.user.roles.includes(role) || this.user.roles.includes('admin'),
        addErrorMessage: (message: string) => this.messages.push(`error: ${message}`),
        addInfoMessage: (message: string) => this.messages.push(`info: ${message}`),
        error: (message: string) => this.messages.push(`log: ${message}`),
      },
      GlideRecord: function GlideRecord(table: string) {
        return record(table, false);
      },
      GlideRecordSecure: function GlideRecordSecure(table: string) {
        return record(table, true);
      },
    });
    runInContext(PRELUDE, this.context, { filename: 'platform-prelude.js' });
    // Script includes are found by name, scope-qualified or not.
    runInContext('var x_acme_aihandoff = {};', this.context);
    for (const [name, file] of [['AiHandoffScopeReview', SCRIPTS.scopeReview], ['AiHandoffServer', SCRIPTS.server], ['AiHandoffAjax', SCRIPTS.ajax]] as const) {
      runInContext(source(file), this.context, { filename: file });
      runInContext(`x_acme_aihandoff.${name} = ${name};`, this.context);
    }
  }

  /** Adds the app's two before rules to a table, from their script files. */
  installRules(table: string): void {
    this.rules.push({ table, order: 1, script: source(SCRIPTS.guardRule) }, { table, order: 10000, script: source(SCRIPTS.stampRule) });
  }

  actAs(user: FakeUser): void {
    this.user = user;
  }

  insertRow(table: string, row: Row & { sys_id: string }): void {
    let rows = this.tables.get(table);
    if (!rows) {
      rows = new Map();
      this.tables.set(table, rows);
    }
    rows.set(row.sys_id, { ...row });
  }

  row(table: string, sysId: string): Row {
    const row = this.tables.get(table)?.get(sysId);
    if (!row) throw new Error(`no ${table} ${sysId}`);
    return row;
  }

  /** Evaluates a script (a condition, a rule) with `current` and `previous` bound. */
  run(script: string, current: unknown, previous: unknown = null): unknown {
    this.context.current = current;
    this.context.previous = previous;
    return runInContext(script, this.context);
  }

  /** A GlideRecord on an existing row, as the platform hands one to a rule or a condition. */
  load(table: string, sysId: string): FakeRecord {
    const record = this.record(table, false);
    if (!record.get(sysId)) throw new Error(`no ${table} ${sysId}`);
    return record;
  }

  /**
   * A form or Table API update as the acting user: the submitted values land
   * on the record (as if no ACL had stopped them: the worst case), then the
   * before rules run and the row is saved unless one aborted.
   */
  submit(table: string, sysId: string, values: Row): string | null {
    const record = this.load(table, sysId);
    for (const [field, value] of Object.entries(values)) record.setValue(field, value);
    return record.update();
  }

  /** A new record through the form or the API, with the before rules. */
  create(table: string, values: Row & { sys_id: string }): string | null {
    const record = this.record(table, false);
    record.initialize();
    for (const [field, value] of Object.entries(values)) record.setValue(field, value);
    return record.insert();
  }

  record(table: string, secure: boolean): FakeRecord {
    return new FakeRecord(this, table, secure).proxy;
  }

  rulesFor(table: string): BeforeRule[] {
    return this.rules.filter((r) => r.table === table).sort((a, b) => a.order - b.order);
  }
}

type Condition = [field: string, value: string];
/** What scripts pass to setValue / addQuery. */
type Scalar = string | number | boolean | null | undefined;

export class FakeRecord {
  readonly proxy: FakeRecord;
  private original: Row = {};
  private current: Row = {};
  private conditions: Condition[] = [];
  private results: Row[] = [];
  private cursor = -1;
  private aborted = false;
  private op: 'insert' | 'update' = 'update';
  private loaded = false;

  constructor(
    private readonly platform: FakePlatform,
    private readonly table: string,
    private readonly secure: boolean,
  ) {
    this.proxy = new Proxy(this, {
      set: (target, property, value, receiver) => {
        if (typeof property === 'string' && !(property in target)) {
          throw new Error(`a script assigned ${table}.${property} directly; scripts must write through setValue`);
        }
        return Reflect.set(target, property, value, receiver);
      },
    });
  }

  get(sysId: string): boolean {
    const row = this.platform.tables.get(this.table)?.get(sysId);
    if (!row) return false;
    if (this.secure && !this.platform.canRead(this.table, sysId, this.platform.user)) return false;
    this.original = { ...row };
    this.current = { ...row };
    this.loaded = true;
    this.op = 'update';
    return true;
  }

  initialize(): void {
    this.original = {};
    this.current = {};
    this.loaded = true;
    this.op = 'insert';
  }

  getValue(field: string): string | null {
    const value = this.current[field];
    return value === undefined || value === '' ? null : value;
  }

  setValue(field: string, value: Scalar): void {
    this.current[field] = value === null || value === undefined ? '' : String(value);
  }

  getTableName(): string {
    return this.table;
  }

  getUniqueValue(): string {
    return this.current.sys_id ?? '';
  }

  operation(): string {
    return this.op;
  }

  setAbortAction(abort: boolean): void {
    this.aborted = abort;
  }

  /** Every field of the record, each knowing whether this write changes it (a Java list on the platform; an array here). */
  getElements(): { getName(): string; changes(): boolean }[] {
    const names = new Set([...Object.keys(this.original), ...Object.keys(this.current)]);
    return [...names].map((name) => ({ getName: () => name, changes: () => (this.original[name] ?? '') !== (this.current[name] ?? '') }));
  }

  addQuery(field: string, value: Scalar): void {
    this.conditions.push([field, String(value)]);
  }

  query(): void {
    const rows = [...(this.platform.tables.get(this.table)?.values() ?? [])];
    this.results = rows.filter((row) => this.conditions.every(([field, value]) => row[field] === value));
    this.cursor = -1;
  }

  next(): boolean {
    this.cursor += 1;
    const row = this.results[this.cursor];
    if (!row) return false;
    this.original = { ...row };
    this.current = { ...row };
    return true;
  }

  update(): string | null {
    if (!this.loaded || this.op !== 'update') throw new Error('update() on a record that was not read');
    return this.save(this.platform.record(this.table, false).loadFrom(this.original));
  }

  insert(): string | null {
    if (this.op !== 'insert') throw new Error('insert() on a record that was read');
    return this.save(null);
  }

  /** A read-only copy as `previous`. */
  loadFrom(row: Row): FakeRecord {
    this.original = { ...row };
    this.current = { ...row };
    this.loaded = true;
    return this.proxy;
  }

  private save(previous: FakeRecord | null): string | null {
    this.aborted = false;
    for (const rule of this.platform.rulesFor(this.table)) {
      this.platform.run(rule.script, this.proxy, previous);
      if (this.aborted) return null;
    }
    const sysId = this.current.sys_id ?? '';
    for (const [field, value] of Object.entries(this.current)) {
      if ((this.original[field] ?? '') !== value) this.platform.writes.push({ table: this.table, sysId, field, value, by: this.platform.user.userName });
    }
    this.platform.insertRow(this.table, { ...this.current, sys_id: sysId });
    this.original = { ...this.current };
    return sysId;
  }
}

/** A GlideAjax request to AiHandoffAjax as the platform makes it: answers the method's JSON. */
export function callAjax(platform: FakePlatform, method: string, params: Record<string, string>): unknown {
  platform.context.ajaxRequest = { getParameter: (name: string) => (name in params ? params[name] : null) };
  const answer = runInContext(`new AiHandoffAjax(ajaxRequest)[${JSON.stringify(method)}]()`, platform.context);
  if (typeof answer !== 'string') throw new Error(`AiHandoffAjax.${method} answered ${typeof answer}, not JSON text`);
  return JSON.parse(answer);
}
