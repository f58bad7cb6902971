/** Echo whole / partial sequence (stateful seq2seq and encoder-decoder): models, constraints, the windows view. */
import { expect, test } from './fixtures';

test('echo whole sequence trains to every window right and shows the windows with targets and predictions', async ({ playground, page }) => {
  await playground.open('?exp=echowhole');
  await expect(playground.totalParams).toHaveText('11,780');
  await expect(page.getByTestId('x-shape')).toHaveText('(21, 5, 100)');
  await playground.trainToEnd();
  await expect(playground.accuracy).toHaveText('100%');
  const view = playground.liveView;
  await expect(view.getByTestId('seqecho-verdict')).toHaveText('21 of 21 windows echoed right');
  await expect(view.getByRole('row')).toHaveCount(22);

  // A batch size that does not divide the 21 windows is replaced, with a note.
  await playground.form.enter('Batch size', '5');
  await expect(playground.warnings).toContainText('batch size 5 does not divide the 21 windows; using 3');
});

test('echo partial sequence: the stateful encoder-decoder, and what it echoes', async ({ playground, page }) => {
  await playground.open('?exp=echopartial&epochs=20&units=20');
  await expect(page.getByTestId('y-shape')).toHaveText('(21, 2, 100)');
  await playground.transport.train();
  await playground.waitForStatus('done');
  const rows = playground.liveView.getByRole('row');
  await expect(rows).toHaveCount(22);
  // Each target is the first 2 values of its window.
  const first = await rows.nth(1).getByRole('cell').allTextContents();
  expect(first[0]?.split(' ').slice(0, 2).join(' ')).toBe(first[1]);
});
