import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { BUNDLED_SERIES } from './bundled';
import { DEFAULT_MAX_BYTES, extractSeries, guessColumns, parseTable, type Table } from './csv';

/** Parses `text`, failing the test with the error message if it does not parse. */
function table(text: string): Table {
  const result = parseTable(text);
  if (!result.ok) throw new Error(`expected a table, got: ${result.error}`);
  return result.table;
}

function errorOf(result: { ok: true } | { ok: false; error: string }): string {
  if (result.ok) throw new Error('expected an error');
  return result.error;
}

/** Guesses the columns and reads the series; the error message when either fails. */
function series(text: string): { dates: string[]; values: number[]; name: string } | string {
  const parsed = parseTable(text);
  if (!parsed.ok) return parsed.error;
  const guess = guessColumns(parsed.table);
  if (!guess.ok) return guess.error;
  const result = extractSeries(parsed.table, guess);
  return result.ok ? result.series : result.error;
}

describe('parseTable on hand-checked files', () => {
  it('reads a header line and the rows, with the line each row is on', () => {
    const t = table('date,value\n1962-01,589\n1962-02,561\n');
    expect(t.columns).toEqual(['date', 'value']);
    expect(t.rows).toEqual([
      ['1962-01', '589'],
      ['1962-02', '561'],
    ]);
    expect(t.lines).toEqual([2, 3]);
    expect(t.hasHeader).toBe(true);
    expect(t.ignored).toEqual([]);
  });

  it('handles CRLF, a byte-order mark, quoted cells with separators, quotes and line breaks', () => {
    const text = '\uFEFF"Month","Passengers"\r\n"1949-01","1,2"\r\n"a ""b""\r\nc",118\r\n1949-03,132\r\n';
    const t = table(text);
    expect(t.columns).toEqual(['Month', 'Passengers']);
    expect(t.rows).toEqual([
      ['1949-01', '1,2'],
      ['a "b"\nc', '118'],
      ['1949-03', '132'],
    ]);
    // The quoted line break makes the third row start on line 5.
    expect(t.lines).toEqual([2, 3, 5]);
  });

  it('reads old Mac CR line endings', () => {
    expect(table('date,value\r1,2\r3,4').rows).toEqual([
      ['1', '2'],
      ['3', '4'],
    ]);
  });

  it('detects semicolons, tabs and pipes as separators', () => {
    for (const separator of [';', '\t', '|']) {
      const t = table(['Month', 'Sales'].join(separator) + '\n' + ['1-01', '266.0'].join(separator) + '\n' + ['1-02', '145.9'].join(separator));
      expect(t.columns).toEqual(['Month', 'Sales']);
      expect(t.rows[1]).toEqual(['1-02', '145.9']);
    }
  });

  it('names the columns when there is no header line', () => {
    const numbers = table('589\n561\n640\n');
    expect(numbers.hasHeader).toBe(false);
    expect(numbers.columns).toEqual(['Column 1']);
    expect(numbers.lines).toEqual([1, 2, 3]);
    const dated = table('1962-01,589\n1962-02,561\n');
    expect(dated.hasHeader).toBe(false);
    expect(dated.columns).toEqual(['Column 1', 'Column 2']);
    expect(dated.rows[0]).toEqual(['1962-01', '589']);
  });

  it('names a blank header cell by its position', () => {
    expect(table(',value\n1962-01,589\n1962-02,561').columns).toEqual(['Column 1', 'value']);
  });

  it('skips blank lines and lines of separators only, keeping the line numbers', () => {
    const t = table('\n\ndate,value\n1962-01,589\n\n , \n1962-02,561\n\n\n');
    expect(t.rows).toEqual([
      ['1962-01', '589'],
      ['1962-02', '561'],
    ]);
    expect(t.lines).toEqual([4, 7]);
    expect(t.ignored).toEqual([]);
  });

  it('ignores trailing empty cells and pads short rows', () => {
    const t = table('date,value,note\n1962-01,589,\n1962-02,561,high,\n1962-03\n');
    expect(t.columns).toEqual(['date', 'value', 'note']);
    expect(t.rows).toEqual([
      ['1962-01', '589', ''],
      ['1962-02', '561', 'high'],
      ['1962-03', '', ''],
    ]);
  });

  it('leaves out a DataMarket footer: a "," line and a title line', () => {
    const text =
      '"Month","Monthly milk production: pounds per cow. Jan 62 ? Dec 75"\n"1962-01",589\n"1962-02",561\n"1975-12",843\n,\nMonthly milk production: pounds per cow. Jan 62 ? Dec 75\n';
    const t = table(text);
    expect(t.rows).toHaveLength(3);
    expect(t.ignored).toEqual([{ line: 6, text: 'Monthly milk production: pounds per cow. Jan 62 ? Dec 75' }]);
    expect(series(text)).toEqual({
      name: 'Monthly milk production: pounds per cow. Jan 62 ? Dec 75',
      dates: ['1962-01', '1962-02', '1975-12'],
      values: [589, 561, 843],
    });
  });

  it('leaves out a title line written straight after the data, and a blank-separated block of text lines', () => {
    const straight = table('date,value\n1962-01,589\n1962-02,561\nMonthly milk production: pounds per cow\n');
    expect(straight.rows).toHaveLength(2);
    expect(straight.ignored).toEqual([{ line: 4, text: 'Monthly milk production: pounds per cow' }]);
    const block = table('date,value\n1,2\n3,4\n\nSource: somewhere\n"Title, with a comma",x\n');
    expect(block.rows).toHaveLength(2);
    expect(block.ignored.map((l) => l.line)).toEqual([5, 6]);
  });

  it('keeps a last row with a missing value (not a footer), so the gap is reported', () => {
    expect(table('date,value\n1962-01,589\n1962-02,561\n1975-12,\n').rows).toHaveLength(3);
    expect(series('date,value\n1962-01,589\n1962-02,561\n1975-12,\n')).toBe(
      'Line 4 has no value in the "value" column. Fill in the missing value or delete the line.',
    );
  });

  it('reads the original DataMarket temperature layout: semicolons, a footer between blank lines, "?" values', () => {
    const text =
      '"Date";"Daily minimum temperatures in Melbourne, Australia, 1981-1990"\n"1981-01-01";20.7\n"1981-01-02";17.9\n"1982-07-20";?0.2\n"1982-07-21";0.8\n\nDaily minimum temperatures in Melbourne, Australia, 1981-1990\n\n';
    const t = table(text);
    expect(t.columns).toEqual(['Date', 'Daily minimum temperatures in Melbourne, Australia, 1981-1990']);
    expect(t.rows).toHaveLength(4);
    expect(t.ignored).toEqual([{ line: 7, text: 'Daily minimum temperatures in Melbourne, Australia, 1981-1990' }]);
    expect(guessColumns(t)).toEqual({ ok: true, dateColumn: 0, valueColumn: 1 });
    expect(series(text)).toBe(
      'Line 4: "?0.2" in the "Daily minimum temperatures in Melbourne, Australia, 1981-1990" column is not a number. Write it as a plain number such as 589 or 20.7, with no units or other symbols.',
    );
  });

  it('reads the tutorial copy of the milk data with its curly-quoted header', () => {
    const text = '"Month”,”Production"\r\n"1962-01",589\r\n"1962-02",561\r\n';
    const t = table(text);
    expect(t.hasHeader).toBe(true);
    expect(t.columns).toEqual(['Month”,”Production', 'Column 2']);
    expect(series(text)).toEqual({ name: 'Column 2', dates: ['1962-01', '1962-02'], values: [589, 561] });
  });
});

describe('numbers', () => {
  it('reads plain numbers with signs, decimals, exponents and spaces', () => {
    expect(series('t,v\na, 589 \nb,-3.25\nc,+.5\nd,1e3\ne,7.\nf,2.5E-2\n')).toMatchObject({
      values: [589, -3.25, 0.5, 1000, 7, 0.025],
    });
  });

  it('rejects a thousands separator or a decimal comma with a message saying how to write the number', () => {
    const hint =
      'Write numbers without thousands separators and with a dot for decimals, for example 1234.5 rather than 1,234.5.';
    expect(series('date,value\n1962-01,"1,234"\n1962-02,561\n')).toBe(`Line 2: "1,234" in the "value" column is not a number. ${hint}`);
    expect(series('date;value\n1962-01;589\n1962-02;20,7\n')).toBe(`Line 3: "20,7" in the "value" column is not a number. ${hint}`);
    // A decimal comma in a semicolon file with a numeric time index: the comma column is still the value column.
    expect(series('t;value\n1;2,5\n2;3,5\n')).toBe(`Line 2: "2,5" in the "value" column is not a number. ${hint}`);
    // Unquoted, the comma splits the number into two cells.
    expect(series('date,value\n1962-01,589\n1962-02,1,234\n')).toBe(
      'Line 3 has 3 cells, but the header line has 2. A number written with a thousands separator, such as 1,234, splits into two cells: write it as 1234.',
    );
  });

  it('rejects NaN, infinities, hex and numbers too large for a double', () => {
    for (const cell of ['NaN', 'Infinity', '0x10', '1e999', '12 kg', '1_000']) {
      const error = series(`t,v\na,1\nb,${cell}\nc,2\n`);
      expect(typeof error === 'string' && error.startsWith(`Line 3: "${cell}" in the "v" column is not a number.`)).toBe(true);
    }
    expect(series('t,v\na,1\nb,1e999\n')).toBe('Line 3: "1e999" in the "v" column is not a number. The number is too large; write a smaller one.');
  });
});

describe('user-facing errors', () => {
  const empty = 'The file is empty: it has no values. Choose a CSV file with a header line and at least 2 rows, one date and value per line.';

  it('an empty file', () => {
    for (const text of ['', '   ', '\n\r\n\n', '\uFEFF', ',,,\n , \n,']) expect(errorOf(parseTable(text))).toBe(empty);
  });

  it('a file over the size limit, with the size and the limit', () => {
    expect(errorOf(parseTable('a'.repeat(3 * 1024 * 1024)))).toBe(
      'The file is 3 MB, which is over the 2 MB limit. Use a smaller file: keep only the date and value columns, or fewer rows.',
    );
    expect(errorOf(parseTable('1\n'.repeat(1600), { maxBytes: 1000 }))).toBe(
      'The file is 3.1 KB, which is over the 1,000 bytes limit. Use a smaller file: keep only the date and value columns, or fewer rows.',
    );
    // Just over: the rounded sizes would both read "2 MB", so the exact bytes are given.
    expect(errorOf(parseTable('a'.repeat(DEFAULT_MAX_BYTES + 1)))).toMatch(/^The file is 2,097,153 bytes, which is over the 2,097,152 bytes limit\./);
    // The limit counts UTF-8 bytes: 3 characters of 4 bytes each.
    expect(parseTable('😀😀😀', { maxBytes: 11 }).ok).toBe(false);
    expect(errorOf(parseTable('😀😀😀', { maxBytes: 12 }))).not.toMatch(/limit/);
  });

  it('no numeric column', () => {
    const t = table('name,city\nAda,London\nAlan,Wilmslow\n');
    expect(errorOf(guessColumns(t))).toBe(
      'No column of the file holds numbers. A series needs one column of plain numbers such as 589 or 20.7, with a dot for decimals and no thousands separators.',
    );
  });

  it('a missing value, naming the line of the file and the column', () => {
    expect(series('date,value\n1962-01,589\n\n1962-02,\n1962-03,640\n')).toBe(
      'Line 4 has no value in the "value" column. Fill in the missing value or delete the line.',
    );
  });

  it('a value that is not a number, naming the line and the column', () => {
    expect(series('date,value\n1962-01,589\n1962-02,n/a\n1962-03,640\n1962-04,656\n')).toBe(
      'Line 3: "n/a" in the "value" column is not a number. Write it as a plain number such as 589 or 20.7, with no units or other symbols.',
    );
  });

  it('a missing date, naming the line and the column', () => {
    expect(series('date,value\n1962-01,589\n,561\n1962-03,640\n')).toBe(
      'Line 3 has no date in the "date" column. Fill in the date or delete the line.',
    );
  });

  it('fewer than 2 rows', () => {
    expect(errorOf(parseTable('date,value\n1962-01,589\n'))).toBe(
      'The file has only 1 row of data after the header line. A series needs at least 2 rows, one date and value per line.',
    );
    expect(errorOf(parseTable('date,value\n'))).toBe(
      'The file has a header line but no rows of data. A series needs at least 2 rows, one date and value per line.',
    );
    expect(errorOf(parseTable('1962-01,589'))).toBe(
      'The file has only 1 row of data. A series needs at least 2 rows, one date and value per line.',
    );
  });

  it('a quote that is never closed, or one in the wrong place', () => {
    expect(errorOf(parseTable('date,value\n1962-01,589\n"1962-02,561\n1962-03,640\n'))).toBe(
      'Line 3 opens a quote (") that is never closed. Add the closing quote or remove the opening one.',
    );
    expect(errorOf(parseTable('date,value\n1962-01,589\n"1962"-02,561\n1962-03,640\n'))).toMatch(/^Line 3 has a quote \("\) in the wrong place/);
  });

  it('a column that does not exist', () => {
    const t = table('date,value\n1962-01,589\n1962-02,561\n');
    expect(errorOf(extractSeries(t, { valueColumn: 'Sales' }))).toBe('There is no column named "Sales". Pick one of "date", "value".');
    expect(errorOf(extractSeries(t, { valueColumn: 2 }))).toBe('There is no column number 3: the file has 2 columns. Pick one of "date", "value".');
    expect(errorOf(extractSeries(t, { valueColumn: 'value', dateColumn: -1 }))).toMatch(/^There is no column number 0:/);
  });
});

describe('guessColumns and extractSeries', () => {
  it('takes the first text column as dates and the first numeric column as values', () => {
    const t = table('id,label,value,other\n1,a,10,5\n2,b,20,6\n3,c,30,7\n');
    expect(guessColumns(t)).toEqual({ ok: true, dateColumn: 1, valueColumn: 0 });
  });

  it('takes a year column as the dates when every column is numeric', () => {
    expect(guessColumns(table('Year,Passengers\n1949,112\n1950,118\n'))).toEqual({ ok: true, dateColumn: 0, valueColumn: 1 });
    expect(guessColumns(table('1949,112\n1950,118\n1951,132\n'))).toEqual({ ok: true, dateColumn: 0, valueColumn: 1 });
    expect(guessColumns(table('a,b\n5,112\n3,118\n'))).toEqual({ ok: true, dateColumn: undefined, valueColumn: 0 });
  });

  it('labels the points 1, 2, … without a date column', () => {
    expect(series('589\n561\n640\n')).toEqual({ name: 'Column 1', dates: ['1', '2', '3'], values: [589, 561, 640] });
  });

  it('finds columns by name ignoring case and spaces, or by 0-based position', () => {
    const t = table('Date , Value\n1962-01,589\n1962-02,561\n');
    expect(t.columns).toEqual(['Date', 'Value']);
    const expected = { ok: true, series: { name: 'Value', dates: ['1962-01', '1962-02'], values: [589, 561] } };
    expect(extractSeries(t, { dateColumn: ' date', valueColumn: 'VALUE' })).toEqual(expected);
    expect(extractSeries(t, { dateColumn: 0, valueColumn: 1 })).toEqual(expected);
  });
});

describe('the bundled series', () => {
  const expected = {
    milk: { first: ['1962-01', 589], last: ['1975-12', 843], sum: 126791 },
    airline: { first: ['1949-01', 112], last: ['1960-12', 432], sum: 40363 },
    shampoo: { first: ['1-01', 266], last: ['3-12', 646.9], sum: 11253.6 },
    temperatures: { first: ['1981-01-01', 20.7], last: ['1990-12-31', 13], sum: 40798.8 },
  };

  for (const bundled of BUNDLED_SERIES) {
    it(`${bundled.id}: ${bundled.file} parses to ${bundled.rows} rows with the documented first and last values`, () => {
      const text = readFileSync(new URL(`../../../public/${bundled.file}`, import.meta.url), 'utf8');
      const t = table(text);
      expect(t.columns).toEqual([bundled.dateColumn, bundled.valueColumn]);
      expect(t.rows).toHaveLength(bundled.rows);
      expect(t.lines[0]).toBe(2);
      expect(t.lines.at(-1)).toBe(bundled.rows + 1);
      expect(t.ignored).toEqual([]);
      expect(guessColumns(t)).toEqual({ ok: true, dateColumn: 0, valueColumn: 1 });
      const result = extractSeries(t, { dateColumn: bundled.dateColumn, valueColumn: bundled.valueColumn });
      if (!result.ok) throw new Error(result.error);
      const { dates, values } = result.series;
      const { first, last, sum } = expected[bundled.id];
      expect([dates[0], values[0]]).toEqual(first);
      expect([dates.at(-1), values.at(-1)]).toEqual(last);
      expect([dates[0], dates.at(-1)]).toEqual([bundled.firstDate, bundled.lastDate]);
      expect(values.reduce((a, b) => a + b, 0)).toBeCloseTo(sum, 6);
    });
  }
});

describe('properties', () => {
  const csvish = fc.string({ unit: fc.constantFrom(',', ';', '\t', '\n', '\r', '"', ' ', '1', '2', '.', '-', 'e', 'a', '?', '\uFEFF') });

  it('any text parses or gives a non-empty error; never throws', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string({ unit: 'binary' }), csvish), (text) => {
        const parsed = parseTable(text);
        if (!parsed.ok) {
          expect(parsed.error.length).toBeGreaterThan(0);
          return;
        }
        const { columns, rows, lines } = parsed.table;
        expect(rows.length).toBeGreaterThanOrEqual(2);
        expect(lines).toHaveLength(rows.length);
        for (const row of rows) expect(row).toHaveLength(columns.length);
        for (let i = 1; i < lines.length; i++) expect(lines[i]).toBeGreaterThan(lines[i - 1] ?? Infinity);
        const guess = guessColumns(parsed.table);
        if (!guess.ok) {
          expect(guess.error.length).toBeGreaterThan(0);
          return;
        }
        const result = extractSeries(parsed.table, guess);
        if (result.ok) {
          expect(result.series.values).toHaveLength(rows.length);
          expect(result.series.values.every(Number.isFinite)).toBe(true);
        } else expect(result.error.length).toBeGreaterThan(0);
      }),
      { numRuns: 2000 },
    );
  });

  it('a series written out as CSV reads back exactly, whatever the line endings and quoting', () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ noNaN: true, noDefaultInfinity: true }), { minLength: 2, maxLength: 50 }),
        fc.constantFrom('\n', '\r\n'),
        fc.boolean(),
        fc.boolean(),
        (values, newline, quoted, trailingNewline) => {
          const q = (cell: string) => (quoted ? `"${cell}"` : cell);
          const lines = [`${q('date')},${q('value')}`, ...values.map((v, i) => `${q(`day ${i}`)},${q(String(v))}`)];
          const text = lines.join(newline) + (trailingNewline ? newline : '');
          const result = series(text);
          expect(result).toEqual({ name: 'value', dates: values.map((_, i) => `day ${i}`), values: values.map((v) => (v === 0 ? 0 : v)) });
        },
      ),
    );
  });

  it('truncated and corrupted copies of the bundled files never throw: a series or a message (1,000 cases)', () => {
    const files = BUNDLED_SERIES.map((bundled) => readFileSync(new URL(`../../../public/${bundled.file}`, import.meta.url), 'utf8'));
    fc.assert(
      fc.property(fc.constantFrom(...files), fc.nat(), fc.nat(), fc.string({ maxLength: 4 }), (text, cut, at, junk) => {
        const truncated = text.slice(0, cut % (text.length + 1));
        const where = at % (truncated.length + 1);
        const corrupted = truncated.slice(0, where) + junk + truncated.slice(where + 1);
        const parsed = parseTable(corrupted);
        if (!parsed.ok) return parsed.error.length > 0;
        const guess = guessColumns(parsed.table);
        if (!guess.ok) return guess.error.length > 0;
        const result = extractSeries(parsed.table, guess);
        return result.ok ? result.series.values.every(Number.isFinite) : result.error.length > 0;
      }),
      { numRuns: 1000 },
    );
  });
});
