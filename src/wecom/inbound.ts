import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { z } from 'zod';

/**
 * What a WeCom self-built app receives, as XML: the outer POST body (`ToUserName`, `AgentID`,
 * `Encrypt`; document/path/90930, 90238) and, once opened, a message (消息格式, 90239) or an
 * event (事件格式, 90240). Every value is kept as the string it was sent as (`parseTagValue:
 * false`): MsgId is a 64-bit integer that a JS number would round, and ids such as AgentID are
 * compared as text. CDATA is merged into the element's text; values are trimmed.
 */
export type WeComInbound =
  | { kind: 'text'; msgId: string; from: string; content: string; createTime: number; agentId: string }
  /** Event=click: a `click` button of the app menu (90240 点击菜单拉取消息的事件推送). */
  | { kind: 'click'; from: string; eventKey: string; createTime: number; agentId: string }
  /** Event=template_card_event: a button of a button_interaction card (90240 模板卡片事件推送). */
  | {
      kind: 'card';
      from: string;
      eventKey: string;
      taskId: string;
      responseCode: string;
      createTime: number;
      agentId: string;
    }
  /** enter_agent, images, location, contact changes…: acknowledged and ignored. */
  | { kind: 'other'; from?: string; msgType: string; event?: string };

export type WeComEnvelope = { encrypt: string; toUserName: string; agentId: string | undefined };

const parser = new XMLParser({ parseTagValue: false, ignoreDeclaration: true, ignorePiTags: true });

/** The `<xml>` root as plain strings, or undefined when the text is not well-formed XML. */
function parseRoot(xml: string): unknown {
  if (XMLValidator.validate(xml) !== true) return undefined;
  const document: unknown = parser.parse(xml);
  return z.looseObject({ xml: z.looseObject({}) }).safeParse(document).data?.xml;
}

const envelopeSchema = z.looseObject({
  ToUserName: z.string(),
  AgentID: z.string().optional(),
  Encrypt: z.string().min(1),
});

export function parseEnvelope(xml: string): WeComEnvelope | undefined {
  const parsed = envelopeSchema.safeParse(parseRoot(xml));
  if (!parsed.success) return undefined;
  const { Encrypt, ToUserName, AgentID } = parsed.data;
  return { encrypt: Encrypt, toUserName: ToUserName, agentId: AgentID === '' ? undefined : AgentID };
}

const userId = z.string().min(1);
/** CreateTime is in seconds (整型). */
const createTime = z
  .string()
  .regex(/^\d{1,12}$/)
  .transform(Number);

const baseSchema = z.looseObject({
  MsgType: z.string().min(1),
  FromUserName: z.string().optional(),
  Event: z.string().optional(),
});

const textSchema = z.looseObject({
  FromUserName: userId,
  CreateTime: createTime,
  Content: z.string(),
  MsgId: z.string().regex(/^\d+$/),
  AgentID: z.string().min(1),
});

const clickSchema = z.looseObject({
  FromUserName: userId,
  CreateTime: createTime,
  EventKey: z.string(),
  AgentID: z.string().min(1),
});

const cardSchema = clickSchema.extend({
  TaskId: z.string().min(1),
  ResponseCode: z.string().min(1),
});

/** The decrypted message, or undefined when it is not XML or a known kind lacks its fields. */
export function parseWeComMessage(xml: string): WeComInbound | undefined {
  const root = parseRoot(xml);
  const base = baseSchema.safeParse(root);
  if (!base.success) return undefined;
  const { MsgType: msgType, Event: event } = base.data;
  if (msgType === 'text') {
    const text = textSchema.safeParse(root).data;
    return text === undefined
      ? undefined
      : {
          kind: 'text',
          msgId: text.MsgId,
          from: text.FromUserName,
          content: text.Content,
          createTime: text.CreateTime,
          agentId: text.AgentID,
        };
  }
  if (msgType === 'event' && event === 'click') {
    const click = clickSchema.safeParse(root).data;
    return click === undefined
      ? undefined
      : {
          kind: 'click',
          from: click.FromUserName,
          eventKey: click.EventKey,
          createTime: click.CreateTime,
          agentId: click.AgentID,
        };
  }
  if (msgType === 'event' && event === 'template_card_event') {
    const card = cardSchema.safeParse(root).data;
    return card === undefined
      ? undefined
      : {
          kind: 'card',
          from: card.FromUserName,
          eventKey: card.EventKey,
          taskId: card.TaskId,
          responseCode: card.ResponseCode,
          createTime: card.CreateTime,
          agentId: card.AgentID,
        };
  }
  const from = base.data.FromUserName;
  return {
    kind: 'other',
    msgType,
    ...(from === undefined || from === '' ? {} : { from }),
    ...(event === undefined ? {} : { event }),
  };
}

/**
 * The key a retried delivery repeats and a different one does not. WeCom retries a callback it
 * got no 200 for (90238), resending the same XML. A text has its MsgId. A card click must not be
 * keyed on TaskId alone: every recipient of the card shares it, so the clicker, the button and
 * the click's time are added (ResponseCode would do too). A menu click has no id at all:
 * FromUserName + CreateTime is what WeCom advises for events, with the key of the button.
 * EventKey goes last, as the only part that may contain ':'. Other kinds are not acted on.
 */
export function deliveryKey(message: WeComInbound): string | undefined {
  switch (message.kind) {
    case 'text':
      return `wecom:msg:${message.msgId}`;
    case 'card':
      return `wecom:card:${message.from}:${message.taskId}:${message.createTime}:${message.eventKey}`;
    case 'click':
      return `wecom:click:${message.from}:${message.createTime}:${message.eventKey}`;
    case 'other':
      return undefined;
  }
}
