export declare const BUNDLE_BUDGET_GZIP_BYTES: number;
export declare const BUNDLE_CEILING_GZIP_BYTES: number;
export declare function bundleSize(entry: string | string[]): Promise<{ code: string; minified: number; gzip: number }>;
