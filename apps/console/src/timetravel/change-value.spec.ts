import { SHORT_LENGTH, shortened, valueText, wholeValueText } from './change-value';

describe('a changed value as text', () => {
  it('shows strings as they are, anything else as JSON, and nothing for an absent field', () => {
    expect(valueText('identified')).toBe('identified');
    expect(valueText(false)).toBe('false');
    expect(valueText(0)).toBe('0');
    expect(valueText(null)).toBe('null');
    expect(valueText({ status: 'given', purpose: 'assistance' })).toBe(
      '{"status":"given","purpose":"assistance"}',
    );
    expect(valueText(undefined)).toBeUndefined();
    expect(wholeValueText({ a: [1] })).toBe('{\n  "a": [\n    1\n  ]\n}');
  });

  it('cuts a long value, never inside a character', () => {
    expect(shortened('short')).toBeUndefined();
    expect(shortened('x'.repeat(SHORT_LENGTH))).toBeUndefined();
    expect(shortened('x'.repeat(SHORT_LENGTH + 1))).toBe(`${'x'.repeat(SHORT_LENGTH)}…`);
    const emoji = '🙂'.repeat(SHORT_LENGTH + 5);
    expect(shortened(emoji)).toBe(`${'🙂'.repeat(SHORT_LENGTH)}…`);
  });
});
