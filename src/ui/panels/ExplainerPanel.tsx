import type { Explainer } from '../../experiments/types';

/** What the experiment shows, what to try, and what to watch for. */
export function ExplainerPanel({ explainer }: { explainer: Explainer }) {
  return (
    <section className="panel explainer" aria-labelledby="explainer-title">
      <h2 id="explainer-title">About this experiment</h2>
      <h3>The problem</h3>
      <p>{explainer.problem}</p>
      <h3>Try this</h3>
      <p>{explainer.tryThis}</p>
      <h3>Watch for</h3>
      <p>{explainer.watch}</p>
    </section>
  );
}
