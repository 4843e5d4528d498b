import type { BuildOptions } from 'esbuild';

export declare const BUNDLE_OPTIONS: Pick<
  BuildOptions,
  'bundle' | 'platform' | 'format' | 'target' | 'supported' | 'packages'
>;

export declare function writeBundleFile(path: string, contents: Uint8Array | string): Promise<void>;
