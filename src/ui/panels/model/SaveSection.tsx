import { useState } from 'react';
import { downloadFiles, saveToBrowser } from '../../../state/models/modelActions';
import { useModelPanel } from '../../../state/models/modelPanelStore';

/** Save the current model under a name in this browser, or download its files. */
export function SaveSection() {
  const [name, setName] = useState('');
  const busy = useModelPanel((s) => s.busy);
  return (
    <form
      className="model-row"
      onSubmit={(event) => {
        event.preventDefault();
        void saveToBrowser(name);
      }}
    >
      <label>
        Name
        <input type="text" value={name} maxLength={100} onChange={(e) => setName(e.target.value)} placeholder="e.g. echo, 10k samples" />
      </label>
      <button type="submit" disabled={busy !== null || name.trim() === ''}>
        Save in this browser
      </button>
      <button type="button" disabled={busy !== null} onClick={() => void downloadFiles()}>
        Download files
      </button>
    </form>
  );
}
