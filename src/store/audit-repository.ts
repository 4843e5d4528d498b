import type { Tx } from './tx.ts';

export type AuditInput = {
  teamId: number | null;
  /** Messenger user id of whoever acted, or "system" / "cli". */
  actor: string;
  action: string;
  subjectMemberId?: number | null;
  detail?: Record<string, unknown>;
};

/** Audit events are appended in the same transaction as the change they describe. */
export function auditRepository(db: Tx) {
  return {
    async append(event: AuditInput): Promise<void> {
      await db.auditEvent.create({
        data: {
          teamId: event.teamId,
          actor: event.actor,
          action: event.action,
          subjectMemberId: event.subjectMemberId ?? null,
          detail: JSON.stringify(event.detail ?? {}),
        },
      });
    },

    async recent(
      teamId: number,
      limit: number,
    ): Promise<Array<{ actor: string; action: string; at: Date; detail: string }>> {
      return db.auditEvent.findMany({
        where: { teamId },
        select: { actor: true, action: true, at: true, detail: true },
        orderBy: { id: 'desc' },
        take: limit,
      });
    },
  };
}

export type AuditRepository = ReturnType<typeof auditRepository>;
