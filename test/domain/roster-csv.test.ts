import { describe, expect, it } from 'vitest';
import { findDuplicateRows, readRosterHeader, readRosterRow } from '../../src/domain/roster-csv.ts';
import { day } from '../helpers/day.ts';

const good = {
  user_id: 'U0001',
  name: '王小明',
  group: '一组',
  role: '组长',
  level: '客户经理MO2',
  hired_on: '2026-03-02',
};

describe('roster rows', () => {
  it('reads a complete row', () => {
    expect(readRosterRow(2, good)).toEqual({
      row: {
        line: 2,
        messengerUserId: 'U0001',
        name: '王小明',
        group: '一组',
        role: 'leader',
        level: 'A2',
        hiredOn: '2026-03-02',
      },
    });
  });

  it('defaults an empty role to agent, an empty level to 见习MO1 and an empty group to none', () => {
    expect(readRosterRow(3, { ...good, role: '', level: '', group: '' })).toMatchObject({
      row: { role: 'agent', level: 'P1', group: undefined },
    });
  });

  it.each([
    [{ user_id: 'bob smith' }, 'user_id', 'must be a user id: letters, digits and _ . @ - (at most 64)'],
    [{ name: '' }, 'name', 'must not be empty'],
    [{ role: 'boss' }, 'role', 'unknown role "boss" (agent, leader, manager, director, admin)'],
    [{ level: 'MO9' }, 'level', 'unknown level "MO9" (e.g. 见习MO1, 客户经理MO2, S3)'],
    [{ hired_on: '2026/03/02' }, 'hired_on', '"2026/03/02" is not a date like 2026-11-27'],
  ])('reports %o by line and column', (change, column, message) => {
    expect(readRosterRow(7, { ...good, ...change })).toEqual({ problems: [{ line: 7, column, message }] });
  });

  it("checks ids against the messenger's own form when the caller gives it", () => {
    const slack = { pattern: /^[UW][A-Z0-9]{2,}$/, message: 'must be a Slack user id such as U012ABCDEF' };
    expect(readRosterRow(7, { ...good, user_id: 'bob' }, slack)).toEqual({
      problems: [{ line: 7, column: 'user_id', message: 'must be a Slack user id such as U012ABCDEF' }],
    });
    expect(readRosterRow(7, { ...good, user_id: '032615015535634423' })).toMatchObject({
      row: { messengerUserId: '032615015535634423' },
    });
  });

  it('reports a missing cell', () => {
    const { name: _, ...withoutName } = good;
    expect(readRosterRow(4, withoutName)).toEqual({
      problems: [{ line: 4, column: 'name', message: 'is missing' }],
    });
  });

  it('reads English and Chinese headers in any order and names missing columns', () => {
    expect(readRosterHeader(['姓名', 'slack_user_id', '小组', 'role', '级别', 'hired_on']).problems).toEqual(
      [],
    );
    expect(readRosterHeader(['name', 'group']).problems.map((p) => p.message)).toEqual([
      'missing column "user_id"',
      'missing column "role"',
      'missing column "level"',
      'missing column "hired_on"',
    ]);
    // The headers an English workbook export writes.
    expect(
      readRosterHeader(['User ID', 'Name', 'Group', 'Role', 'Level', 'Hired on', 'Status', 'Joined on'])
        .columns,
    ).toEqual(['user_id', 'name', 'group', 'role', 'level', 'hired_on', undefined, undefined]);
  });

  it('finds a person listed twice', () => {
    const row = (line: number, id: string) => ({
      line,
      messengerUserId: id,
      name: 'x',
      group: undefined,
      role: 'agent' as const,
      level: 'P1' as const,
      hiredOn: day('2026-03-02'),
    });
    expect(findDuplicateRows([row(2, 'U1'), row(3, 'U2'), row(4, 'U1')])).toEqual([
      { line: 4, column: 'user_id', message: 'U1 already appears on line 2' },
    ]);
  });

  it.each([
    ['on another sheet: names it', '二组', 'U1 already appears on line 2 of sheet "一组"'],
    ['on the same sheet: the line is enough', '一组', 'U1 already appears on line 2'],
  ])('finds a person listed twice in a workbook, %s', (_, sheet, message) => {
    const row = (line: number, id: string, on: string) => ({
      line,
      sheet: on,
      messengerUserId: id,
      name: 'x',
      group: undefined,
      role: 'agent' as const,
      level: 'P1' as const,
      hiredOn: day('2026-03-02'),
    });
    expect(findDuplicateRows([row(2, 'U1', '一组'), row(5, 'U1', sheet)])).toEqual([
      { line: 5, sheet, column: 'user_id', message },
    ]);
  });
});
