import type { Day } from '../domain/days.ts';
import type { MetricTotals } from '../domain/metrics.ts';
import type { Statement } from '../domain/pay.ts';
import type { ProbationReminder } from '../domain/probation.ts';
import type { ProbationView } from '../store/careers-repository.ts';
import type { LeaveView } from '../store/leave-repository.ts';
import type { FrozenStatement } from '../store/pay-repository.ts';
import type { MemberView } from '../store/roster-repository.ts';
import type { OrgBoard } from './compute-org-pk.ts';
import type { BehindMember, PkBoard } from './compute-pk.ts';
import type { Decision } from './manage-probation.ts';
import type { TeamPay } from './pay-statements.ts';
import type { QuarterReview } from './quarter-review.ts';
import type { GoalStatus } from './team-goals.ts';

/**
 * What the bot says on its own (jobs, corrections, milestones), as data. Each messenger adapter
 * renders these in the reader's language and sends them; use cases and jobs never build
 * messenger markup, so DingTalk and WeCom can implement the same port.
 */
export type Outbound =
  /** `goal`: the team goal's header (a daily board) or its result line (the month's result). */
  | { kind: 'pk-board'; board: PkBoard; late: boolean; result: boolean; goal?: GoalStatus }
  | { kind: 'group-pk'; board: PkBoard; groupId: number; late: boolean }
  | { kind: 'pk-correction'; day: Day; cause: MemberView; changes: PkChange[] }
  | { kind: 'agent-nudge'; day: Day; missing: MetricTotals | undefined; minutesLeft: number }
  | { kind: 'leader-standing'; board: PkBoard; groupId: number; notLogged: MemberView[]; minutesLeft: number }
  | { kind: 'leader-digest'; day: Day; groupName: string; missed: BehindMember[] }
  /** The morning question to a member who booked 次日约见: how many of `booked` came on `day`. */
  | { kind: 'visits-question'; day: Day; booked: number }
  /**
   * The managers' morning digest: the team goal as it stands this morning (when the month has one)
   * and the members who missed their targets several working days running (when any did).
   */
  | {
      kind: 'manager-escalation';
      day: Day;
      members: Array<{ member: MemberView; days: Day[] }>;
      goal?: GoalStatus;
      today?: Day;
    }
  | { kind: 'calendar-warning'; from: Day; to: Day; unknownFrom: Day; knownThrough: Day }
  | { kind: 'milestone'; milestone: MilestoneNews }
  | {
      kind: 'month-figures';
      board: PkBoard;
      rows: Array<{ member: MemberView; totals: MetricTotals; target: MetricTotals }>;
    }
  | { kind: 'probation-checklist'; member: MemberView; probation: ProbationView }
  | { kind: 'probation-signoff'; member: MemberView; probation: ProbationView }
  | {
      kind: 'probation-decided';
      member: MemberView;
      probation: ProbationView;
      decision: Decision;
      decidedBy: string;
    }
  | { kind: 'org-board'; board: OrgBoard }
  | { kind: 'leave-request'; leave: LeaveView; member: MemberView }
  | { kind: 'leave-decided'; leave: LeaveView; member: MemberView; approve: boolean; decidedBy: string }
  | { kind: 'probation-reminder'; reminder: ProbationReminder; member: MemberView; probation: ProbationView }
  /**
   * Several deadline reminders of one morning in one message, one line each as the single
   * reminder says it: a cohort hired the same day reaches its deadline together, and a manager
   * must not get 30 messages in a minute (WeCom drops the rest; messenger-contracts.md §9).
   */
  | {
      kind: 'probation-reminders';
      reminders: Array<{
        reminder: Exclude<ProbationReminder, 'leader-day-5'>;
        member: MemberView;
        probation: ProbationView;
      }>;
    }
  | { kind: 'quarter-preview'; review: QuarterReview; reviewDay: Day }
  | { kind: 'quarter-results'; review: QuarterReview }
  | { kind: 'quarter-result'; quarter: QuarterReview['quarter']; result: QuarterReview['results'][number] }
  | { kind: 'quarter-flags'; review: QuarterReview }
  | { kind: 'protection-ending'; member: MemberView; endsOn: Day }
  | { kind: 'pay-summary'; pay: TeamPay }
  | {
      kind: 'pay-statement';
      member: MemberView;
      month: string;
      statement: Statement | FrozenStatement;
      closed: boolean;
    }
  | {
      kind: 'demotion-risk';
      member: MemberView;
      amount: number;
      target: number;
      workingDaysLeft: number;
      forLeader: boolean;
    };

export type PkChange = {
  groupId: number;
  name: string;
  fromRank: number;
  toRank: number;
  fromPerCapita: number;
  toPerCapita: number;
};

export type MilestoneNews =
  | { kind: 'first-deal'; member: MemberView; amount: number }
  /** A day's 业绩 at or above the team's 喜报 threshold (`/team image 喜报 10万`). */
  | { kind: 'big-deal'; member: MemberView; amount: number; threshold: number }
  | { kind: 'personal-best'; member: MemberView; points: number; previous: number }
  | { kind: 'win-streak'; groupName: string; streak: number };

/** A channel, or one person (a direct message, in their language). */
export type Audience = { channel: string } | { member: Pick<MemberView, 'messengerUserId' | 'locale'> };

/**
 * Where a post landed, so that it can be updated or answered in its thread. A direct message's
 * ref may keep the language it was written in, so that its update (a decision replacing the
 * buttons) reads in the same language, days later (Slack's DM ids do not say whose DM it is).
 */
export type PostRef = { channel: string; ts: string; locale?: 'zh-CN' | 'en' };

/**
 * A file for one person (an export): its name, its bytes exactly as they are to arrive (an .xlsx
 * workbook, or a CSV's UTF-8 with its byte-order mark), their media type, and a title.
 */
export type OutboundFile = { filename: string; content: Uint8Array; contentType: string; title: string };

/**
 * A finished image for a channel (a 战报 or 喜报 poster): PNG bytes, an ASCII file name and the
 * text a reader sees where the image cannot be shown.
 */
export type OutboundImage = { filename: string; png: Uint8Array; alt: string };

/** A member as a direct message needs them: their id and stored language. */
export type DirectMember = Pick<MemberView, 'messengerUserId' | 'locale'>;

/** One member's share of `postToMembers`: where it landed, or why it did not. */
export type MemberPost = { messengerUserId: string } & ({ ref: PostRef } | { failed: string });

export type Messenger = {
  post(to: Audience, message: Outbound): Promise<PostRef>;
  /**
   * The same message to each of these members directly, each in their own language, in as few
   * calls as the messenger allows: WeCom's message/send takes up to 1000 ids in `touser`, DingTalk's
   * batchSend 20 userIds, Slack has no such call (one DM each). Never rejects for one member: the
   * answer says, per member, where it landed or why not (an invalid id, a throttled person, a
   * failed call), in the order given.
   */
  postToMembers(members: readonly DirectMember[], message: Outbound): Promise<MemberPost[]>;
  /**
   * About to post to each of these members directly (a job's DMs): the adapter may learn what it
   * needs to write to them (Slack: each one's language) in bulk rather than one by one. Never
   * fails; a member it could not learn about is handled by `post` as usual.
   */
  prepareDirect(members: readonly DirectMember[]): Promise<void>;
  /**
   * Posts an image where `post` would post a message. The caller posts the text first: an image
   * that fails (size, type, a network error) must never cost the text.
   */
  postImage(to: Audience, image: OutboundImage): Promise<PostRef>;
  /** Sends a file to a member's direct messages. */
  upload(to: Pick<MemberView, 'messengerUserId'>, file: OutboundFile): Promise<void>;
  update(ref: PostRef, message: Outbound): Promise<void>;
  reply(ref: PostRef, message: Outbound): Promise<void>;
};
