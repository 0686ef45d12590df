// Types of cliBuild.mjs (plain JavaScript so that Node runs it without a loader).
export declare const REPO_ROOT: string;
export declare const CLI_ENTRY: string;
export declare const CLI_OUTFILE: string;
export declare function buildCli(options?: {
  outfile?: string;
  packages?: 'bundle' | 'external';
}): Promise<number>;
