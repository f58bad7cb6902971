/**
 * A chart's SVG as a file that looks the same on its own: the recharts <svg> cloned with every
 * element's computed style written into it (theme colours resolved from CSS variables, fonts,
 * dashes), a background of the panel's colour and a title; and the same drawn onto a canvas for a
 * PNG at twice the size. Browser only (DOM, canvas).
 */

const SVG_NS = 'http://www.w3.org/2000/svg';

/** The presentation properties a chart uses; only these are inlined. */
const STYLE_PROPERTIES = [
  'fill',
  'fill-opacity',
  'stroke',
  'stroke-width',
  'stroke-dasharray',
  'stroke-opacity',
  'stroke-linecap',
  'stroke-linejoin',
  'opacity',
  'font-family',
  'font-size',
  'font-weight',
  'text-anchor',
  'dominant-baseline',
  'visibility',
  'display',
] as const;

/** The first opaque background colour from `element` up, or white. */
function backgroundOf(element: Element | null): string {
  for (let node = element; node; node = node.parentElement) {
    const color = getComputedStyle(node).backgroundColor;
    if (color && color !== 'transparent' && !/rgba\(.*,\s*0\)$/.test(color)) return color;
  }
  return '#ffffff';
}

export interface StandaloneSvg {
  text: string;
  width: number;
  height: number;
}

/** The chart as standalone SVG text, with its size in CSS pixels. */
export function standaloneSvg(svg: SVGSVGElement, title: string): StandaloneSvg {
  const { width, height } = svg.getBoundingClientRect();
  // A copy in a document of its own (parsed, not cloned into the page): the page's
  // Content-Security-Policy refuses inline styles, and recharts' elements carry style attributes.
  // Style attributes are cut from the text before parsing (serialised attribute values never hold a
  // raw '"'); the computed styles below replace them.
  const text = new XMLSerializer().serializeToString(svg).replace(/\sstyle="[^"]*"/g, '');
  const doc = new DOMParser().parseFromString(text, 'image/svg+xml');
  const clone = doc.documentElement as unknown as SVGSVGElement;
  const originals = [svg, ...Array.from(svg.querySelectorAll('*'))];
  const copies = [clone, ...Array.from(clone.querySelectorAll('*'))];
  originals.forEach((original, i) => {
    const copy = copies[i];
    if (!copy) return;
    const computed = getComputedStyle(original);
    // Written as presentation attributes: a standalone SVG has no style sheet that could outrank them.
    for (const name of STYLE_PROPERTIES) {
      const value = computed.getPropertyValue(name);
      if (value) copy.setAttribute(name, value);
    }
    copy.removeAttribute('class');
  });
  clone.setAttribute('width', String(Math.round(width)));
  clone.setAttribute('height', String(Math.round(height)));
  clone.setAttribute('viewBox', `0 0 ${Math.round(width)} ${Math.round(height)}`);
  const background = doc.createElementNS(SVG_NS, 'rect');
  background.setAttribute('width', '100%');
  background.setAttribute('height', '100%');
  background.setAttribute('fill', backgroundOf(svg.parentElement));
  const titleElement = doc.createElementNS(SVG_NS, 'title');
  titleElement.textContent = title;
  clone.insertBefore(background, clone.firstChild);
  clone.insertBefore(titleElement, clone.firstChild);
  return { text: new XMLSerializer().serializeToString(clone), width, height };
}

/** The standalone SVG drawn onto a canvas `scale` times its size, as a PNG. */
export async function svgToPng(svg: StandaloneSvg, scale = 2): Promise<Blob> {
  const url = URL.createObjectURL(new Blob([svg.text], { type: 'image/svg+xml' }));
  try {
    const image = new Image();
    image.src = url;
    await image.decode();
    const canvas = document.createElement('canvas');
    canvas.width = Math.max(1, Math.round(svg.width * scale));
    canvas.height = Math.max(1, Math.round(svg.height * scale));
    const context = canvas.getContext('2d');
    if (!context) throw new Error('This browser cannot draw on a canvas.');
    context.drawImage(image, 0, 0, canvas.width, canvas.height);
    return await new Promise<Blob>((resolve, reject) =>
      canvas.toBlob((blob) => (blob ? resolve(blob) : reject(new Error('The browser made no PNG of the chart.'))), 'image/png'),
    );
  } finally {
    URL.revokeObjectURL(url);
  }
}

/** The drawn SVG of the chart of `metric` (see MetricChart's data-testid), if it is on the page. */
export function chartSvgOf(metric: string): SVGSVGElement | null {
  return document.querySelector<SVGSVGElement>(`[data-testid="chart-${CSS.escape(metric)}"] svg.recharts-surface`);
}
