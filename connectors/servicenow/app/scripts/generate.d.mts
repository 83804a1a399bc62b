/** Types for generate.mjs (the per-table Fluent files), for the tests. */
import type { TicketTable } from './app-params.mjs';
export declare const TEMPLATE: string;
export declare const TABLES_DIR: string;
export declare function generate(tables?: TicketTable[], template?: string): Map<string, string>;
export declare function staleFiles(files?: Map<string, string>, dir?: string): string[];
