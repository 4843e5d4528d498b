import type { PayField } from '../commands/pay-command.ts';
import { type Day, parseDay } from '../domain/days.ts';
import { LEVEL_CODES, type LevelCode } from '../domain/levels.ts';
import { assertValidPayRule, type PayRule, ruleFor } from '../domain/pay.ts';
import { DomainError } from '../errors.ts';
import { identifyActor, requireRosterAdmin, todayFor, type UseCaseDeps } from './context.ts';

/** The pay rule in force today for a level, and the version it comes from. */
export async function showPayRule(
  deps: UseCaseDeps,
  options: { actorId: string; level: LevelCode | undefined },
): Promise<{ level: LevelCode; rule: PayRule; version: number | string }> {
  const acting = await identifyActor(deps.store, deps, options.actorId);
  const level = options.level ?? acting.member?.level ?? 'A1';
  const { rule, versionId } = ruleFor(
    level,
    todayFor(deps, acting.team),
    await deps.store.pay.ruleVersions(acting.team.id),
  );
  return { level, rule, version: versionId };
}

/**
 * Changes one part of the pay rule of a level (or every level) from a day on, today by default:
 * a new version copied from the rule in force that day, audited. Earlier months and every closed
 * statement keep the rule they had.
 */
export async function setPayRule(
  deps: UseCaseDeps,
  options: { actorId: string; level: LevelCode | 'all'; change: PayField; from: string | undefined },
): Promise<{ levels: readonly LevelCode[]; effectiveFrom: Day; rule: PayRule }> {
  return deps.store.transaction(async (repos) => {
    const acting = await identifyActor(repos, deps, options.actorId);
    requireRosterAdmin(acting);
    const effectiveFrom = options.from === undefined ? todayFor(deps, acting.team) : parseDay(options.from);
    if (effectiveFrom === undefined) throw new DomainError('bad-day', { day: options.from ?? '' });
    const versions = await repos.pay.ruleVersions(acting.team.id);
    const levels = options.level === 'all' ? LEVEL_CODES : [options.level];
    const changed = levels.map((level) => ({
      level,
      effectiveFrom,
      rule: apply(ruleFor(level, effectiveFrom, versions).rule, options.change),
    }));
    for (const c of changed) assertValidPayRule(c.rule);
    await repos.pay.addRuleVersions(acting.team.id, options.actorId, changed);
    await repos.audit.append({
      teamId: acting.team.id,
      actor: options.actorId,
      action: 'pay-rule.set',
      detail: { levels, effectiveFrom, change: options.change },
    });
    const first = changed[0];
    if (first === undefined) throw new Error('no level to change');
    return { levels, effectiveFrom, rule: first.rule };
  });
}

function apply(rule: PayRule, change: PayField): PayRule {
  switch (change.field) {
    case 'base':
      return { ...rule, baseFen: change.fen };
    case 'target':
      return { ...rule, monthlyTargetYuan: change.yuan };
    case 'cut':
      return { ...rule, cutBelowTargetFen: change.fen };
    case 'zero':
      return { ...rule, cutAtZeroFen: change.fen };
    case 'commission': {
      const tiers = [{ fromYuan: 0, rateBasisPoints: change.basisPoints }];
      // "1% above 1.5%": 1% up to the monthly target, 1.5% on the part above it.
      if (change.aboveTargetBasisPoints !== undefined) {
        tiers.push({ fromYuan: rule.monthlyTargetYuan, rateBasisPoints: change.aboveTargetBasisPoints });
      }
      return { ...rule, tiers };
    }
  }
}
