import { useId, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { kerasScript } from '../../../codegen/kerasScript';
import { tfjsSnippet } from '../../../codegen/tfjsSnippet';
import type { AnyExperiment, AnyParamValues } from '../../../experiments/types';
import { useStore } from '../../../state/store';
import { copyText, downloadText } from '../../download';
import './export.css';

type Tab = 'keras' | 'tfjs';

const TABS: readonly { id: Tab; label: string }[] = [
  { id: 'keras', label: 'Python (Keras)' },
  { id: 'tfjs', label: 'TF.js' },
];

interface Code {
  text: string;
  fileName: string;
  type: string;
}

/** Both exports for the current settings, or why they cannot be made (never throws). */
function generate(experiment: AnyExperiment, values: AnyParamValues, seed: number): Record<Tab, Code> | { error: string } {
  try {
    const spec = experiment.model(values);
    const plan = experiment.plan(values);
    return {
      keras: { text: kerasScript(experiment, values, seed), fileName: `${experiment.id}.py`, type: 'text/x-python' },
      tfjs: {
        text: tfjsSnippet({ title: experiment.title, spec, optimizer: plan.optimizer, batchSize: plan.batchSize }),
        fileName: `${experiment.id}-model.js`,
        type: 'text/javascript',
      },
    };
  } catch (error) {
    return { error: error instanceof Error ? error.message : String(error) };
  }
}

/**
 * The current experiment as code to take elsewhere: a runnable Keras script (data, model, training,
 * evaluation) and a TF.js snippet that builds the same model. Shown as text, copied or downloaded.
 */
export function CodePanel({ experiment, values }: { experiment: AnyExperiment; values: AnyParamValues }) {
  const seed = useStore((s) => s.seed);
  const [open, setOpen] = useState(false);
  const [tab, setTab] = useState<Tab>('keras');
  const [message, setMessage] = useState('');
  const id = useId();
  const tabRefs = useRef<Record<Tab, HTMLButtonElement | null>>({ keras: null, tfjs: null });
  // Generated only while the panel is open.
  const code = useMemo(() => (open ? generate(experiment, values, seed) : null), [open, experiment, values, seed]);

  const select = (next: Tab) => {
    setTab(next);
    setMessage('');
    tabRefs.current[next]?.focus();
  };
  const onTabKey = (event: KeyboardEvent<HTMLButtonElement>) => {
    const index = TABS.findIndex((t) => t.id === tab);
    const step = event.key === 'ArrowRight' ? 1 : event.key === 'ArrowLeft' ? -1 : 0;
    if (step === 0) return;
    event.preventDefault();
    const next = TABS[(index + step + TABS.length) % TABS.length];
    if (next) select(next.id);
  };

  const current = code && !('error' in code) ? code[tab] : null;
  return (
    <section className="panel code-panel" aria-labelledby={`${id}-title`}>
      <details open={open} onToggle={(e) => setOpen(e.currentTarget.open)}>
        <summary>
          <h2 id={`${id}-title`}>Code</h2>
          <span className="muted small"> Keras script and TF.js model of these settings</span>
        </summary>
        {code && 'error' in code && (
          <p className="field-error" role="alert">
            No code for these settings: {code.error}
          </p>
        )}
        {current && (
          <>
            <div role="tablist" aria-label="Code language" className="code-tabs">
              {TABS.map((t) => (
                <button
                  key={t.id}
                  ref={(el) => {
                    tabRefs.current[t.id] = el;
                  }}
                  type="button"
                  role="tab"
                  id={`${id}-tab-${t.id}`}
                  aria-selected={tab === t.id}
                  aria-controls={`${id}-panel`}
                  tabIndex={tab === t.id ? 0 : -1}
                  onClick={() => select(t.id)}
                  onKeyDown={onTabKey}
                >
                  {t.label}
                </button>
              ))}
            </div>
            <div role="tabpanel" id={`${id}-panel`} aria-labelledby={`${id}-tab-${tab}`}>
              <div className="code-actions">
                <button
                  type="button"
                  onClick={() => {
                    void copyText(current.text).then((ok) => setMessage(ok ? 'Copied to the clipboard.' : 'The browser did not allow copying: select the text and copy it, or download the file.'));
                  }}
                >
                  Copy
                </button>
                <button
                  type="button"
                  onClick={() => {
                    downloadText(current.fileName, current.text, current.type);
                    setMessage(`Downloading ${current.fileName}.`);
                  }}
                >
                  Download {current.fileName}
                </button>
                <span className="muted small" role="status">
                  {message}
                </span>
              </div>
              <pre className="code-text" tabIndex={0} aria-label={`${TABS.find((t) => t.id === tab)?.label ?? ''} code`} data-testid={`code-${tab}`}>
                <code>{current.text}</code>
              </pre>
            </div>
          </>
        )}
      </details>
    </section>
  );
}
