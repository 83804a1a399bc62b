/** Types for stage.mjs (a build's staged project), for the tests. */
import type { AppParams } from './app-params.mjs';
export declare function stageDir(params: AppParams): string;
export declare function sourceFiles(): string[];
export declare function stagedText(path: string, text: string, params: AppParams): string;
