/** A copied link reproduces a run exactly, in another tab; another seed gives another run. */
import { expect, Playground, test } from './fixtures';

test.use({ permissions: ['clipboard-read', 'clipboard-write'] });

// TF.js on WebAssembly trains at batch size 4 to keep the test short.
for (const [engine, label, query, bs, steps] of [
  ['Auto (fastest that works)', 'Fused CPU engine', '', 1, 200],
  ['WebAssembly', 'TF.js on WebAssembly', '&backend=wasm', 4, 50],
] as const) {
  test(`a copied link reproduces the loss sequence bit for bit in a new tab (${label})`, async ({ playground, page, context }) => {
    const { form, transport } = playground;
    await playground.open(`?exp=echo&samples=200${bs > 1 ? `&bs=${bs}` : ''}`);
    await playground.enginePicker.selectOption({ label: engine });
    await form.enter('LSTM units', '12');
    await form.enter('Sequence length', '6');
    await transport.setSeed('7');
    const canonical = `?exp=echo&seed=7${query}&length=6&units=12&samples=200${bs > 1 ? `&bs=${bs}` : ''}`;
    await expect(page).toHaveURL(new RegExp(`${canonical.replace(/[?]/g, '\\?')}$`));

    await playground.trainToEnd();
    await expect(transport.engine).toHaveText(`Engine: ${label}`);
    const losses = await playground.losses();
    expect(losses).toHaveLength(steps);
    expect(losses.every((loss) => Number.isFinite(loss) && loss > 0)).toBe(true);

    await playground.copyLinkButton.click();
    await expect(page.getByRole('banner').getByRole('status')).toHaveText('Link copied');
    const link = await page.evaluate(() => navigator.clipboard.readText());
    expect(link).toBe(page.url());
    expect(link).toBe(new URL(`/${canonical}`, page.url()).href);

    // Same link, new tab, same engine: the same losses, exactly.
    const other = new Playground(await context.newPage());
    await other.page.goto(link);
    await expect(other.form.field('LSTM units')).toHaveValue('12');
    await expect(other.form.field('Sequence length')).toHaveValue('6');
    await expect(other.transport.seed).toHaveValue('7');
    await expect(other.enginePicker).toHaveValue(await playground.enginePicker.inputValue());
    await other.trainToEnd();
    await expect(other.transport.engine).toHaveText(`Engine: ${label}`);
    expect(await other.losses()).toEqual(losses);

    // Another seed: another sequence.
    await other.transport.setSeed('8');
    await expect(other.page).toHaveURL(/[?&]seed=8(&|$)/);
    await other.trainToEnd();
    const reseeded = await other.losses();
    expect(reseeded).toHaveLength(steps);
    expect(reseeded).not.toEqual(losses);
  });
}
