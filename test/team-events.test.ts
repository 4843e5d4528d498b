import { describe, expect, it } from 'vitest';
import { createTeamEvents, type TeamEvent } from '../src/team-events.ts';

describe('the team event bus', () => {
  it('delivers a team’s events to its listeners only, until they unsubscribe', () => {
    const bus = createTeamEvents();
    const heard: Array<[string, TeamEvent]> = [];
    const stopA = bus.subscribe(1, (e) => heard.push(['a', e]));
    bus.subscribe(1, (e) => heard.push(['b', e]));
    bus.subscribe(2, (e) => heard.push(['other team', e]));
    bus.publish({ kind: 'activity', teamId: 1 });
    stopA();
    bus.publish({ kind: 'wall-revoked', teamId: 1 });
    expect(heard).toEqual([
      ['a', { kind: 'activity', teamId: 1 }],
      ['b', { kind: 'activity', teamId: 1 }],
      ['b', { kind: 'wall-revoked', teamId: 1 }],
    ]);
  });

  it('keeps publishing to the others when a listener throws, and reports the failure', () => {
    const failures: unknown[] = [];
    const bus = createTeamEvents((error) => failures.push(error));
    let heard = 0;
    bus.subscribe(7, () => {
      throw new Error('broken screen');
    });
    bus.subscribe(7, () => {
      heard += 1;
    });
    expect(() => bus.publish({ kind: 'activity', teamId: 7 })).not.toThrow();
    expect(heard).toBe(1);
    expect(failures).toHaveLength(1);
  });
});
