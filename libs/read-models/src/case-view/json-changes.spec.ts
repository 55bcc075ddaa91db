import { jsonChanges } from './json-changes';

describe('jsonChanges', () => {
  it('finds nothing between equal documents', () => {
    const doc = { a: 1, b: { c: ['x', { d: null }] } };
    expect(jsonChanges(doc, structuredClone(doc))).toEqual([]);
  });

  it('names each changed leaf by its JSON pointer, with its values before and after', () => {
    expect(
      jsonChanges(
        { stage: 'registered', identification: { status: 'pending' }, n: 1 },
        { stage: 'identified', identification: { status: 'identified' }, n: 1 },
      ),
    ).toEqual([
      { path: '/stage', from: 'registered', to: 'identified' },
      { path: '/identification/status', from: 'pending', to: 'identified' },
    ]);
  });

  it('reports a member added or removed as one change carrying its whole value', () => {
    expect(jsonChanges({ gone: { x: 1 } }, { added: { y: [2] } })).toEqual([
      { path: '/added', to: { y: [2] } },
      { path: '/gone', from: { x: 1 } },
    ]);
  });

  it('compares arrays by index: an appended element, a changed one, a dropped one', () => {
    expect(jsonChanges({ l: ['a', 'b'] }, { l: ['a', 'c', 'd'] })).toEqual([
      { path: '/l/1', from: 'b', to: 'c' },
      { path: '/l/2', to: 'd' },
    ]);
    expect(jsonChanges({ l: [{ s: 'p' }, 'z'] }, { l: [{ s: 'q' }] })).toEqual([
      { path: '/l/0/s', from: 'p', to: 'q' },
      { path: '/l/1', from: 'z' },
    ]);
  });

  it('treats an undefined member as absent and a type change as a change of the whole value', () => {
    expect(jsonChanges({ a: undefined, b: [1] }, { b: { 0: 1 } })).toEqual([
      { path: '/b', from: [1], to: { 0: 1 } },
    ]);
    expect(jsonChanges({ a: null }, { a: 0 })).toEqual([{ path: '/a', from: null, to: 0 }]);
    expect(jsonChanges({ a: 'x' }, { a: { v: 'x' } })).toEqual([{ path: '/a', from: 'x', to: { v: 'x' } }]);
  });

  it('escapes "~" and "/" in keys (RFC 6901) and reads no inherited member', () => {
    expect(jsonChanges({}, { 'a/b~c': 1, constructor: 2 })).toEqual([
      { path: '/a~1b~0c', to: 1 },
      { path: '/constructor', to: 2 },
    ]);
  });

  it('compares whole documents at the root path', () => {
    expect(jsonChanges(1, 2)).toEqual([{ path: '', from: 1, to: 2 }]);
    expect(jsonChanges(undefined, { a: 1 })).toEqual([{ path: '', to: { a: 1 } }]);
  });

  it('leaves its inputs as they were', () => {
    const before = { a: [1, 2] };
    const after = { a: [1] };
    jsonChanges(before, after);
    expect(before).toEqual({ a: [1, 2] });
    expect(after).toEqual({ a: [1] });
  });
});
