/**
 * Every identifier Slack knows the bot by. manifests/slack.yaml must list the same commands;
 * a test reads the manifest and compares.
 */
export const COMMANDS = {
  team: '/team',
  log: '/log',
  stats: '/stats',
  rank: '/rank',
  probation: '/probation',
  leave: '/leave',
  org: '/org',
  level: '/level',
  pay: '/pay',
  lang: '/lang',
} as const;

export type SlackCommand = keyof typeof COMMANDS;

/** The buttons' action ids are the neutral ones of the views. */
export { ACTIONS } from '../views/actions.ts';

export const VIEWS = {
  logForm: 'log_form',
  probationExtend: 'probation_extend_form',
  probationReject: 'probation_reject_form',
} as const;

/** A Slack user id (U… or, on Enterprise Grid, W…): the roster import and ZHANBAO_ADMINS check it. */
export const SLACK_USER_ID = {
  pattern: /^[UW][A-Z0-9]{2,}$/,
  message: 'must be a Slack user id such as U012ABCDEF',
} as const;
