import { describe, expect, it } from 'vitest';
import { parseTeamCommand } from '../../src/commands/team-command.ts';

describe('parseTeamCommand', () => {
  it.each([
    ['', { kind: 'list' }],
    ['list', { kind: 'list' }],
    ['名单', { kind: 'list' }],
    ['help', { kind: 'help' }],
    ['add <@U1|wang> 一组 见习MO2', { kind: 'add', memberRef: 'U1', groupName: '一组', level: 'P2' }],
    [
      '添加 <@U1> 组长 二组 2026-11-20',
      { kind: 'add', memberRef: 'U1', groupName: '二组', role: 'leader', hiredOn: '2026-11-20' },
    ],
    ['add <@U1> manager', { kind: 'add', memberRef: 'U1', role: 'manager' }],
    // Names with spaces: quoted, or the words that are not a level, role, day or 新组.
    ['add <@U1> "Team A" A1', { kind: 'add', memberRef: 'U1', groupName: 'Team A', level: 'A1' }],
    ['add <@U1> “一 组” 见习MO1', { kind: 'add', memberRef: 'U1', groupName: '一 组', level: 'P1' }],
    ['add <@U1> 「A1」 S2', { kind: 'add', memberRef: 'U1', groupName: 'A1', level: 'S2' }],
    ['add <@U1> Team A A1', { kind: 'add', memberRef: 'U1', groupName: 'Team A', level: 'A1' }],
    ['add <@U1> Team  A leader', { kind: 'add', memberRef: 'U1', groupName: 'Team A', role: 'leader' }],
    // The same level words as everywhere a level is typed (and the roster import).
    ['add <@U1> TeamA senior-mo2', { kind: 'add', memberRef: 'U1', groupName: 'TeamA', level: 'S2' }],
    ['add <@U1> TeamA trainee mo1', { kind: 'add', memberRef: 'U1', groupName: 'TeamA', level: 'P1' }],
    ['add <@U1> "Team A" senior mo3', { kind: 'add', memberRef: 'U1', groupName: 'Team A', level: 'S3' }],
    ['add <@U1> 一组 见习 MO2', { kind: 'add', memberRef: 'U1', groupName: '一组', level: 'P2' }],
    ['add <@U1> 一组 principal_mo1', { kind: 'add', memberRef: 'U1', groupName: '一组', level: 'E1' }],
    // 新组 creates the group in the same step.
    [
      'add <@U1> 组A 见习MO1 新组',
      { kind: 'add', memberRef: 'U1', groupName: '组A', level: 'P1', newGroup: true },
    ],
    [
      'add <@U1> Team B new-group trainee-mo1',
      { kind: 'add', memberRef: 'U1', groupName: 'Team B', level: 'P1', newGroup: true },
    ],
    ['add <@U1> 一组 二组', { kind: 'add', memberRef: 'U1', groupName: '一组 二组' }],
    ['move <@U1> Team B', { kind: 'move', memberRef: 'U1', groupName: 'Team B' }],
    ['leader "Team B" <@U1>', { kind: 'leader', memberRef: 'U1', groupName: 'Team B' }],
    ['channel Team B <#C1>', { kind: 'channel', groupName: 'Team B', channelRef: 'C1' }],
    ['channel "team" <#C1>', { kind: 'channel', groupName: 'team', channelRef: 'C1' }],
    ['group add Team A', { kind: 'group-add', groupName: 'Team A' }],
    ['group new “Team A”', { kind: 'group-add', groupName: 'Team A' }],
    ['move <@U1> 二组', { kind: 'move', memberRef: 'U1', groupName: '二组' }],
    ['调组 二组 <@U1>', { kind: 'move', memberRef: 'U1', groupName: '二组' }],
    ['role <@U1> 组长', { kind: 'role', memberRef: 'U1', role: 'leader' }],
    ['leader 一组 <@U1>', { kind: 'leader', memberRef: 'U1', groupName: '一组' }],
    ['channel team <#C1|pk>', { kind: 'channel', groupName: undefined, channelRef: 'C1' }],
    ['频道 一组 <#C2>', { kind: 'channel', groupName: '一组', channelRef: 'C2' }],
    ['left <@U1> 个人 原因', { kind: 'left', memberRef: 'U1', reason: '个人 原因' }],
    ['离职 <@U1>', { kind: 'left', memberRef: 'U1' }],
    ['group add 三组', { kind: 'group-add', groupName: '三组' }],
    ['小组 新建 三组', { kind: 'group-add', groupName: '三组' }],
    ['image', { kind: 'image-show' }],
    ['image off', { kind: 'image-set', enabled: false }],
    ['图片 开', { kind: 'image-set', enabled: true }],
    ['image 喜报 10万', { kind: 'image-threshold', amount: 100_000 }],
    ['海报 喜报 10 万', { kind: 'image-threshold', amount: 100_000 }],
    ['image deal ¥50,000', { kind: 'image-threshold', amount: 50_000 }],
    ['image 喜报 off', { kind: 'image-threshold', amount: undefined }],
    ['target', { kind: 'target-show', level: undefined }],
    ['目标 高级MO2', { kind: 'target-show', level: 'S2' }],
    [
      'target A1 day calls 200',
      { kind: 'target-set', level: 'A1', period: 'day', metric: 'calls', value: 200 },
    ],
    [
      'target all 月 业绩 25万 from 2026-12-01',
      {
        kind: 'target-set',
        level: 'all',
        period: 'month',
        metric: 'amount',
        value: 250000,
        from: '2026-12-01',
      },
    ],
    [
      'target 见习MO1 季度 意向 300',
      { kind: 'target-set', level: 'P1', period: 'quarter', metric: 'intents', value: 300 },
    ],
    ['limit', { kind: 'limit-show' }],
    ['limit 呼出 2000', { kind: 'limit-set', setting: 'calls', value: 2000 }],
    ['limit amount 10000000', { kind: 'limit-set', setting: 'amount', value: 10000000 }],
    ['limit median 4', { kind: 'limit-set', setting: 'median', value: 4 }],
    ['上限 单位 500', { kind: 'limit-set', setting: 'unit', value: 500 }],
    ['goal', { kind: 'goal-show' }],
    ['团队目标 2027', { kind: 'goal-show', year: 2027 }],
    ['goal start 2026-10', { kind: 'goal-start', month: '2026-10' }],
    ['业绩目标 开始 2026-9', { kind: 'goal-start', month: '2026-09' }],
    ['goal 2027-01 300万', { kind: 'goal-set', month: '2027-01', amount: 3_000_000 }],
    ['goal 2027-01 300万元', { kind: 'goal-set', month: '2027-01', amount: 3_000_000 }],
    ['goal 2027-01 300 万', { kind: 'goal-set', month: '2027-01', amount: 3_000_000 }],
    ['goal 2027-01 ¥3,000,000', { kind: 'goal-set', month: '2027-01', amount: 3_000_000 }],
    ['goal 2027-01 3000000', { kind: 'goal-set', month: '2027-01', amount: 3_000_000 }],
    ['goal 2027-01 1.5万', { kind: 'goal-set', month: '2027-01', amount: 15_000 }],
    ['goal 2027-1 500k', { kind: 'goal-set', month: '2027-01', amount: 500_000 }],
    ['goal 2027-01 一组 50万', { kind: 'goal-set', month: '2027-01', groupName: '一组', amount: 500_000 }],
    ['goal 2027-01 Alpha 50 w', { kind: 'goal-set', month: '2027-01', groupName: 'Alpha', amount: 500_000 }],
    ['goal 2027-01 clear', { kind: 'goal-clear', month: '2027-01' }],
    ['goal 2027-01 一组 取消', { kind: 'goal-clear', month: '2027-01', groupName: '一组' }],
    // A group name is quoted, or its words standing together (the use case then finds it or not).
    [
      'goal 2027-01 Team A 50万',
      { kind: 'goal-set', month: '2027-01', groupName: 'Team A', amount: 500_000 },
    ],
    [
      'goal 2027-01 "Team A" 50 w',
      { kind: 'goal-set', month: '2027-01', groupName: 'Team A', amount: 500_000 },
    ],
    ['goal 2027-01 Team A clear', { kind: 'goal-clear', month: '2027-01', groupName: 'Team A' }],
    // The grammar passes a month it cannot use on, so the use case can say "2027-13 is not a month".
    ['goal 2027-13 300万', { kind: 'goal-set', month: '2027-13', amount: 3_000_000 }],
    // An Excel workbook by default; the word csv (anywhere after export) asks for the CSV.
    ['export pay 2026-11', { kind: 'export', request: { kind: 'pay', month: '2026-11' }, format: 'xlsx' }],
    ['export pay 2026-11 csv', { kind: 'export', request: { kind: 'pay', month: '2026-11' }, format: 'csv' }],
    ['export CSV pay 2026-11', { kind: 'export', request: { kind: 'pay', month: '2026-11' }, format: 'csv' }],
    [
      'export pay 2026-11 xlsx',
      { kind: 'export', request: { kind: 'pay', month: '2026-11' }, format: 'xlsx' },
    ],
    [
      'export activity 2026-11-01 2026-11-30 csv',
      { kind: 'export', request: { kind: 'activity', from: '2026-11-01', to: '2026-11-30' }, format: 'csv' },
    ],
    [
      '导出 activity 2026-11-01 2026-11-30 excel',
      { kind: 'export', request: { kind: 'activity', from: '2026-11-01', to: '2026-11-30' }, format: 'xlsx' },
    ],
    ['wall', { kind: 'wall', reset: false }],
    ['大屏', { kind: 'wall', reset: false }],
    ['wall reset', { kind: 'wall', reset: true }],
    ['大屏 重置', { kind: 'wall', reset: true }],
    ['WALL Reset', { kind: 'wall', reset: true }],
  ])('reads %j', (text, command) => {
    expect(parseTeamCommand(text)).toEqual({ ok: true, command });
  });

  it.each([
    ['add 一组', 'add'],
    ['add <@U1> 一组 见习MO1 二组', 'add'],
    ['add <@U1> 见习MO1 新组', 'add'],
    ['move <@U1> 一组 <@U2>', 'move'],
    ['move 一组 <@U1> 二组', 'move'],
    ['move <@U1>', 'move'],
    ['role <@U1> boss', 'role'],
    ['channel <#C1>', 'channel'],
    ['left 一组', 'left'],
    ['group 三组', 'group-add'],
    ['target A1 yearly calls 10', 'target-set'],
    ['target A1 day calls 10 intents 3', 'target-set'],
    ['target A1 day calls 10 from tomorrow', 'target-set'],
    ['target MO9 day calls 10', 'target-set'],
    ['limit median x', 'limit-set'],
    ['limit 呼出', 'limit-set'],
    ['goal start', 'goal'],
    ['goal start 十月', 'goal'],
    ['goal 2027-01', 'goal'],
    ['goal 2027-01 很多', 'goal'],
    ['goal 1月 300万', 'goal'],
    ['goal <@U1> 2027-01 300万', 'goal'],
    ['goal 2027-01 1.23456万', 'goal'],
    ['export csv', 'export'],
    ['export pay 2026-11 2026-12 csv', 'export'],
    ['export activity 2026-11-01 csv', 'export'],
    ['wall now', 'wall'],
    ['wall reset again', 'wall'],
    ['wall <@U1>', 'wall'],
    ['image maybe', 'image'],
    ['image off now', 'image'],
    ['image 喜报', 'image'],
    ['image 喜报 0', 'image'],
    ['image 喜报 很多', 'image'],
  ])('explains the usage for %j', (text, subcommand) => {
    expect(parseTeamCommand(text)).toEqual({ ok: false, problem: 'usage', subcommand });
  });

  it('names an unknown subcommand', () => {
    expect(parseTeamCommand('promote <@U1>')).toEqual({
      ok: false,
      problem: 'unknown-subcommand',
      word: 'promote',
    });
  });
});
