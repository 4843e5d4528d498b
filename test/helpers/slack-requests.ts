/**
 * Sends signed requests to the app's HTTP endpoint exactly the way Slack does.
 *
 * Details that matter to Bolt 5.1's HTTPReceiver (see receivers/HTTPModuleFunctions.js):
 * - the signature covers the raw body bytes: `v0=` + hex HMAC-SHA256 of `v0:${timestampSeconds}:${rawBody}`;
 * - timestamps older than 5 minutes are rejected (401) before any listener runs; Bolt compares against its own
 *   Date.now(), so `now` must stay close to the real clock unless the test also fakes the system time;
 * - form bodies must be sent with Content-Type exactly `application/x-www-form-urlencoded` (no charset):
 *   Bolt compares the header with `===` and otherwise tries JSON.parse (=> 400). That is why we set the header
 *   ourselves instead of letting fetch derive it from URLSearchParams;
 * - interactivity (block_actions, view_submission) is a form with a single `payload` field holding JSON;
 *   slash commands are plain form fields; Events API bodies are JSON.
 */
import { createHmac, randomBytes } from 'node:crypto';

export interface SlackResponse {
  status: number;
  /** Parsed JSON when the app answered JSON (e.g. `ack({ response_action: 'errors', ... })`), else the text. */
  body: unknown;
  text: string;
}

/** Per-request knobs for negative tests. */
export interface SendOptions {
  /** Sign with this secret instead of the client's (a wrong secret => 401). */
  signingSecret?: string;
  /** Send a timestamp 6 minutes in the past (=> 401). */
  stale?: boolean;
  /** Explicit X-Slack-Request-Timestamp in seconds. */
  timestamp?: number;
}

export function signSlackRequest({
  signingSecret,
  body,
  timestamp,
}: {
  signingSecret: string;
  body: string;
  /** Seconds since the epoch, as Slack sends it. */
  timestamp: number;
}): Record<string, string> {
  const signature = createHmac('sha256', signingSecret).update(`v0:${timestamp}:${body}`).digest('hex');
  return { 'X-Slack-Signature': `v0=${signature}`, 'X-Slack-Request-Timestamp': String(timestamp) };
}

export interface SlackClientOptions {
  /** App origin, e.g. `http://127.0.0.1:PORT`; requests go to `${baseUrl}/slack/events`. */
  baseUrl: string;
  signingSecret: string;
  teamId?: string;
  /**
   * Prefix for generated response_url values, normally `fake.responseUrlBase` so that `respond()` lands on the
   * fake Slack API. Without it the URL points at a closed local port: respond() then fails instead of
   * reaching the real hooks.slack.com.
   */
  responseUrlBase?: string;
  /** Clock in milliseconds, for deterministic timestamps and ids. */
  now?: () => number;
  /** The bot's own ids, as the fake Slack API's auth.test reports them (defaults match it). */
  botUserId?: string;
  botId?: string;
}

export interface SlashCommandArgs {
  command: string;
  text: string;
  userId: string;
  userName?: string;
  channelId?: string;
  channelName?: string;
  triggerId?: string;
  responseUrl?: string;
}

export interface BlockActionArgs {
  userId: string;
  actionId: string;
  blockId?: string;
  value?: string;
  selectedOption?: { value: string; text?: string };
  /** Element type; defaults to 'static_select' with selectedOption, else 'button'. */
  actionType?: string;
  channelId?: string;
  messageTs?: string;
  /** Action inside a modal or the Home tab: Slack then sends a view container and no response_url. */
  view?: {
    id?: string;
    type?: 'modal' | 'home';
    callbackId?: string;
    privateMetadata?: string;
    values?: ViewStateValues;
  };
  triggerId?: string;
  responseUrl?: string;
}

export type ViewStateValues = Record<
  string,
  Record<
    string,
    { type: string; value?: string | null; selected_date?: string | null; selected_option?: unknown }
  >
>;

export interface ViewSubmissionArgs {
  userId: string;
  callbackId: string;
  privateMetadata?: string;
  values: ViewStateValues;
  viewId?: string;
  triggerId?: string;
}

export type EventArgs = { type: string } & Record<string, unknown>;

export function createSlackClient(options: SlackClientOptions) {
  const { baseUrl, signingSecret, teamId = 'T1', botUserId = 'UBOT', botId = 'BBOT' } = options;
  const now = options.now ?? Date.now;
  // 127.0.0.1:9 is the discard port, closed on any sane machine.
  const responseUrlBase = options.responseUrlBase ?? 'http://127.0.0.1:9/response_url/';
  let seq = 0;
  // Unique across clients too, as Slack's own ids are: two clients must never send the same trigger id.
  const clientTag = randomBytes(3).toString('hex');
  const nextId = (prefix: string) => {
    seq += 1;
    return `${prefix}${clientTag}-${seq}`;
  };
  const seconds = () => Math.floor(now() / 1000);
  const actionTs = () => (now() / 1000).toFixed(6);
  const team = { id: teamId, domain: 'fake-team' };
  const user = (userId: string) => ({
    id: userId,
    username: userId.toLowerCase(),
    name: userId.toLowerCase(),
    team_id: teamId,
  });

  async function raw({
    body,
    contentType = 'application/json',
    headers = {},
    sign = true,
    ...send
  }: { body: string; contentType?: string; headers?: Record<string, string>; sign?: boolean } & SendOptions) {
    const timestamp = send.timestamp ?? (send.stale ? seconds() - 6 * 60 : seconds());
    const signature = sign
      ? signSlackRequest({ signingSecret: send.signingSecret ?? signingSecret, body, timestamp })
      : {};
    const res = await fetch(`${baseUrl}/slack/events`, {
      method: 'POST',
      headers: { 'Content-Type': contentType, ...signature, ...headers },
      body,
    });
    const text = await res.text();
    let parsed: unknown = text;
    if (res.headers.get('content-type')?.includes('application/json') && text !== '')
      parsed = JSON.parse(text);
    return { status: res.status, body: parsed, text } satisfies SlackResponse;
  }

  const form = (fields: Record<string, string>, send?: SendOptions) =>
    raw({
      body: new URLSearchParams(fields).toString(),
      contentType: 'application/x-www-form-urlencoded',
      ...send,
    });
  const payload = (value: unknown, send?: SendOptions) => form({ payload: JSON.stringify(value) }, send);

  return {
    raw,

    slashCommand(args: SlashCommandArgs, send?: SendOptions) {
      const channelId = args.channelId ?? 'C1';
      return form(
        {
          token: 'verification-token',
          team_id: teamId,
          team_domain: team.domain,
          channel_id: channelId,
          channel_name: args.channelName ?? (channelId.startsWith('D') ? 'directmessage' : 'general'),
          user_id: args.userId,
          user_name: args.userName ?? args.userId.toLowerCase(),
          command: args.command,
          text: args.text,
          api_app_id: 'A1',
          is_enterprise_install: 'false',
          response_url: args.responseUrl ?? `${responseUrlBase}${nextId('cmd-')}`,
          trigger_id: args.triggerId ?? nextId('trigger-'),
        },
        send,
      );
    },

    blockAction(args: BlockActionArgs, send?: SendOptions) {
      const actionType = args.actionType ?? (args.selectedOption ? 'static_select' : 'button');
      const action: Record<string, unknown> = {
        action_id: args.actionId,
        block_id: args.blockId ?? 'block',
        type: actionType,
        action_ts: actionTs(),
      };
      if (args.value !== undefined) action.value = args.value;
      if (args.selectedOption) {
        const { value, text = value } = args.selectedOption;
        action.selected_option = { text: { type: 'plain_text', text, emoji: true }, value };
      }
      const body: Record<string, unknown> = {
        type: 'block_actions',
        user: user(args.userId),
        api_app_id: 'A1',
        token: 'verification-token',
        trigger_id: args.triggerId ?? nextId('trigger-'),
        team,
        enterprise: null,
        is_enterprise_install: false,
        actions: [action],
      };
      if (args.view) {
        const viewId = args.view.id ?? 'V1';
        body.container = { type: 'view', view_id: viewId };
        body.view = {
          id: viewId,
          team_id: teamId,
          type: args.view.type ?? 'modal',
          callback_id: args.view.callbackId ?? '',
          private_metadata: args.view.privateMetadata ?? '',
          state: { values: args.view.values ?? {} },
          hash: nextId('hash-'),
          blocks: [],
          app_id: 'A1',
          bot_id: botId,
        };
        body.state = { values: args.view.values ?? {} };
      } else {
        const channelId = args.channelId ?? 'C1';
        body.channel = { id: channelId, name: 'general' };
        body.container = {
          type: 'message',
          channel_id: channelId,
          is_ephemeral: args.messageTs === undefined,
          ...(args.messageTs !== undefined ? { message_ts: args.messageTs } : {}),
        };
        if (args.messageTs !== undefined) {
          body.message = {
            type: 'message',
            user: botUserId,
            bot_id: botId,
            text: '',
            ts: args.messageTs,
            blocks: [],
          };
        }
        body.state = { values: {} };
        body.response_url = args.responseUrl ?? `${responseUrlBase}${nextId('action-')}`;
      }
      return payload(body, send);
    },

    viewSubmission(args: ViewSubmissionArgs, send?: SendOptions) {
      const viewId = args.viewId ?? 'V1';
      return payload(
        {
          type: 'view_submission',
          team,
          user: user(args.userId),
          api_app_id: 'A1',
          token: 'verification-token',
          trigger_id: args.triggerId ?? nextId('trigger-'),
          view: {
            id: viewId,
            team_id: teamId,
            type: 'modal',
            callback_id: args.callbackId,
            private_metadata: args.privateMetadata ?? '',
            state: { values: args.values },
            hash: nextId('hash-'),
            title: { type: 'plain_text', text: 'Modal' },
            blocks: [],
            root_view_id: viewId,
            previous_view_id: null,
            app_id: 'A1',
            bot_id: botId,
          },
          response_urls: [],
          is_enterprise_install: false,
          enterprise: null,
        },
        send,
      );
    },

    /** Events API `event_callback`. Bolt acks these itself before the listener runs. */
    event(event: EventArgs, send?: SendOptions) {
      const eventTs = actionTs();
      const defaults =
        event.type === 'app_home_opened' && typeof event.user === 'string'
          ? { channel: `D${event.user}`, tab: 'home' }
          : {};
      const body = {
        token: 'verification-token',
        team_id: teamId,
        api_app_id: 'A1',
        event: { ...defaults, event_ts: eventTs, ...event },
        type: 'event_callback',
        event_id: nextId('Ev'),
        event_time: seconds(),
        authorizations: [
          {
            enterprise_id: null,
            team_id: teamId,
            user_id: botUserId,
            is_bot: true,
            is_enterprise_install: false,
          },
        ],
        is_ext_shared_channel: false,
      };
      return raw({ body: JSON.stringify(body), ...send });
    },
  };
}

export type SlackClient = ReturnType<typeof createSlackClient>;
