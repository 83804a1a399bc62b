/** Types for build.mjs (the app's build), for the tests. */
import type { AppParams } from './app-params.mjs';
export interface BuildManifest {
  scope: string;
  parts: string[];
  tables: string[];
  inputs: string;
}
export declare function buildApp<T = BuildManifest>(
  params: AppParams,
  options?: { out?: string; pack?: boolean; ifStale?: boolean; then?: (out: string, manifest: BuildManifest) => T },
): T;
