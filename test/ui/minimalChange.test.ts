import { describe, expect, it } from 'vitest';
import { minimalChange } from '../../src/ui/yaml/YamlEditor';

const apply = (text: string, c: { from: number; to: number; insert: string }) =>
  text.slice(0, c.from) + c.insert + text.slice(c.to);

describe('minimalChange', () => {
  it.each([
    ['a\nb\nc\n', 'a\nB\nc\n'],
    ['a\nb\n', 'a\nb\nc\n'],
    ['x\ny\n', 'y\n'],
    ['', 'new'],
    ['old', ''],
    ['aaa', 'aa'],
    ['tasks:\n  - name: a\n', 'tasks:\n  - name: a\n    depends: b\n'],
  ])('turns %j into %j with one local replacement', (before, after) => {
    const change = minimalChange(before, after)!;
    expect(apply(before, change)).toBe(after);
    expect(change.to - change.from + change.insert.length).toBeLessThanOrEqual(
      Math.abs(after.length - before.length) + 2,
    );
  });

  it('is undefined when nothing changed', () => {
    expect(minimalChange('same', 'same')).toBeUndefined();
  });
});
