import { z } from 'zod';
import { sealEnvelope, type WeComSecrets } from '../../wecom/crypto.ts';
import type { Conversations } from '../conversations.ts';
import type { PageAnswer } from '../page-api.ts';
import type { Workspace } from '../workspace.ts';
import { appChatOf, WECOM_PLAYGROUND, WECOM_USER_ID } from './corp.ts';

/**
 * What a member does in the 企业微信 page, turned into the callback WeCom's servers would POST
 * to the app (接收消息与事件, document/path/90238-90240): a text typed in the app chat (shown
 * there at once, as WeCom shows it), a click on the app menu (Event=click with the button's
 * key), or a click on a template card's button (Event=template_card_event with the button's
 * key, the card's TaskId and the ResponseCode WeCom gave it). The plaintext XML is encrypted and
 * signed here, as WeCom does, with the token and EncodingAESKey made at start; the page posts
 * the envelope to /wecom/events, which the playground passes on to the app's own receiver.
 */
const typedBody = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('text'),
    userId: z.string().regex(WECOM_USER_ID),
    text: z.string().trim().min(1).max(2048),
  }),
  z.object({
    kind: z.literal('menu'),
    userId: z.string().regex(WECOM_USER_ID),
    key: z.string().min(1).max(128),
  }),
  z.object({
    kind: z.literal('card'),
    userId: z.string().regex(WECOM_USER_ID),
    ts: z.string().min(1).max(40),
    key: z.string().min(1).max(1024),
  }),
]);

/** What the page posts to /wecom/events: the query (msg_signature, timestamp, nonce) and the XML body. */
export type SealedCallback = { query: string; body: string };

export function createWeComCallbacks(deps: {
  conversations: Conversations;
  workspace: Workspace;
  secrets: WeComSecrets;
  now?: () => number;
}) {
  const now = deps.now ?? Date.now;
  // MsgId is a 64-bit integer; the playground's count up from a start of its own.
  let msgId = BigInt(now()) * 1000n;

  function seal(fields: Array<[string, string]>, from: string): SealedCallback {
    const createTime = Math.floor(now() / 1000);
    const plain =
      `<xml><ToUserName>${cdata(WECOM_PLAYGROUND.corpId)}</ToUserName><FromUserName>${cdata(from)}</FromUserName>` +
      `<CreateTime>${createTime}</CreateTime>${fields.map(([name, value]) => `<${name}>${value}</${name}>`).join('')}` +
      `<AgentID>${WECOM_PLAYGROUND.agentId}</AgentID></xml>`;
    const envelope = sealEnvelope(deps.secrets, plain, { timestamp: String(createTime) });
    const query = new URLSearchParams({
      msg_signature: envelope.signature,
      timestamp: envelope.timestamp,
      nonce: envelope.nonce,
    });
    return {
      query: query.toString(),
      body:
        `<xml><ToUserName>${cdata(WECOM_PLAYGROUND.corpId)}</ToUserName>` +
        `<AgentID>${cdata(String(WECOM_PLAYGROUND.agentId))}</AgentID><Encrypt>${cdata(envelope.encrypt)}</Encrypt></xml>`,
    };
  }

  return {
    async send(body: unknown): Promise<PageAnswer> {
      const parsed = typedBody.safeParse(body);
      if (!parsed.success) return { status: 400, body: { error: 'invalid_request' } };
      const action = parsed.data;
      if ((await deps.workspace.nameOf(action.userId)) === undefined)
        return { status: 404, body: { error: 'no_such_user' } };
      const chat = appChatOf(action.userId);

      if (action.kind === 'text') {
        deps.conversations.post({
          conversation: chat,
          user: action.userId,
          text: action.text,
          blocks: undefined,
          threadTs: undefined,
          ephemeralTo: undefined,
          wecom: { msgtype: 'text' },
        });
        msgId += 1n;
        const callback = seal(
          [
            ['MsgType', cdata('text')],
            ['Content', cdata(action.text)],
            ['MsgId', String(msgId)],
          ],
          action.userId,
        );
        return { status: 200, body: { callback } };
      }
      if (action.kind === 'menu') {
        const callback = seal(
          [
            ['MsgType', cdata('event')],
            ['Event', cdata('click')],
            ['EventKey', cdata(action.key)],
          ],
          action.userId,
        );
        return { status: 200, body: { callback } };
      }
      // A card's button: only one of this member's cards, still undecided, and one of its buttons.
      const shown = deps.conversations.message(chat, action.ts)?.wecom;
      const card = shown?.card;
      const buttons = Array.isArray(card?.button_list) ? card.button_list : [];
      const known = buttons.some(
        (b: unknown) => typeof b === 'object' && b !== null && 'key' in b && b.key === action.key,
      );
      if (card === undefined || shown?.responseCode === undefined || !known)
        return { status: 404, body: { error: 'no_such_button' } };
      if (shown.replaceName !== undefined) return { status: 409, body: { error: 'card_already_done' } };
      const callback = seal(
        [
          ['MsgType', cdata('event')],
          ['Event', cdata('template_card_event')],
          ['EventKey', cdata(action.key)],
          ['TaskId', cdata(String(card.task_id))],
          ['CardType', cdata(String(card.card_type))],
          ['ResponseCode', cdata(shown.responseCode)],
        ],
        action.userId,
      );
      return { status: 200, body: { callback } };
    },
  };
}

export type WeComCallbacks = ReturnType<typeof createWeComCallbacks>;

/** A CDATA section cannot hold `]]>`; split it across two sections, as XML writers do. */
function cdata(text: string): string {
  return `<![CDATA[${text.replaceAll(']]>', ']]]]><![CDATA[>')}]]>`;
}
