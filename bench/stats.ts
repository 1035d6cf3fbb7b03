// Small helpers the benchmarks share: percentiles and a budget line.

export function percentile(sortedMicros: number[], p: number): number {
  const index = Math.min(sortedMicros.length - 1, Math.floor((p / 100) * sortedMicros.length));
  return sortedMicros[index]!;
}

export function summarize(samplesMicros: number[]): { p50: number; p99: number; n: number } {
  const sorted = [...samplesMicros].sort((a, b) => a - b);
  return { p50: percentile(sorted, 50), p99: percentile(sorted, 99), n: sorted.length };
}

export function budget(label: string, value: number, limit: number, unit: string): boolean {
  const met = value < limit;
  console.log(
    `budget ${met ? 'met   ' : 'MISSED'} ${label}: ${value.toFixed(1)} ${unit} (limit ${limit} ${unit})`,
  );
  return met;
}
