/**
 * Every identifier Slack knows the bot by. manifests/slack.yaml must list the same commands;
 * a test reads the manifest and compares.
 */
export const COMMANDS = {
  team: '/team',
  log: '/log',
  stats: '/stats',
  rank: '/rank',
} as const;

export const ACTIONS = {
  logConfirm: 'log_confirm',
  logCancel: 'log_cancel',
} as const;

export const VIEWS = {
  logForm: 'log_form',
} as const;
