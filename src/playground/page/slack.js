// What the page sends to the bot, shaped and signed exactly as Slack sends it to /slack/events:
// - slash commands: form fields, Content-Type exactly application/x-www-form-urlencoded;
// - block_actions, view_submission, view_closed: a form with one `payload` field of JSON;
// - Events API callbacks (app_home_opened): a JSON body;
// - every request signed: X-Slack-Signature = "v0=" + hex HMAC-SHA256(secret, "v0:<ts>:<body>"),
//   X-Slack-Request-Timestamp = <ts> in seconds; Bolt refuses anything else or older than 5 minutes.

const encoder = new TextEncoder();

function hex(buffer) {
  return [...new Uint8Array(buffer)].map((byte) => byte.toString(16).padStart(2, '0')).join('');
}

function randomId() {
  return [...crypto.getRandomValues(new Uint8Array(8))].map((b) => b.toString(16).padStart(2, '0')).join('');
}

/** A Slack-shaped trigger id; the page remembers its own to know which modal is meant for it. */
export function newTriggerId() {
  return `${Date.now()}.${Math.floor(Math.random() * 1e9)}.${randomId()}`;
}

export function responseUrl(channel, user, messageTs) {
  return `${location.origin}/playground/response/${channel}/${user}${messageTs ? `/${messageTs}` : ''}`;
}

export function createSlackSender(session) {
  if (!globalThis.crypto?.subtle) throw new Error('insecure-context');
  const keyPromise = crypto.subtle.importKey(
    'raw',
    encoder.encode(session.signingSecret),
    { name: 'HMAC', hash: 'SHA-256' },
    false,
    ['sign'],
  );
  const team = { id: session.team.id, domain: session.team.domain };
  const userOf = (person) => ({
    id: person.id,
    username: person.name,
    name: person.name,
    team_id: session.team.id,
  });

  async function post(body, contentType) {
    const timestamp = Math.floor(Date.now() / 1000);
    const signature = await crypto.subtle.sign(
      'HMAC',
      await keyPromise,
      encoder.encode(`v0:${timestamp}:${body}`),
    );
    const response = await fetch('/slack/events', {
      method: 'POST',
      headers: {
        'Content-Type': contentType,
        'X-Slack-Request-Timestamp': String(timestamp),
        'X-Slack-Signature': `v0=${hex(signature)}`,
      },
      body,
    });
    const text = await response.text();
    const json =
      (response.headers.get('content-type') ?? '').includes('application/json') && text !== ''
        ? JSON.parse(text)
        : undefined;
    return { status: response.status, text, json };
  }

  const form = (fields) => post(new URLSearchParams(fields).toString(), 'application/x-www-form-urlencoded');
  const payload = (value) => form({ payload: JSON.stringify(value) });

  return {
    /** `/log 120 calls` typed by `person` in `channel`. */
    command({ person, channel, command, text, triggerId }) {
      return form({
        token: 'playground',
        team_id: team.id,
        team_domain: team.domain,
        channel_id: channel.id,
        channel_name: channel.id.startsWith('D') ? 'directmessage' : channel.name,
        user_id: person.id,
        user_name: person.name,
        command,
        text,
        api_app_id: session.appId,
        is_enterprise_install: 'false',
        response_url: responseUrl(channel.id, person.id),
        trigger_id: triggerId,
      });
    },

    /** A click or a choice in a message: the response_url points at that message. */
    messageAction({ person, channel, message, action, triggerId }) {
      const ephemeral = message.ephemeralTo !== undefined;
      return payload({
        type: 'block_actions',
        user: userOf(person),
        api_app_id: session.appId,
        token: 'playground',
        container: {
          type: 'message',
          message_ts: message.ts,
          channel_id: channel.id,
          is_ephemeral: ephemeral,
        },
        trigger_id: triggerId,
        team,
        enterprise: null,
        is_enterprise_install: false,
        channel: { id: channel.id, name: channel.name },
        // Slack sends the message itself only when it is a real (not ephemeral) one.
        ...(ephemeral
          ? {}
          : {
              message: {
                type: 'message',
                user: session.bot.userId,
                bot_id: session.bot.botId,
                text: message.text,
                ts: message.ts,
                ...(message.blocks ? { blocks: message.blocks } : {}),
              },
            }),
        state: { values: {} },
        response_url: responseUrl(channel.id, person.id, message.ts),
        actions: [action],
      });
    },

    /** A click in a modal or the Home tab: the container is the view; no response_url. */
    viewAction({ person, view, viewId, values, action, triggerId }) {
      return payload({
        type: 'block_actions',
        user: userOf(person),
        api_app_id: session.appId,
        token: 'playground',
        container: { type: 'view', view_id: viewId },
        trigger_id: triggerId,
        team,
        enterprise: null,
        is_enterprise_install: false,
        view: slackView(view, viewId, values, session),
        state: { values },
        actions: [action],
      });
    },

    viewSubmission({ person, view, viewId, values, triggerId }) {
      return payload({
        type: 'view_submission',
        team,
        user: userOf(person),
        api_app_id: session.appId,
        token: 'playground',
        trigger_id: triggerId,
        view: slackView(view, viewId, values, session),
        response_urls: [],
        is_enterprise_install: false,
        enterprise: null,
      });
    },

    viewClosed({ person, view, viewId }) {
      return payload({
        type: 'view_closed',
        team,
        user: userOf(person),
        api_app_id: session.appId,
        token: 'playground',
        view: slackView(view, viewId, {}, session),
        is_cleared: false,
        is_enterprise_install: false,
        enterprise: null,
      });
    },

    appHomeOpened({ person }) {
      const now = Date.now() / 1000;
      return post(
        JSON.stringify({
          token: 'playground',
          team_id: team.id,
          api_app_id: session.appId,
          event: {
            type: 'app_home_opened',
            user: person.id,
            channel: `D${person.id}`,
            tab: 'home',
            event_ts: now.toFixed(6),
          },
          type: 'event_callback',
          event_id: `Ev${randomId()}`,
          event_time: Math.floor(now),
          authorizations: [
            {
              enterprise_id: null,
              team_id: team.id,
              user_id: session.bot.userId,
              is_bot: true,
              is_enterprise_install: false,
            },
          ],
          is_ext_shared_channel: false,
        }),
        'application/json',
      );
    },
  };
}

function slackView(view, viewId, values, session) {
  return {
    ...view,
    id: viewId,
    team_id: session.team.id,
    state: { values },
    hash: `${Date.now()}.${randomId()}`,
    private_metadata: view.private_metadata ?? '',
    callback_id: view.callback_id ?? '',
    root_view_id: viewId,
    previous_view_id: null,
    app_id: session.appId,
    bot_id: session.bot.botId,
  };
}
