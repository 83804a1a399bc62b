/** Types for app-params.mjs (the app's build parameters), for the tests. */
export interface TicketTable {
  name: string;
  label: string;
  part: string;
  ownerScope: string;
  plugin: string | null;
}
export interface AppParams {
  scope: string;
  parts: string[];
  tables: TicketTable[];
  excluded: TicketTable[];
}
export declare const APP_DIR: string;
export declare const DEFAULT_SCOPE: string;
export declare class AppParamError extends Error {}
export declare function ticketTables(): TicketTable[];
export declare function optionalParts(tables?: TicketTable[]): string[];
export declare function checkScope(scope: string): string;
export declare function readParams(env?: Record<string, string | undefined>): AppParams;
export declare function scopedId(scope: string, id: string): string;
export declare function applyScope(text: string, scope: string): string;
