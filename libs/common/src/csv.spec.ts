import { csvCell, toCsv } from './csv';

describe('CSV for the access log export', () => {
  it('quotes what RFC 4180 says must be quoted, doubling quotes, and leaves the rest bare', () => {
    expect(csvCell('case_work')).toBe('case_work');
    expect(csvCell('a,b')).toBe('"a,b"');
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    expect(csvCell('two\nlines')).toBe('"two\nlines"');
    expect(csvCell('cr\rhere')).toBe('"cr\rhere"');
    expect(csvCell(undefined)).toBe('');
    expect(csvCell(3)).toBe('3');
  });

  it('keeps a cell that starts like a formula as text, with a leading single quote', () => {
    expect(csvCell('=HYPERLINK("http://x")')).toBe('"\'=HYPERLINK(""http://x"")"');
    expect(csvCell('+1')).toBe("'+1");
    expect(csvCell('-2')).toBe("'-2");
    expect(csvCell('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(csvCell('\tcmd')).toBe("'\tcmd");
    expect(csvCell('a=b')).toBe('a=b');
  });

  it('ends every record, the last included, with CRLF', () => {
    expect(
      toCsv([
        ['at', 'purpose'],
        ['2026-01-01T00:00:00.000Z', 'audit'],
      ]),
    ).toBe('at,purpose\r\n2026-01-01T00:00:00.000Z,audit\r\n');
  });
});
