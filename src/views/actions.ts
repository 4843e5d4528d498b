/**
 * The ids of the bot's buttons. Each adapter routes a click by these; Slack uses them as
 * `action_id`s (manifests need none), DingTalk and WeCom carry them in their card callbacks.
 */
export const ACTIONS = {
  logConfirm: 'log_confirm',
  logCancel: 'log_cancel',
  visitsAnswer: 'visits_answer',
  probationTick: 'probation_tick',
  probationApprove: 'probation_approve',
  probationExtend: 'probation_extend',
  probationReject: 'probation_reject',
  leaveApprove: 'leave_approve',
  leaveReject: 'leave_reject',
  teamAddNewGroup: 'team_add_new_group',
} as const;
