import { useCallback, useEffect, useMemo, useRef, useState, type RefObject } from 'react';
import { useCanvas } from '../../ui/canvas/useCanvas';
import type { LinePath } from './data';
import { describePath, drawFrame, frameColors, stripLayout, stripPlace } from './drawFrames';

const FRAMES_PER_SECOND = 10;
const PLAYER_SIDE = 220;

/** The width of an element's content box, followed as it resizes. */
function useWidth(fallback: number): [RefObject<HTMLDivElement | null>, number] {
  const ref = useRef<HTMLDivElement>(null);
  const [width, setWidth] = useState(fallback);
  useEffect(() => {
    const element = ref.current;
    if (!element) return;
    const observer = new ResizeObserver(([entry]) => {
      if (entry) setWidth(Math.floor(entry.contentRect.width));
    });
    observer.observe(element);
    return () => observer.disconnect();
  }, []);
  return [ref, width];
}

/** Every frame of the video in a grid that fits the width, the one the player shows outlined. */
export function FilmStrip({ path, current }: { path: LinePath; current: number }) {
  const size = path.rows.length;
  const [box, width] = useWidth(560);
  const layout = useMemo(() => stripLayout(size, width), [size, width]);
  const draw = useCallback(
    (ctx: CanvasRenderingContext2D, canvas: HTMLCanvasElement) => {
      const colors = frameColors(canvas);
      for (let frame = 0; frame < size; frame++) drawFrame(ctx, path, frame, stripPlace(size, layout, frame), colors);
      const { x, y, cell } = stripPlace(size, layout, current);
      ctx.strokeStyle = colors.current;
      ctx.lineWidth = 2;
      ctx.strokeRect(x - 2, y - 2, size * cell + 4, size * cell + 4);
    },
    [path, size, current, layout],
  );
  const ref = useCanvas(layout.width, layout.height, draw);
  return (
    <div ref={box} className="ml-strip-box">
      <canvas
        ref={ref}
        className="ml-strip"
        style={{ width: layout.width }}
        role="img"
        aria-label={`Film strip: ${describePath(path)}`}
        data-testid="movingline-strip"
      />
    </div>
  );
}

function prefersReducedMotion(): boolean {
  return window.matchMedia('(prefers-reduced-motion: reduce)').matches;
}

interface PlayerProps {
  path: LinePath;
  frame: number;
  /** Shows the next frame (the player's clock). */
  onAdvance: () => void;
  /** Shows a given frame (the slider). */
  onSeek: (frame: number) => void;
}

/** The video played frame by frame: play/pause, a frame slider; no autoplay when the user asks for reduced motion. */
export function Player({ path, frame, onAdvance, onSeek }: PlayerProps) {
  const size = path.rows.length;
  const [playing, setPlaying] = useState(() => !prefersReducedMotion());
  const cell = Math.max(1, Math.floor(PLAYER_SIDE / size));
  const side = size * cell + 2;

  useEffect(() => {
    if (!playing) return;
    const timer = window.setInterval(onAdvance, 1000 / FRAMES_PER_SECOND);
    return () => window.clearInterval(timer);
  }, [playing, onAdvance]);

  const draw = useCallback(
    (ctx: CanvasRenderingContext2D, canvas: HTMLCanvasElement) => drawFrame(ctx, path, frame, { x: 1, y: 1, cell }, frameColors(canvas)),
    [path, frame, cell],
  );
  const ref = useCanvas(side, side, draw);
  return (
    <div className="ml-player">
      <canvas
        ref={ref}
        style={{ width: side }}
        role="img"
        aria-label={`Frame ${frame + 1} of ${size}. ${describePath(path)}`}
        data-testid="movingline-player"
      />
      <div className="ml-controls">
        <button type="button" onClick={() => setPlaying((p) => !p)} data-testid="movingline-play">
          {playing ? 'Pause' : 'Play'}
        </button>
        <label>
          Frame{' '}
          <input
            type="range"
            min={1}
            max={size}
            value={frame + 1}
            onChange={(event) => {
              setPlaying(false);
              onSeek(Number(event.target.value) - 1);
            }}
          />
        </label>
        <output className="ml-frame-number">
          {frame + 1} / {size}
        </output>
      </div>
    </div>
  );
}
