import type { BuildOptions } from 'esbuild';

export declare const BUNDLE_OPTIONS: Pick<
  BuildOptions,
  'bundle' | 'platform' | 'format' | 'target' | 'supported' | 'packages'
>;
