/**
 * A table as the instance describes it, for `mappings init`: its lineage
 * (the table and what it extends), every column it has (own and inherited,
 * the nearest definition winning) with label, type and referenced table, and
 * the choice lists of its choice columns. The ServiceNow connector fills it
 * from sys_db_object, sys_dictionary and sys_choice
 * (connectors/servicenow/table-description.ts).
 */

export interface ColumnInfo {
  readonly name: string;
  readonly label: string;
  /** The platform's internal type: string, integer, reference, journal_input... */
  readonly type: string;
  /** For reference columns, the referenced table; else null. */
  readonly reference: string | null;
  /** The table whose dictionary row defines the column (the table or an ancestor). */
  readonly definedOn: string;
}

export interface ChoiceInfo {
  readonly value: string;
  readonly label: string;
}

export interface ChoiceList {
  /** The table whose sys_choice rows these are (the nearest in the lineage that lists any). */
  readonly definedOn: string;
  /** In the instance's order (sequence). */
  readonly choices: readonly ChoiceInfo[];
}

export interface TableDescription {
  readonly table: string;
  readonly label: string;
  /** The table first, then what it extends, up to the root (incident, task). */
  readonly lineage: readonly string[];
  readonly columns: ReadonlyMap<string, ColumnInfo>;
  /** By column name; columns without a choice list are absent. */
  readonly choices: ReadonlyMap<string, ChoiceList>;
}

/** Reads a table's description; the connector caches nothing here, callers do. */
export type DescribeTable = (table: string) => Promise<TableDescription>;
