/** The CLI's side of Experiment.externalText: a bundled file from public/, or the user's own with --data. */
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import type { AnyExperiment, AnyParamValues } from '../experiments/types';

const PUBLIC_DIR = fileURLToPath(new URL('../../public/', import.meta.url));

/** The knob and its text, or null when the experiment reads no file. */
export async function loadExternalText(experiment: AnyExperiment, values: AnyParamValues, dataPath: string | undefined): Promise<AnyParamValues | null> {
  const external = experiment.externalText;
  if (!external) {
    if (dataPath !== undefined) throw new Error(`${experiment.id} reads no data file: --data does not apply.`);
    return null;
  }
  const path = dataPath ?? external.file(values);
  if (path === null) throw new Error(`${experiment.id} needs your data for these settings: pass --data file.csv.`);
  try {
    const text = await readFile(dataPath === undefined ? `${PUBLIC_DIR}${path}` : path, 'utf8');
    return { [external.param]: text };
  } catch (error) {
    throw new Error(`Could not read ${path}: ${error instanceof Error ? error.message : String(error)}`);
  }
}
