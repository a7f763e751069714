// Small statistics and timing helpers shared by the benchmark scripts.
import { performance } from 'node:perf_hooks';

export function median(values) {
  const sorted = values.filter((v) => Number.isFinite(v)).sort((a, b) => a - b);
  if (sorted.length === 0) return NaN;
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/** median, min, max and every sample (ms, rounded to 0.01), for the JSON. */
export function summary(values) {
  const finite = values.filter((v) => Number.isFinite(v));
  const round = (v) => Math.round(v * 100) / 100;
  return {
    median: round(median(finite)),
    min: round(Math.min(...finite)),
    max: round(Math.max(...finite)),
    n: finite.length,
    samples: finite.map(round),
  };
}

/** Runs `fn` `runs` times (after `warmup` unmeasured runs) and returns the durations in ms. */
export async function timeRuns(fn, { runs, warmup = 0, before } = {}) {
  const samples = [];
  for (let i = 0; i < warmup + runs; i++) {
    await before?.(i);
    const start = performance.now();
    await fn(i);
    const ms = performance.now() - start;
    if (i >= warmup) samples.push(ms);
  }
  return samples;
}

/** Synchronous variant: no await between start and stop, so nothing else runs in between. */
export function timeSync(fn, { runs, warmup = 0, before } = {}) {
  const samples = [];
  for (let i = 0; i < warmup + runs; i++) {
    before?.(i);
    const start = performance.now();
    fn(i);
    const ms = performance.now() - start;
    if (i >= warmup) samples.push(ms);
  }
  return samples;
}

export function formatBytes(bytes) {
  if (!Number.isFinite(bytes)) return '—';
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(2)} MB`;
}

export function formatMs(ms) {
  if (!Number.isFinite(ms)) return '—';
  if (ms >= 1000) return `${(ms / 1000).toFixed(2)} s`;
  if (ms >= 100) return `${ms.toFixed(0)} ms`;
  if (ms >= 10) return `${ms.toFixed(1)} ms`;
  return `${ms.toFixed(2)} ms`;
}
