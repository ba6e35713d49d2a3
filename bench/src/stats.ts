/** Nearest-rank percentile of unsorted samples. */
export const percentile = (samples: ArrayLike<number>, fraction: number): number => {
  const sorted = Float64Array.from(samples).sort();
  if (sorted.length === 0) {
    return Number.NaN;
  }
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil(fraction * sorted.length) - 1));
  return sorted[rank] ?? Number.NaN;
};

export const median = (samples: ArrayLike<number>): number => percentile(samples, 0.5);

/** User + system CPU of this process since `since`, in µs. */
export const cpuSince = (since: NodeJS.CpuUsage): number => {
  const { user, system } = process.cpuUsage(since);
  return user + system;
};
