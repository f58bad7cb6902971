/** The model panel's own state: the saved list, what it is doing, the last prediction and update. */
import { create } from 'zustand';
import type { PredictionAnswer } from '../../experiments/types';
import type { ModelReply } from '../../worker/modelProtocol';
import type { SavedModelSummary } from './library';

export type ModelBusy = 'save' | 'download' | 'load' | 'predict' | 'update' | null;

export interface ModelPanelState {
  saved: SavedModelSummary[];
  storageError: string | null;
  busy: ModelBusy;
  /** The outcome of the last save, download or load, in words. */
  status: { text: string; kind: 'info' | 'error' } | null;
  /** Where the current model came from, when it was loaded. */
  loadedFrom: string | null;
  prediction: { text: string; error: string | null; answer: PredictionAnswer | null } | null;
  update: {
    progress: { samplesSeen: number; totalSamples: number } | null;
    result: Extract<ModelReply, { type: 'modelUpdated' }> | null;
    error: string | null;
  } | null;
}

export const useModelPanel = create<ModelPanelState>()(() => ({
  saved: [],
  storageError: null,
  busy: null,
  status: null,
  loadedFrom: null,
  prediction: null,
  update: null,
}));
