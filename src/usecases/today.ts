import type { Day } from '../domain/days.ts';
import { identifyActor, todayFor, type UseCaseDeps } from './context.ts';

/** Today in the time zone of the team the person acts on (for a form's default day). */
export async function todayForUser(deps: UseCaseDeps, messengerUserId: string): Promise<Day> {
  const acting = await identifyActor(deps.store, deps, messengerUserId);
  return todayFor(deps, acting.team);
}
