import { useState } from 'react';
import { EXPERIMENTS } from '../../experiments/registry';
import type { ExperimentGroup } from '../../experiments/types';
import { selectExperiment, setBackend } from '../../state/actions';
import { useStore } from '../../state/store';
import { shareableUrl } from '../../state/urlSync';
import { BACKEND_LABELS, BACKEND_PREFERENCES, type BackendPreference } from '../../worker/protocol';

const GROUPS: ExperimentGroup[] = ['Model types', 'Tutorials', 'Diagnose & tune'];

async function copyText(text: string): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    return false;
  }
}

/** Product name, experiment picker, "Copy link" and the engine setting. */
export function Header() {
  const experimentId = useStore((s) => s.experimentId);
  const backend = useStore((s) => s.backend);
  const [copyState, setCopyState] = useState<{ text: string; link?: string } | null>(null);

  const onCopy = async () => {
    const link = shareableUrl();
    const ok = await copyText(link);
    setCopyState(ok ? { text: 'Link copied' } : { text: 'Copy this link:', link });
    if (ok) setTimeout(() => setCopyState(null), 2500);
  };

  return (
    <header className="app-header">
      <h1>
        <svg className="logo" viewBox="0 0 32 32" width="24" height="24" aria-hidden="true">
          <rect width="32" height="32" rx="6" fill="var(--accent)" />
          <path d="M5 22 C10 8, 14 8, 16 16 S22 24, 27 10" stroke="var(--panel)" strokeWidth="3" fill="none" strokeLinecap="round" />
        </svg>
        LSTM playground
      </h1>
      <label className="picker">
        <span>Experiment</span>
        <select value={experimentId} onChange={(e) => selectExperiment(e.target.value)}>
          {GROUPS.map((group) => {
            const members = EXPERIMENTS.filter((e) => e.group === group);
            if (members.length === 0) return null;
            return (
              <optgroup key={group} label={group}>
                {members.map((e) => (
                  <option key={e.id} value={e.id}>
                    {e.title}
                  </option>
                ))}
              </optgroup>
            );
          })}
        </select>
      </label>
      <label className="picker">
        <span>Engine</span>
        <select value={backend} onChange={(e) => setBackend(e.target.value as BackendPreference)}>
          {BACKEND_PREFERENCES.map((name) => (
            <option key={name} value={name}>
              {BACKEND_LABELS[name]}
            </option>
          ))}
        </select>
      </label>
      <div className="copy-link">
        <button type="button" onClick={onCopy}>
          Copy link
        </button>
        <span role="status" className="copy-status">
          {copyState?.text}
          {copyState?.link && <input readOnly value={copyState.link} aria-label="Link to these settings" onFocus={(e) => e.target.select()} />}
        </span>
      </div>
    </header>
  );
}
