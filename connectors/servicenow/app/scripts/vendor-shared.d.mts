/** Types for vendor-shared.mjs (the shared module as the app ships it), for the tests. */
export declare const SHARED_MODULE: string;
export declare const VENDORED_MODULE: string;
export declare function vendoredText(shared?: string): string;
export declare function vendorShared(): void;
