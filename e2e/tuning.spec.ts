import { expect, test } from './fixtures';

test('dropout and early stopping from the form: in the link, trained on TF.js with the reason, validation drawn', async ({ playground }) => {
  const { form, transport, charts, page } = playground;
  await playground.open('?exp=echo&samples=400&bs=4');
  // The regularisation knobs wait folded until wanted.
  const section = form.root.locator('details.form-section').filter({ has: page.locator('summary', { hasText: 'Regularisation' }) });
  await expect(section).not.toHaveAttribute('open');
  await section.locator('summary').click();
  await form.enter('Input dropout', '0.2');
  await expect(page).toHaveURL(/[?&]drop=0\.2(&|$)/);

  await playground.trainToEnd();
  await expect(transport.statusLine).toContainText('the fused engine has no dropout, so TF.js trains this model');
  await expect(transport.engine).toHaveText(/^Engine: TF\.js/);
  // A fresh validation set is scored during the run and drawn dashed beside the training curve.
  await expect(charts.legend().filter({ hasText: /, validation$/ })).toHaveCount(1);
  await expect(charts.chart('loss').locator('.live-lines > path')).toHaveCount(2);

  // Early stopping: a learning rate far too high stops the run with the reason.
  await form.enter('Input dropout', '0');
  await form.enter('Learning rate', '1');
  await form.enter('Training samples', '20000');
  await form.field('Early stopping').check();
  await form.enter('Patience', '2');
  await expect(page).toHaveURL(/[?&]es=/);
  await playground.trainToEnd();
  await expect(playground.evaluation.getByTestId('outcome-message')).toHaveText(/^Early stopping: the validation loss has not reached a new low for 2 validation checks/);
});
