/**
 * A fake of the ServiceNow server APIs the app's scripts use (GlideRecord,
 * GlideRecordSecure, GlideDateTime, gs, sn_ws.RESTMessageV2,
 * sn_ws_err.ServiceError, Class.create, Object.extendsObject,
 * AbstractAjaxProcessor), so the scripts run unchanged in Node: each script
 * file is evaluated in a vm context, as the instance evaluates a script
 * include, a business rule, a UI action condition or a REST resource.
 *
 * Access is modelled where the scripts rely on it: GlideRecordSecure reads
 * only what `canRead` allows and creates only with a table's create roles;
 * GlideRecord ignores both, as on the platform. Every field write is recorded
 * with who made it. A direct property assignment on a record
 * (`current.state = 2`) throws: the scripts write only through setValue, and
 * the write log is what the tests inspect.
 */
import { createContext, runInContext, type Context } from 'node:vm';
import { APP, SCRIPTS, source, vendoredModule } from './app-files.js';

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

/** A business rule as the platform runs it: its table, when, on which action, order, script text. */
export interface Rule {
  table: string;
  when: 'before' | 'async';
  action: 'insert' | 'update';
  order: number;
  script: string;
}

/** A call RESTMessageV2 made. */
export interface Outbound {
  endpoint: string;
  method: string;
  headers: Record<string, string>;
  body: string;
  async: boolean;
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

/** The script includes, in load order, under their names. */
const INCLUDES = [
  ['AiHandoffServer', SCRIPTS.server],
  ['AiHandoffIntake', SCRIPTS.intake],
  ['AiHandoffReadCheck', SCRIPTS.readCheck],
  ['AiHandoffTicketApi', SCRIPTS.ticketApi],
  ['AiHandoffDoorbell', SCRIPTS.doorbell],
  ['AiHandoffAjax', SCRIPTS.ajax],
] as const;

/** Who may create rows of the app's tables (its create ACLs); other tables are open to GlideRecordSecure here. */
const CREATE_ROLES: Record<string, readonly string[]> = {
  [APP.tables.request]: [APP.roles.agent],
  [APP.tables.review]: [APP.roles.reviewer, APP.roles.agent],
  [APP.tables.checkpoint]: [APP.roles.integration],
};

export class FakePlatform {
  readonly tables = new Map<string, Map<string, Row>>();
  readonly writes: Write[] = [];
  readonly messages: string[] = [];
  readonly rules: Rule[] = [];
  readonly outbound: Outbound[] = [];
  readonly properties = new Map<string, string>();
  /** Read ACLs, as GlideRecordSecure sees them. */
  canRead: (table: string, sysId: string, user: FakeUser) => boolean = () => true;
  user: FakeUser;
  readonly context: Context;
  private clock = Date.parse('2025-11-20T10:00:00Z');
  private ids = 0;

  constructor(user: FakeUser) {
    this.user = user;
    const record = (table: string, secure: boolean) => this.record(table, secure);
    const now = () => this.now();
    const outbound = this.outbound;
    this.context = createContext({
      gs: {
        getUserID: () => this.user.sysId,
        getUserName: () => this.user.userName,
        hasRole: (role: string) => this.user.roles.includes(role) || this.user.roles.includes('admin'),
        getProperty: (name: string, fallback?: string) => this.properties.get(name) ?? fallback,
        addErrorMessage: (message: string) => this.messages.push(`error: ${message}`),
        addInfoMessage: (message: string) => this.messages.push(`info: ${message}`),
        error: (message: string) => this.messages.push(`log: ${message}`),
        warn: (message: string) => this.messages.push(`warn: ${message}`),
      },
      GlideRecord: function GlideRecord(table: string) {
        return record(table, false);
      },
      GlideRecordSecure: function GlideRecordSecure(table: string) {
        return record(table, true);
      },
      GlideDateTime: function GlideDateTime() {
        return { getValue: now };
      },
      sn_ws: {
        RESTMessageV2: function RESTMessageV2(this: Outbound & Record<string, unknown>) {
          const call: Outbound = { endpoint: '', method: '', headers: {}, body: '', async: false };
          return {
            setEndpoint: (url: string) => void (call.endpoint = url),
            setHttpMethod: (method: string) => void (call.method = method),
            setRequestHeader: (name: string, value: string) => void (call.headers[name] = value),
            setRequestBody: (body: string) => void (call.body = body),
            executeAsync: () => {
              call.async = true;
              outbound.push(call);
            },
          };
        },
      },
      sn_ws_err: {
        ServiceError: function ServiceError() {
          const error: Record<string, unknown> = {};
          return Object.assign(error, {
            setStatus: (status: number) => void (error.status = status),
            setMessage: (message: string) => void (error.message = message),
            setDetail: (detail: string) => void (error.detail = detail),
          });
        },
      },
    });
    runInContext(PRELUDE, this.context, { filename: 'platform-prelude.js' });
    // Script includes are found by name, scope-qualified or not.
    runInContext(`var ${APP.scope} = {};`, this.context);
    runInContext(vendoredModule(), this.context, { filename: 'scope-review.js' });
    runInContext(`${APP.scope}.AiHandoffScopeReview = AiHandoffScopeReview;`, this.context);
    for (const [name, file] of INCLUDES) {
      runInContext(source(file), this.context, { filename: file });
      runInContext(`${APP.scope}.${name} = ${name};`, this.context);
    }
  }

  /** The app's rules on its request and review tables, from their script files. */
  installAppRules(): void {
    this.rules.push(
      { table: APP.tables.request, when: 'before', action: 'insert', order: 100, script: source(SCRIPTS.requestRule) },
      { table: APP.tables.review, when: 'before', action: 'insert', order: 100, script: source(SCRIPTS.reviewRule) },
      { table: APP.tables.request, when: 'async', action: 'insert', order: 100, script: source(SCRIPTS.doorbellRule) },
      { table: APP.tables.review, when: 'async', action: 'insert', order: 100, script: source(SCRIPTS.doorbellRule) },
    );
  }

  actAs(user: FakeUser): void {
    this.user = user;
  }

  /** The platform clock, as a glide date-time (UTC, `YYYY-MM-DD HH:mm:ss`); each call moves it a second. */
  now(): string {
    this.clock += 1000;
    return new Date(this.clock).toISOString().replace('T', ' ').slice(0, 19);
  }

  newSysId(): string {
    this.ids += 1;
    return this.ids.toString(16).padStart(32, 'd');
  }

  insertRow(table: string, row: Row & { sys_id: string }): void {
    let rows = this.tables.get(table);
    if (!rows) {
      rows = new Map();
      this.tables.set(table, rows);
    }
    rows.set(row.sys_id, { ...row });
  }

  rows(table: string): Row[] {
    return [...(this.tables.get(table)?.values() ?? [])];
  }

  row(table: string, sysId: string): Row {
    const row = this.tables.get(table)?.get(sysId);
    if (!row) throw new Error(`no ${table} ${sysId}`);
    return row;
  }

  /** Evaluates a script (a condition, a rule, a resource) with the given globals bound. */
  run(script: string, current: unknown, previous: unknown = null, extra: Record<string, unknown> = {}): unknown {
    Object.assign(this.context, { current, previous, ...extra });
    return runInContext(script, this.context);
  }

  /** A GlideRecord on an existing row, as the platform hands one to a rule or a condition. */
  load(table: string, sysId: string): FakeRecord {
    const record = this.record(table, false);
    if (!record.get(sysId)) throw new Error(`no ${table} ${sysId}`);
    return record;
  }

  /** A new record through the Table API as the acting user (create ACL applies), with the table's rules. */
  create(table: string, values: Row): string | null {
    const record = this.record(table, true);
    record.initialize();
    for (const [field, value] of Object.entries(values)) record.setValue(field, value);
    return record.insert();
  }

  record(table: string, secure: boolean): FakeRecord {
    return new FakeRecord(this, table, secure).proxy;
  }

  mayCreate(table: string): boolean {
    const roles = CREATE_ROLES[table];
    return roles === undefined || this.user.roles.includes('admin') || roles.some((r) => this.user.roles.includes(r));
  }

  rulesFor(table: string, when: Rule['when'], action: Rule['action']): Rule[] {
    return this.rules.filter((r) => r.table === table && r.when === when && r.action === action).sort((a, b) => a.order - b.order);
  }
}

type Operator = '=' | '!=' | 'CONTAINS';
type Condition = [field: string, operator: Operator, value: string];
/** What scripts pass to setValue / addQuery. */
type Scalar = string | number | boolean | null | undefined;

/** Journal fields: a write appends an entry to sys_journal_field, the row keeps nothing. */
const JOURNAL_FIELDS = ['work_notes', 'comments'];

export class FakeRecord {
  readonly proxy: FakeRecord;
  private original: Row = {};
  private current: Row = {};
  private conditions: Condition[] = [];
  private order: string | null = null;
  private limit = Infinity;
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

  private readable(row: Row): boolean {
    return !this.secure || this.platform.canRead(this.table, row.sys_id ?? '', this.platform.user);
  }

  get(sysId: string): boolean {
    const row = this.platform.tables.get(this.table)?.get(sysId);
    if (!row || !this.readable(row)) return false;
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

  isNewRecord(): boolean {
    return this.op === 'insert';
  }

  operation(): string {
    return this.op;
  }

  setAbortAction(abort: boolean): void {
    this.aborted = abort;
  }

  addQuery(field: string, operatorOrValue: Scalar, value?: Scalar): void {
    if (value === undefined) this.conditions.push([field, '=', String(operatorOrValue)]);
    else this.conditions.push([field, String(operatorOrValue) as Operator, String(value)]);
  }

  orderByDesc(field: string): void {
    this.order = field;
  }

  setLimit(limit: number): void {
    this.limit = limit;
  }

  query(): void {
    const matches = (row: Row, [field, operator, value]: Condition) => {
      const actual = row[field] ?? '';
      if (operator === '!=') return actual !== value;
      if (operator === 'CONTAINS') return actual.includes(value);
      return actual === value;
    };
    const rows = [...(this.platform.tables.get(this.table)?.values() ?? [])].filter((row) => this.conditions.every((c) => matches(row, c)));
    if (this.order !== null) {
      const field = this.order;
      rows.sort((a, b) => ((a[field] ?? '') < (b[field] ?? '') ? 1 : -1));
    }
    // The limit applies before the read check, as on the platform: a secure query can answer fewer rows.
    this.results = rows.slice(0, this.limit).filter((row) => this.readable(row));
    this.cursor = -1;
  }

  hasNext(): boolean {
    return this.cursor + 1 < this.results.length;
  }

  next(): boolean {
    this.cursor += 1;
    const row = this.results[this.cursor];
    if (!row) return false;
    this.original = { ...row };
    this.current = { ...row };
    this.loaded = true;
    this.op = 'update';
    return true;
  }

  update(): string | null {
    if (!this.loaded || this.op !== 'update') throw new Error('update() on a record that was not read');
    const now = this.platform.now();
    this.current.sys_updated_on = now;
    this.current.sys_mod_count = String(Number(this.original.sys_mod_count ?? '0') + 1);
    return this.save();
  }

  insert(): string | null {
    if (this.op !== 'insert') throw new Error('insert() on a record that was read');
    if (this.secure && !this.platform.mayCreate(this.table)) return null;
    const now = this.platform.now();
    this.current = { ...this.current, sys_id: this.current.sys_id || this.platform.newSysId(), sys_created_by: this.platform.user.userName, sys_created_on: now, sys_updated_on: now, sys_mod_count: '0' };
    return this.save();
  }

  private save(): string | null {
    this.aborted = false;
    const action = this.op;
    for (const rule of this.platform.rulesFor(this.table, 'before', action)) {
      this.platform.run(rule.script, this.proxy);
      if (this.aborted) return null;
    }
    const sysId = this.current.sys_id ?? '';
    const by = this.platform.user.userName;
    for (const [field, value] of Object.entries(this.current)) {
      if ((this.original[field] ?? '') === value) continue;
      this.platform.writes.push({ table: this.table, sysId, field, value, by });
      if (JOURNAL_FIELDS.includes(field) && value !== '') {
        this.platform.insertRow('sys_journal_field', { sys_id: this.platform.newSysId(), name: this.table, element_id: sysId, element: field, value, sys_created_by: by, sys_created_on: this.platform.now() });
      }
    }
    for (const field of JOURNAL_FIELDS) delete this.current[field];
    this.platform.insertRow(this.table, { ...this.current, sys_id: sysId });
    this.original = { ...this.current };
    this.op = 'update';
    for (const rule of this.platform.rulesFor(this.table, 'async', action)) this.platform.run(rule.script, this.platform.load(this.table, sysId));
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
