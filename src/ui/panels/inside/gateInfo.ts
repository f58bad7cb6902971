/** How each gate map is titled, scaled and described in words. */
import type { GateKey, TraceView } from '../../../engine/inspect/inside';
import type { ScaleKind } from '../../canvas/colorScale';

export const GATE_INFO: Record<GateKey, { title: string; scale: ScaleKind; meaning: string }> = {
  inputGate: { title: 'Input gate i', scale: 'unit', meaning: 'how much of the candidate is written into the cell' },
  forgetGate: { title: 'Forget gate f', scale: 'unit', meaning: 'how much of the cell is kept from the step before (1: all of it)' },
  candidate: { title: 'Candidate g', scale: 'signed', meaning: 'the new value offered to the cell' },
  outputGate: { title: 'Output gate o', scale: 'unit', meaning: 'how much of the cell is shown as the output h' },
  cell: { title: 'Cell state c', scale: 'signed', meaning: 'the memory: c = f·c + i·g' },
  hidden: { title: 'Hidden state h', scale: 'signed', meaning: 'the output: h = o·tanh(c)' },
};

export function maxAbs(values: Float32Array): number {
  let max = 0;
  for (const v of values) if (Math.abs(v) > max) max = Math.abs(v);
  return max;
}

export const round = (v: number) => (Math.abs(v) >= 10 ? v.toFixed(1) : v.toFixed(2));

/** A unit's values over time in one map. */
export function unitSeries(trace: TraceView, key: GateKey, unit: number): number[] {
  return Array.from({ length: trace.timesteps }, (_, t) => trace.maps[key][t * trace.units + unit] ?? Number.NaN);
}

/** A sentence about one map, for its text alternative. */
export function describeMap(key: GateKey, trace: TraceView): string {
  const { timesteps: T, units: U } = trace;
  const values = trace.maps[key];
  let sum = 0;
  for (const v of values) sum += v;
  const head = `${GATE_INFO[key].title}, ${T} timesteps by ${U} units: mean ${round(sum / Math.max(1, values.length))}`;
  if (key === 'forgetGate') {
    const keepers = Array.from({ length: U }, (_, u) => u).filter((u) => Math.min(...unitSeries(trace, key, u)) > 0.9);
    return `${head}. ${keepers.length ? `Units ${keepers.slice(0, 8).map((u) => u + 1).join(', ')} keep over 90% of their memory at every step.` : 'No unit keeps over 90% of its memory at every step.'}`;
  }
  if (key === 'cell' || key === 'hidden') {
    const last = Array.from({ length: U }, (_, u) => ({ u, v: values[(T - 1) * U + u] ?? 0 }));
    const strongest = last.sort((a, b) => Math.abs(b.v) - Math.abs(a.v)).slice(0, 3);
    return `${head}. Largest at the last step: ${strongest.map(({ u, v }) => `unit ${u + 1} (${round(v)})`).join(', ')}.`;
  }
  return `${head}.`;
}
