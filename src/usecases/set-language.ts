import type { Locale } from '../i18n/index.ts';
import { identifyActor, requireMember, type UseCaseDeps } from './context.ts';

export type SetLanguageOptions = { actorId: string; locale: Locale };

/**
 * `/lang en|中文`: a member chooses the language of everything the bot says to them (replies,
 * direct messages, updated posts). One transaction with its audit event. Someone not on the
 * roster has nothing to store it on, so it is refused with not-on-roster.
 */
export async function setLanguage(deps: UseCaseDeps, options: SetLanguageOptions): Promise<Locale> {
  return deps.store.transaction(async (repos) => {
    const acting = await identifyActor(repos, deps, options.actorId);
    const member = await requireMember(repos, acting.team.id, options.actorId);
    if (member.locale === options.locale) return options.locale;
    await repos.roster.updateMember(member.id, { locale: options.locale });
    await repos.audit.append({
      teamId: acting.team.id,
      actor: options.actorId,
      action: 'member.language',
      subjectMemberId: member.id,
      detail: { before: member.locale, after: options.locale },
    });
    return options.locale;
  });
}
