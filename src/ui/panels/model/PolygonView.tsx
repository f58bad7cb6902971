/** A drawn shape (e.g. a generated rectangle) in an SVG, y up, with its corners as the text alternative. */
export function PolygonView({ points, label }: { points: readonly { x: number; y: number }[]; label: string }) {
  const finite = points.filter((p) => Number.isFinite(p.x) && Number.isFinite(p.y));
  const xs = [0, 1, ...finite.map((p) => p.x)];
  const ys = [0, 1, ...finite.map((p) => p.y)];
  const minX = Math.min(...xs);
  const minY = Math.min(...ys);
  const span = Math.max(Math.max(...xs) - minX, Math.max(...ys) - minY, 1e-6);
  const size = 160;
  const pad = 8;
  const at = (p: { x: number; y: number }) => `${pad + ((p.x - minX) / span) * (size - 2 * pad)},${size - pad - ((p.y - minY) / span) * (size - 2 * pad)}`;
  return (
    <svg className="model-polygon" width={size} height={size} viewBox={`0 0 ${size} ${size}`} role="img" aria-label={label}>
      <rect x={0} y={0} width={size} height={size} className="model-polygon-frame" />
      <polygon points={finite.map(at).join(' ')} className="model-polygon-shape" />
      {finite.map((p, i) => (
        <circle key={i} cx={at(p).split(',')[0]} cy={at(p).split(',')[1]} r={3} className="model-polygon-corner" />
      ))}
    </svg>
  );
}
