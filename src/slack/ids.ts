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
  level: '/level',
  pay: '/pay',
} as const;

export const ACTIONS = {
  logConfirm: 'log_confirm',
  logCancel: 'log_cancel',
  probationTick: 'probation_tick',
  probationApprove: 'probation_approve',
  probationExtend: 'probation_extend',
  probationReject: 'probation_reject',
} as const;

export const VIEWS = {
  logForm: 'log_form',
  probationExtend: 'probation_extend_form',
  probationReject: 'probation_reject_form',
} as const;
