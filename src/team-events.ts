/**
 * A small in-process bus of "something about this team changed", for live surfaces (the office
 * wallboard's event stream). Publishing never waits and never throws: a listener's failure is its
 * own. One process only; replicas behind a load balancer each hear their own logs (README).
 */
export type TeamEvent = { kind: 'activity'; teamId: number } | { kind: 'wall-revoked'; teamId: number };

export type TeamEvents = {
  publish(event: TeamEvent): void;
  /** Calls `listener` for each event of `teamId` until the returned function is called. */
  subscribe(teamId: number, listener: (event: TeamEvent) => void): () => void;
};

export function createTeamEvents(onListenerError: (error: unknown) => void = () => {}): TeamEvents {
  const listeners = new Map<number, Set<(event: TeamEvent) => void>>();
  return {
    publish(event) {
      for (const listener of [...(listeners.get(event.teamId) ?? [])]) {
        try {
          listener(event);
        } catch (error) {
          onListenerError(error);
        }
      }
    },
    subscribe(teamId, listener) {
      let set = listeners.get(teamId);
      if (set === undefined) {
        set = new Set();
        listeners.set(teamId, set);
      }
      set.add(listener);
      return () => {
        set.delete(listener);
        if (set.size === 0 && listeners.get(teamId) === set) listeners.delete(teamId);
      };
    },
  };
}
