/**
 * Calls the app's `/wecom/events` the way WeCom does (developer.work.weixin.qq.com/document/path/
 * 90930 and 90238; messenger-contracts.md §7a):
 * - every request carries `msg_signature`, `timestamp` (seconds) and a random `nonce` in the query;
 *   the signature is SHA1 over the sorted [token, timestamp, nonce, ciphertext];
 * - the URL check is a GET with the ciphertext as `echostr`, URL-encoded (`+` → `%2B`);
 * - a callback is a POST of `<xml><ToUserName/><AgentID/><Encrypt/></xml>` (WeCom posts the
 *   CDATA form), the plaintext encrypted by the official `@wecom/crypto` with the CorpID as
 *   receiveid.
 * The plaintext builders follow 90239 (text) and 90240 (menu click, template card event).
 */
import { type Envelope, sealEnvelope } from '../../src/wecom/crypto.ts';

export type WeComClientOptions = {
  /** App origin, e.g. `http://127.0.0.1:PORT`. */
  baseUrl: string;
  token: string;
  aesKey: string;
  corpId: string;
  agentId?: string;
  /** Clock in milliseconds; timestamps are sent in seconds. */
  now?: () => number;
};

/** Per-request knobs for negative tests. */
export type SealOptions = {
  /** Sign with this token instead (a wrong token → 401). */
  token?: string;
  /** Seal with this receiveid instead (another corp → 401). */
  corpId?: string;
};

export type SendOptions = {
  /** Leave `+` unescaped in the query, as a careless proxy would: it must still mean `+`. */
  literalPlus?: boolean;
};

export function wecomRequests(client: WeComClientOptions) {
  const now = client.now ?? Date.now;
  const agentId = client.agentId ?? '1000002';
  const seconds = () => Math.floor(now() / 1000);

  function seal(plain: string, options: SealOptions = {}): Envelope {
    return sealEnvelope(
      {
        token: options.token ?? client.token,
        aesKey: client.aesKey,
        corpId: options.corpId ?? client.corpId,
      },
      plain,
      { timestamp: String(seconds()) },
    );
  }

  function url(params: Record<string, string>, options: SendOptions): string {
    const query = Object.entries(params)
      .map(([name, value]) => {
        const encoded = encodeURIComponent(value);
        return `${name}=${options.literalPlus === true ? encoded.replaceAll('%2B', '+') : encoded}`;
      })
      .join('&');
    return `${client.baseUrl}/wecom/events?${query}`;
  }

  function signed(envelope: Envelope): Record<string, string> {
    return { msg_signature: envelope.signature, timestamp: envelope.timestamp, nonce: envelope.nonce };
  }

  /** The GET WeCom makes when the callback URL is saved, for an already sealed echostr. */
  function verifySealed(envelope: Envelope, options: SendOptions = {}): Promise<Response> {
    return fetch(url({ ...signed(envelope), echostr: envelope.encrypt }, options));
  }

  /** A POST of an explicit body under the envelope's signature (for malformed bodies). */
  function postBody(envelope: Envelope, body: string): Promise<Response> {
    return fetch(url(signed(envelope), {}), {
      method: 'POST',
      headers: { 'content-type': 'text/xml' },
      body,
    });
  }

  return {
    seal,
    verifySealed,
    postBody,
    verifyUrl(echoPlain: string, options: SealOptions & SendOptions = {}): Promise<Response> {
      return verifySealed(seal(echoPlain, options), options);
    },
    post(xmlPlain: string, options: SealOptions = {}): Promise<Response> {
      const envelope = seal(xmlPlain, options);
      return postBody(envelope, envelopeXml(client.corpId, agentId, envelope.encrypt));
    },
    textXml(args: { from: string; content: string; msgId: string; createTime?: number }): string {
      return message(client.corpId, agentId, args.from, args.createTime ?? seconds(), [
        ['MsgType', cdata('text')],
        ['Content', cdata(args.content)],
        ['MsgId', args.msgId],
      ]);
    },
    clickXml(args: { from: string; eventKey: string; createTime?: number }): string {
      return message(client.corpId, agentId, args.from, args.createTime ?? seconds(), [
        ['MsgType', cdata('event')],
        ['Event', cdata('click')],
        ['EventKey', cdata(args.eventKey)],
      ]);
    },
    cardXml(args: {
      from: string;
      eventKey: string;
      taskId: string;
      responseCode: string;
      createTime?: number;
    }): string {
      return message(client.corpId, agentId, args.from, args.createTime ?? seconds(), [
        ['MsgType', cdata('event')],
        ['Event', cdata('template_card_event')],
        ['EventKey', cdata(args.eventKey)],
        ['TaskId', cdata(args.taskId)],
        ['CardType', cdata('button_interaction')],
        ['ResponseCode', cdata(args.responseCode)],
      ]);
    },
  };
}

export function envelopeXml(corpId: string, agentId: string, encrypt: string): string {
  return (
    `<xml><ToUserName>${cdata(corpId)}</ToUserName><AgentID>${cdata(agentId)}</AgentID>` +
    `<Encrypt>${cdata(encrypt)}</Encrypt></xml>`
  );
}

function message(
  corpId: string,
  agentId: string,
  from: string,
  createTime: number,
  fields: Array<[string, string]>,
): string {
  const body = fields.map(([name, value]) => `<${name}>${value}</${name}>`).join('');
  return (
    `<xml><ToUserName>${cdata(corpId)}</ToUserName><FromUserName>${cdata(from)}</FromUserName>` +
    `<CreateTime>${createTime}</CreateTime>${body}<AgentID>${agentId}</AgentID></xml>`
  );
}

/** A CDATA section cannot hold `]]>`; split it across two sections, as XML writers do. */
function cdata(text: string): string {
  return `<![CDATA[${text.replaceAll(']]>', ']]]]><![CDATA[>')}]]>`;
}
