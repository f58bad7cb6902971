/** Settings: links with parameters, editing the form, malformed links. No training beyond one short run. */
import { echoParams, expect, formatCount, test } from './fixtures';

test('a link with parameters fills the form, the model summary and the reset marks', async ({ playground, page }) => {
  const { form, transport } = playground;
  await playground.open('?exp=echo&seed=7&units=12&lr=0.005&length=7');

  await expect(form.field('LSTM units')).toHaveValue('12');
  await expect(form.field('Learning rate')).toHaveValue('0.005');
  await expect(form.field('Sequence length')).toHaveValue('7');
  await expect(transport.seed).toHaveValue('7');
  // Untouched knobs keep their defaults.
  await expect(form.field('Distinct values')).toHaveValue('10');
  await expect(form.field('Echoed position')).toHaveValue('2');
  await expect(form.field('Batch size')).toHaveValue('1');

  // LSTM: 4·12·(10+12+1) = 1,104; Dense: (12+1)·10 = 130.
  expect(echoParams(12)).toBe(1234);
  await expect(playground.totalParams).toHaveText('1,234');
  await expect(playground.modelSummary.getByRole('row', { name: /lstm/i })).toContainText('1,104');
  await expect(playground.modelSummary.getByRole('row', { name: /dense/i })).toContainText('130');
  await expect(page.getByTestId('x-shape')).toHaveText('(10000, 7, 10)');

  // Exactly the changed knobs show their reset link.
  await expect(form.resetButton('LSTM units')).toBeVisible();
  await expect(form.resetButton('Learning rate')).toBeVisible();
  await expect(form.resetButton('Sequence length')).toBeVisible();
  await expect(form.root.getByRole('button', { name: /^reset / })).toHaveCount(3);
  await expect(form.resetAllButton()).toHaveText('Reset all to defaults (3 changed)');

  // A clean link raises no warnings and stays as it was.
  await expect(playground.warnings).toHaveCount(0);
  await expect(page).toHaveURL(/\?exp=echo&seed=7&length=7&units=12&lr=0\.005$/);
});

test('editing the form updates the URL and the model summary; invalid entries show inline errors', async ({ playground, page }) => {
  const { form, transport } = playground;
  await playground.open('?exp=echo');
  await expect(playground.totalParams).toHaveText(formatCount(echoParams(25)));
  await expect(form.root.getByRole('button', { name: /^reset / })).toHaveCount(0);

  await form.type('LSTM units', '40');
  await expect(playground.totalParams).toHaveText(formatCount(echoParams(40)));
  await form.type('Learning rate', '0.01');
  await expect(page).toHaveURL(/[?&]units=40(&|$)/);
  await expect(page).toHaveURL(/[?&]lr=0\.01(&|$)/);
  await expect(form.resetButton('LSTM units')).toBeVisible();
  await expect(form.resetButton('Learning rate')).toBeVisible();
  await expect(form.errors()).toHaveCount(0);

  // Over the maximum: an inline error while typing; the model keeps the last valid value typed
  // (each keystroke commits: 9, 99, then 999 is refused)…
  await form.type('LSTM units', '9999');
  await expect(form.error('LSTM units')).toHaveText(/Allowed range 1–512; lowered to the maximum 512/);
  await expect(form.field('LSTM units')).toHaveAttribute('aria-invalid', 'true');
  await expect(form.field('LSTM units')).toHaveValue('9999');
  await expect(playground.totalParams).toHaveText(formatCount(echoParams(99)));
  // …and leaving the field clamps it.
  await form.field('LSTM units').press('Tab');
  await expect(form.field('LSTM units')).toHaveValue('512');
  await expect(form.error('LSTM units')).toHaveCount(0);
  await expect(playground.totalParams).toHaveText(formatCount(echoParams(512)));
  await expect(page).toHaveURL(/[?&]units=512(&|$)/);

  // Not a whole number, and an empty field: errors; the model keeps the last valid value (2).
  await form.type('LSTM units', '2.5');
  await expect(form.error('LSTM units')).toHaveText(/"2\.5" is not a whole number/);
  await form.type('LSTM units', '');
  await expect(form.error('LSTM units')).toHaveText(/enter a number/);
  await expect(playground.totalParams).toHaveText(formatCount(echoParams(2)));

  await form.type('Learning rate', '50');
  await expect(form.error('Learning rate')).toHaveText(/lowered to the maximum 10/);
  await expect(form.errors()).toHaveCount(2);

  // The page still works: the reset links restore the defaults and clear the errors.
  await form.resetButton('LSTM units').click();
  await expect(form.field('LSTM units')).toHaveValue('25');
  await expect(form.error('LSTM units')).toHaveCount(0);
  await expect(form.resetButton('LSTM units')).toHaveCount(0);
  await expect(playground.totalParams).toHaveText(formatCount(echoParams(25)));

  await form.resetButton('Learning rate').click();
  await expect(form.field('Learning rate')).toHaveValue('0.001');
  await expect(form.errors()).toHaveCount(0);
  await expect(page).toHaveURL(/\?exp=echo$/);

  // The seed field refuses text and keeps the last good seed in the URL.
  await transport.setSeed('42');
  await expect(page).toHaveURL(/\?exp=echo&seed=42$/);
  await transport.seed.click();
  await transport.seed.press('ControlOrMeta+A');
  await transport.seed.pressSequentially('abc');
  await expect(transport.seed).toHaveAttribute('aria-invalid', 'true');
  await expect(page.getByText('A whole number from 0 to')).toContainText('seed 42 stays in use');
  await page.waitForTimeout(500); // longer than the URL debounce
  await expect(page).toHaveURL(/\?exp=echo&seed=42$/);
  await transport.seed.press('Tab');
  await expect(transport.seed).toHaveValue('42');
  await expect(page.getByText('A whole number from 0 to')).toHaveCount(0);
});

test('a malformed link is repaired, its problems listed as plain text, and the page still trains', async ({ playground, page }) => {
  const { form, transport } = playground;
  const script = '<script>alert(1)</script>';
  const img = '<img src=x onerror=alert(2)>';
  await playground.open(`?exp=nope&units=abc&lr=-5&seed=xyz&zzz=${script}&${script}=1&length=${img}`);

  const warnings = playground.warnings;
  await expect(warnings).toBeVisible();
  await expect(warnings).toContainText('Unknown experiment "nope"; showing Echo sequence.');
  await expect(warnings).toContainText('Seed "xyz" is not a whole number');
  await expect(warnings).toContainText('LSTM units: "abc" is not a number; using the default 25.');
  await expect(warnings).toContainText('Learning rate: -5 raised to the minimum 0.000001.');
  await expect(warnings).toContainText('Ignored unknown setting "zzz".');
  // Markup in a link is shown as text, never parsed.
  await expect(warnings).toContainText(`Ignored unknown setting "${script}".`);
  await expect(warnings).toContainText(`Sequence length: "${img}" is not a number`);
  await expect(warnings.locator('script, img')).toHaveCount(0);
  await expect(page.locator('img')).toHaveCount(0);

  // The form shows what is used: defaults, and the learning rate clamped to its minimum.
  await expect(playground.experimentPicker).toHaveValue('echo');
  await expect(form.field('LSTM units')).toHaveValue('25');
  await expect(form.field('Sequence length')).toHaveValue('5');
  await expect(form.field('Learning rate')).toHaveValue('0.000001');
  await expect(transport.seed).toHaveValue('1');
  await expect(playground.totalParams).toHaveText(formatCount(echoParams(25)));
  await expect(page).toHaveURL(/\?exp=echo&lr=0\.000001$/);

  await warnings.getByRole('button', { name: 'Dismiss' }).click();
  await expect(warnings).toHaveCount(0);

  // A short run still works.
  await form.enter('Training samples', '200');
  await form.enter('Batch size', '8');
  await playground.trainToEnd();
  await expect(transport.progressText).toHaveText('200 / 200 samples');
  await expect(playground.accuracy).toHaveText(/^\d+(\.\d)?%$/);
});
