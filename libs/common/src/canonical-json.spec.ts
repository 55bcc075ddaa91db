import { canonicalJson } from './canonical-json';

describe('canonicalJson', () => {
  it('sorts keys by UTF-16 code units at every depth, without whitespace', () => {
    const value = { b: 1, a: { d: [3, 2], c: 'x' }, B: true, é: null, '10': 0, '9': 0, '😀': 1, '\uffff': 2 };
    expect(canonicalJson(value)).toBe(
      '{"10":0,"9":0,"B":true,"a":{"c":"x","d":[3,2]},"b":1,"é":null,"😀":1,"\uffff":2}',
    );
  });

  it('drops undefined members, writes undefined array items as null', () => {
    expect(canonicalJson({ a: undefined, b: [undefined, 1], c: {} })).toBe('{"b":[null,1],"c":{}}');
    expect(canonicalJson([])).toBe('[]');
    expect(canonicalJson({ only: undefined })).toBe('{}');
  });

  it('writes strings, numbers, dates and bigints as JSON text', () => {
    expect(canonicalJson({ s: 'say "hi"\n', n: -0, e: 1e21, f: 0.5, t: false })).toBe(
      '{"e":1e+21,"f":0.5,"n":0,"s":"say \\"hi\\"\\n","t":false}',
    );
    expect(canonicalJson(new Date(Date.UTC(2025, 0, 2)))).toBe('"2025-01-02T00:00:00.000Z"');
    expect(canonicalJson({ big: 12345678901234567890n })).toBe('{"big":12345678901234567890}');
    expect(canonicalJson(null)).toBe('null');
  });

  it('is the same text whatever order the members were built in', () => {
    expect(canonicalJson({ x: 1, y: { q: 1, p: 2 } })).toBe(canonicalJson({ y: { p: 2, q: 1 }, x: 1 }));
  });

  it('refuses what JSON cannot hold', () => {
    expect(() => canonicalJson({ n: Number.NaN })).toThrow(TypeError);
    expect(() => canonicalJson({ n: Infinity })).toThrow(TypeError);
    expect(() => canonicalJson({ f: () => 1 })).toThrow(TypeError);
    expect(() => canonicalJson({ s: Symbol('s') })).toThrow(TypeError);
  });
});
