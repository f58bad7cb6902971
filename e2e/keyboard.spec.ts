/** The whole path — pick an experiment, edit a knob, train, read the result — with the keyboard alone. */
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';

/** Presses `key` (Tab or Shift+Tab) until the focused element matches, at most `limit` times. */
async function tabTo(page: Page, description: string, matches: () => Promise<boolean>, key = 'Tab', limit = 80): Promise<void> {
  for (let i = 0; i < limit; i++) {
    await page.keyboard.press(key);
    if (await matches()) return;
  }
  throw new Error(`Tab never reached ${description}`);
}

const focusedLabel = (page: Page) =>
  page.evaluate(() => {
    const element = document.activeElement as HTMLElement | null;
    if (!element) return '';
    const label = element.closest('label')?.textContent ?? (element.id ? document.querySelector(`label[for="${element.id}"]`)?.textContent : '') ?? '';
    return `${element.tagName} ${label.trim()} ${element.textContent?.trim() ?? ''}`;
  });

test('keyboard only: pick the cumulative sum, set the samples, train, and read the evaluation', async ({ playground, page }) => {
  await playground.open('');
  await tabTo(page, 'the experiment picker', async () => (await focusedLabel(page)).startsWith('SELECT Experiment'));
  // A focused select changes its value with the arrow keys, as a user would scroll through it.
  const focusedValue = () => page.evaluate(() => (document.activeElement as HTMLSelectElement | null)?.value);
  for (let i = 0; i < 20 && (await focusedValue()) !== 'cumsum'; i++) await page.keyboard.press('ArrowDown');
  await expect(page).toHaveURL(/exp=cumsum/);
  await expect(page.getByRole('heading', { name: /Cumulative sum/ })).toBeVisible();

  await tabTo(page, 'the training samples field', async () => (await focusedLabel(page)).startsWith('INPUT Training samples'));
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.type('300');
  await expect(page).toHaveURL(/samples=300/);

  // The transport bar comes before the form: go back to its Train button.
  await tabTo(page, 'the Train button', async () => (await focusedLabel(page)) === 'BUTTON  Train', 'Shift+Tab');
  await page.keyboard.press('Enter');
  await playground.waitForStatus('done', 60_000);
  await expect(playground.evaluation).toContainText('Trained on 300 samples');
  await expect(playground.evaluation).toContainText(/Accuracy per step\s*\d+(\.\d)?%/);
});
