import { useCallback, useState } from 'react';
import type { ViewProps } from '../views';
import type { Direction, MovingLinePreview } from './experiment';
import { FilmStrip, Player } from './Frames';
import './movingline.css';

const ARROW: Record<Direction, string> = { right: 'right →', left: '← left' };

/** A fresh video as a film strip and as playback, with the expected and the predicted direction. */
export function MovingLineView({ preview }: ViewProps<MovingLinePreview>) {
  const { size, path, expected, predicted, probabilityRight } = preview;
  // A running count: the video may change size between previews, so the frame shown is taken modulo its size.
  const [frame, setFrame] = useState(0);
  const advance = useCallback(() => setFrame((f) => f + 1), []);
  const shown = frame % size;
  const correct = expected === predicted;
  return (
    <div className="ml-view">
      <p className="view-caption">
        A fresh video: {size} frames of {size} × {size} pixels, one new pixel per frame (the newest in orange).
      </p>
      <div className="ml-frames">
        <Player path={path} frame={shown} onAdvance={advance} onSeek={setFrame} />
        <FilmStrip path={path} current={shown} />
      </div>
      <p className={correct ? 'verdict verdict-ok' : 'verdict verdict-bad'} data-testid="movingline-verdict">
        Expected <strong>{ARROW[expected]}</strong>, predicted <strong>{ARROW[predicted]}</strong> (P(right) ={' '}
        {(probabilityRight * 100).toFixed(1)}%) {correct ? '✓' : '✗'}
      </p>
    </div>
  );
}
