/**
 * How much each bench row trains: a fixed number of samples per experiment and engine, the same
 * for every engine of a kind in one run (and for the PyTorch reference, which gets the fused rows'
 * amount). TF.js rows get enough to last a few seconds on its slowest backend; the fused rows get
 * enough to last a second or more of steady training, since a few hundred milliseconds would
 * time mostly the JIT warming up (the rectangles' default step takes some 20 µs).
 */

/**
 * What `npm run bench` measures when no experiment is named: the defaults whose amount of training
 * is a number of fresh samples, so every engine gets the same fixed work. The others train for
 * epochs over a fixed data set (echo partial, memory, sequence echo, regression, real series) or
 * need a convolution (moving line, measured in its own section): name them to include them.
 */
export const DEFAULT_EXPERIMENTS = ['echo', 'sine', 'addition', 'cumsum', 'rectangles'];

/** Samples per TF.js row in Node. */
export const NODE_WORK: Record<string, number> = { echo: 400, sine: 200, rectangles: 300, addition: 320, cumsum: 200, movingline: 32 };
/** Samples per TF.js row in the page: short enough for the software renderer. */
export const PAGE_WORK: Record<string, number> = { echo: 300, sine: 200, rectangles: 300, addition: 320, cumsum: 200, movingline: 64 };
/** Samples per fused-engine row (Node, the page's fused and auto rows, and PyTorch). */
export const FUSED_WORK: Record<string, number> = { echo: 20_000, sine: 3_000, rectangles: 30_000, addition: 6_400, cumsum: 4_000 };

export const fusedWork = (experimentId: string, tfjsWork: number) => FUSED_WORK[experimentId] ?? tfjsWork * 10;
