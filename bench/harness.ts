/**
 * What every benchmark returns: named figures with units, and where a target
 * exists, the target and whether it was met. Baselines are measured in the
 * same run and reported as ratios (the machine is shared and noisy).
 */
export interface Figure {
  readonly name: string;
  readonly value: number;
  readonly unit: string;
  /** e.g. ">= 20000" or "< 300"; absent when the figure is informative only. */
  readonly target?: string;
  readonly met?: boolean;
}

export interface BenchResult {
  readonly bench: string;
  readonly figures: readonly Figure[];
  readonly notes?: readonly string[];
}

export interface Bench {
  readonly name: string;
  run(): Promise<BenchResult>;
}

export function atLeast(name: string, value: number, unit: string, target: number): Figure {
  return { name, value, unit, target: `>= ${target}`, met: value >= target };
}

export function atMost(name: string, value: number, unit: string, target: number): Figure {
  return { name, value, unit, target: `<= ${target}`, met: value <= target };
}

export function info(name: string, value: number, unit: string): Figure {
  return { name, value, unit };
}

export function formatResult(result: BenchResult): string {
  const lines = [`## ${result.bench}`];
  for (const f of result.figures) {
    const value = Number.isInteger(f.value) ? f.value.toLocaleString('en-US') : f.value.toLocaleString('en-US', { maximumFractionDigits: 3 });
    const target = f.target === undefined ? '' : `  (target ${f.target}: ${f.met ? 'met' : 'NOT met'})`;
    lines.push(`  ${f.name}: ${value} ${f.unit}${target}`);
  }
  for (const note of result.notes ?? []) lines.push(`  note: ${note}`);
  return lines.join('\n');
}
