import { dismissWarnings } from '../../state/actions';
import { useStore } from '../../state/store';

/** Settings that were dropped or adjusted (from a link or a constraint), shown as plain text. */
export function WarningsBanner() {
  const warnings = useStore((s) => s.warnings);
  if (warnings.length === 0) return null;
  return (
    <div className="banner banner-warning" role="status" data-testid="warnings">
      <div>
        <strong>Some settings were adjusted:</strong>
        <ul>
          {warnings.map((warning, i) => (
            <li key={i}>{warning}</li>
          ))}
        </ul>
      </div>
      <button type="button" className="secondary" onClick={dismissWarnings}>
        Dismiss
      </button>
    </div>
  );
}
