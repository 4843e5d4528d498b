/**
 * Small measuring tools of the benchmark: medians, percentiles, timed repetitions with warm-up,
 * and a process's resident memory as Linux reports it in /proc.
 */
import { readFile, writeFile } from 'node:fs/promises';

export function median(values: readonly number[]): number {
  return percentile(values, 50);
}

/** Nearest-rank percentile (p in 0..100) of unsorted values; NaN for none. */
export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.max(1, Math.ceil((p / 100) * sorted.length));
  return sorted[Math.min(rank, sorted.length) - 1] ?? Number.NaN;
}

/**
 * Times two pieces of work in alternation (a, b, a, b, …) so that both see the same machine: a
 * noisy neighbour slows both, and the ratio of their medians holds.
 */
export async function timePaired(
  a: () => Promise<unknown>,
  b: () => Promise<unknown>,
  options: { warmup: number; runs: number },
): Promise<{ a: number[]; b: number[] }> {
  for (let i = 0; i < options.warmup; i += 1) {
    await a();
    await b();
  }
  const times = { a: [] as number[], b: [] as number[] };
  for (let i = 0; i < options.runs; i += 1) {
    let started = performance.now();
    await a();
    times.a.push(performance.now() - started);
    started = performance.now();
    await b();
    times.b.push(performance.now() - started);
  }
  return times;
}

/** Resident set size now and its peak (VmHWM) of a process, in MB. */
export async function memoryOf(pid: number): Promise<{ rssMb: number; peakMb: number }> {
  const status = await readFile(`/proc/${pid}/status`, 'utf8');
  const kb = (field: string) => Number(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? NaN);
  return { rssMb: kb('VmRSS') / 1024, peakMb: kb('VmHWM') / 1024 };
}

/**
 * Resets a process's peak RSS to its current RSS (Linux ≥ 4.0: writing 5 to clear_refs), so that
 * VmHWM afterwards is the peak of what follows. False when the kernel refuses (then the peak
 * includes start-up, which is reported as such).
 */
export async function resetPeakMemory(pid: number): Promise<boolean> {
  try {
    await writeFile(`/proc/${pid}/clear_refs`, '5');
    return true;
  } catch {
    return false;
  }
}
