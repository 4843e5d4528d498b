import { describe, expect, it } from 'vitest';
import { groupBy } from '../src/collections.ts';

describe('groupBy', () => {
  const members = [
    { id: 1, group: 20 },
    { id: 2, group: 10 },
    { id: 3, group: null },
    { id: 4, group: 20 },
  ];

  it('lists items by key in their order, keys in order of first appearance, leaving out no key', () => {
    const groups = groupBy(members, (m) => m.group);
    expect([...groups.keys()]).toEqual([20, 10]);
    expect(groups.get(20)?.map((m) => m.id)).toEqual([1, 4]);
    expect(groups.get(10)?.map((m) => m.id)).toEqual([2]);
  });

  it('lists the values picked from each item', () => {
    expect(
      groupBy(
        members,
        (m) => m.group,
        (m) => m.id,
      ),
    ).toEqual(
      new Map([
        [20, [1, 4]],
        [10, [2]],
      ]),
    );
  });

  it('is empty for no items', () => {
    expect(groupBy([], () => 1).size).toBe(0);
  });
});
