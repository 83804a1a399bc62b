/**
 * The sandbox's table definitions: just enough of ServiceNow's dictionary to
 * serve the Table API faithfully (types decide comparison, display values and
 * reference links) and to answer `sys_dictionary`, `sys_db_object` and
 * `sys_choice` queries the way an instance does.
 */

/**
 * ServiceNow internal types (the `internal_type` column of sys_dictionary).
 * Choice fields are `string` or `integer` with a choice list, as on an instance.
 */
export type InternalType =
  | 'GUID'
  | 'string'
  | 'integer'
  | 'boolean'
  | 'glide_date_time'
  | 'reference'
  | 'journal_input'
  | 'journal'
  | 'sys_class_name';

export interface Choice {
  readonly value: string;
  readonly label: string;
}

export interface FieldSpec {
  readonly name: string;
  readonly label: string;
  readonly type: InternalType;
  /** The referenced table, for `reference` fields. */
  readonly reference?: string;
  readonly choices?: readonly Choice[];
  /** sys_dictionary max_length; informative only (the sandbox does not truncate). */
  readonly maxLength?: number;
  /** Not writable through the API (sys_* fields). */
  readonly readOnly?: boolean;
  /** Dictionary attribute `no_audit=true`: changes are not written to sys_audit. */
  readonly noAudit?: boolean;
  /** Keep an equality index (value -> rows) for fast `=` / `IN` queries. */
  readonly indexed?: boolean;
  /** The table's display field (what a reference to the table shows). */
  readonly display?: boolean;
  /** Value for a new record when the body does not set it. */
  readonly defaultValue?: string;
}

export interface TableSpec {
  readonly name: string;
  readonly label: string;
  /** Parent table (task for the ticket tables); fields are inherited. */
  readonly extends?: string;
  /** Number prefix for auto-numbered tables (INC, REQ, ...). */
  readonly numberPrefix?: string;
  /** `full`: sys_created_*, sys_updated_*, sys_mod_count; `created`: only sys_created_* (journal and audit rows). */
  readonly sysFields: 'full' | 'created';
  readonly fields: readonly FieldSpec[];
  /** Changes to inherited fields on this table (incident's state choices and default), like a dictionary override. */
  readonly overrides?: Readonly<Record<string, Partial<Pick<FieldSpec, 'choices' | 'defaultValue'>>>>;
  /** State values that close the record (a business rule then sets active=false). */
  readonly closedStates?: readonly string[];
}

/** A resolved field: its spec plus the table that defines it (for sys_dictionary). */
export interface FieldDef extends FieldSpec {
  readonly definedOn: string;
}

export interface TableDef {
  readonly name: string;
  readonly label: string;
  readonly extends: string | undefined;
  readonly numberPrefix: string | undefined;
  /** Every column in output order: sys_id first, own and inherited fields, then sys fields. */
  readonly columns: readonly FieldDef[];
  /** The columns stored on a row (every column except journal fields, which live in sys_journal_field). */
  readonly stored: readonly FieldDef[];
  readonly field: ReadonlyMap<string, FieldDef>;
  /** The display field's name (`name`, `number`, ...); sys_id when the table has none. */
  readonly displayField: string;
  /** This table and its ancestors, nearest first (incident, task). */
  readonly lineage: readonly string[];
  /** Tables extending this one, directly or not; reading a parent returns their rows too. */
  readonly descendants: readonly string[];
  readonly hasFullSysFields: boolean;
  readonly closedStates: ReadonlySet<string>;
}

export const JOURNAL_TYPES: ReadonlySet<InternalType> = new Set(['journal_input', 'journal']);
export const NUMERIC_TYPES: ReadonlySet<InternalType> = new Set(['integer']);
