import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { getSignature } from '@wecom/crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLogger, serializeError } from '../../src/logger.ts';
import { openEnvelope, sealEnvelope, verifySignature } from '../../src/wecom/crypto.ts';
import { createWeComHttpReceiver, decodeQuery } from '../../src/wecom/http-receiver.ts';
import { deliveryKey, parseEnvelope, parseWeComMessage, type WeComInbound } from '../../src/wecom/inbound.ts';
import { wecomRequests } from '../helpers/wecom-requests.ts';

/** WeCom's published sample (加解密方案说明, document/path/90930 / 91144; messenger-contracts.md §7a). */
const SAMPLE = {
  token: 'QDG6eK',
  aesKey: 'jWmYm7qr5nMoAUwZRjGtBxmz3KA1tkAj3ykkR6q2B2C',
  corpId: 'wx5823bf96d3bd56c7',
  timestamp: '1409659589',
  nonce: '263014780',
  echostr: 'P9nAzCzyDtyTWESHep1vC5X9xho/qYX3Zpb4yKa9SKld1DsH3Iyt3tP3zNdtp+4RPcs8TgAE7OaBO+FZXvnaqQ==',
  signature: '5c45ff5e21c57e6ad56bac8758b79b1d9ac89fd3',
  plaintext: '1616140317555161061',
};
const secrets = { token: SAMPLE.token, aesKey: SAMPLE.aesKey, corpId: SAMPLE.corpId };

describe('WeCom crypto', () => {
  it('passes the published sample vector: signature and decryption', () => {
    const { token, timestamp, nonce, echostr, signature } = SAMPLE;
    expect(getSignature(token, timestamp, nonce, echostr)).toBe(signature);
    expect(verifySignature(token, timestamp, nonce, echostr, signature)).toBe(true);
    expect(verifySignature(token, timestamp, nonce, echostr, `${signature.slice(0, -1)}4`)).toBe(false);
    expect(verifySignature(token, timestamp, nonce, echostr, signature.slice(1))).toBe(false);
    expect(openEnvelope(secrets, { signature, timestamp, nonce, encrypt: echostr })).toEqual({
      ok: true,
      message: SAMPLE.plaintext,
    });
  });

  it('refuses a bad signature, a ciphertext that does not decrypt, and another corp', () => {
    const sealed = sealEnvelope(secrets, '<xml/>', { timestamp: '1700000000' });
    expect(openEnvelope({ ...secrets, token: 'other' }, sealed)).toEqual({ ok: false, reason: 'signature' });
    const junk = { timestamp: '1700000000', nonce: '42', encrypt: 'AAAA' };
    const signedJunk = {
      ...junk,
      signature: getSignature(SAMPLE.token, junk.timestamp, junk.nonce, junk.encrypt),
    };
    expect(openEnvelope(secrets, signedJunk)).toEqual({ ok: false, reason: 'decrypt' });
    const foreign = sealEnvelope({ ...secrets, corpId: 'wwothercorp0001' }, '<xml/>', {
      timestamp: '1700000000',
    });
    expect(openEnvelope(secrets, foreign)).toEqual({ ok: false, reason: 'corp' });
  });

  it('round-trips what it seals', () => {
    const sealed = sealEnvelope(secrets, '<xml>日报 ]]> ok</xml>', { timestamp: '1700000000', nonce: '7' });
    expect(openEnvelope(secrets, sealed)).toEqual({ ok: true, message: '<xml>日报 ]]> ok</xml>' });
  });
});

describe('WeCom query decoding', () => {
  it('keeps a literal + (a form decoder would make it a space) and decodes %2B', () => {
    expect(new URLSearchParams('echostr=a+b').get('echostr')).toBe('a b');
    expect(decodeQuery('echostr=a+b%2Bc%2F%3D&nonce=1')?.get('echostr')).toBe('a+b+c/=');
    expect(decodeQuery('echostr=%E0%A4%A')).toBeUndefined();
  });
});

describe('WeCom inbound XML', () => {
  const wecom = wecomRequests({ baseUrl: 'http://unused', ...secrets });

  it('parses the outer envelope, and refuses one without Encrypt', () => {
    const xml =
      '<xml><ToUserName><![CDATA[wx5823bf96d3bd56c7]]></ToUserName><AgentID><![CDATA[218]]></AgentID>' +
      '<Encrypt><![CDATA[RypEvHKD8QQKFhvQ6QleEB4J58tiPdvo+rtK1I9qca6aM/wvq==]]></Encrypt></xml>';
    expect(parseEnvelope(xml)).toEqual({
      encrypt: 'RypEvHKD8QQKFhvQ6QleEB4J58tiPdvo+rtK1I9qca6aM/wvq==',
      toUserName: 'wx5823bf96d3bd56c7',
      agentId: '218',
    });
    expect(parseEnvelope('<xml><ToUserName>x</ToUserName></xml>')).toBeUndefined();
    expect(parseEnvelope('<xml><Encrypt>')).toBeUndefined();
    expect(parseEnvelope('not xml')).toBeUndefined();
  });

  it('parses a text message as WeCom formats it, keeping the 64-bit MsgId as a string', () => {
    // Shape from document/path/90239 (messenger-contracts.md §7a), with its line breaks.
    const xml = `<xml><ToUserName><![CDATA[CORPID]]></ToUserName><FromUserName><![CDATA[alice]]></FromUserName>
<CreateTime>1700000000</CreateTime><MsgType><![CDATA[text]]></MsgType><Content><![CDATA[/log 120 calls <8> & more]]></Content>
<MsgId>7302214432839571234</MsgId><AgentID>1000002</AgentID></xml>`;
    expect(parseWeComMessage(xml)).toEqual({
      kind: 'text',
      msgId: '7302214432839571234',
      from: 'alice',
      content: '/log 120 calls <8> & more',
      createTime: 1_700_000_000,
      agentId: '1000002',
    });
  });

  it('parses a menu click and a card click', () => {
    expect(
      parseWeComMessage(wecom.clickXml({ from: 'bob', eventKey: 'menu:stats', createTime: 1700000050 })),
    ).toEqual({
      kind: 'click',
      from: 'bob',
      eventKey: 'menu:stats',
      createTime: 1700000050,
      agentId: '1000002',
    });
    const card = wecom.cardXml({
      from: 'mgr1',
      eventKey: 'approve:42',
      taskId: 'approve-42-1700000000',
      responseCode: 'RC1',
      createTime: 1700000100,
    });
    expect(parseWeComMessage(card)).toEqual({
      kind: 'card',
      from: 'mgr1',
      eventKey: 'approve:42',
      taskId: 'approve-42-1700000000',
      responseCode: 'RC1',
      createTime: 1700000100,
      agentId: '1000002',
    });
  });

  it.each([
    [
      'enter_agent',
      '<xml><ToUserName><![CDATA[c]]></ToUserName><FromUserName><![CDATA[FromUser]]></FromUserName><CreateTime>1408091189</CreateTime><MsgType><![CDATA[event]]></MsgType><Event><![CDATA[enter_agent]]></Event><EventKey><![CDATA[]]></EventKey><AgentID>1</AgentID></xml>',
      { kind: 'other', from: 'FromUser', msgType: 'event', event: 'enter_agent' },
    ],
    [
      'an image',
      '<xml><ToUserName><![CDATA[c]]></ToUserName><FromUserName><![CDATA[alice]]></FromUserName><CreateTime>1348831860</CreateTime><MsgType><![CDATA[image]]></MsgType><PicUrl><![CDATA[u]]></PicUrl><MediaId><![CDATA[m]]></MediaId><MsgId>1234567890123456</MsgId><AgentID>1</AgentID></xml>',
      { kind: 'other', from: 'alice', msgType: 'image' },
    ],
  ])('passes %s on as other', (_name, xml, expected) => {
    expect(parseWeComMessage(xml)).toEqual(expected);
  });

  it.each([
    ['not XML', 'hello'],
    ['no MsgType', '<xml><FromUserName>a</FromUserName></xml>'],
    [
      'a text without MsgId',
      '<xml><FromUserName>a</FromUserName><CreateTime>1</CreateTime><MsgType>text</MsgType><Content>x</Content><AgentID>1</AgentID></xml>',
    ],
    [
      'a card without TaskId',
      '<xml><FromUserName>a</FromUserName><CreateTime>1</CreateTime><MsgType>event</MsgType><Event>template_card_event</Event><EventKey>k</EventKey><ResponseCode>r</ResponseCode><AgentID>1</AgentID></xml>',
    ],
  ])('refuses %s', (_name, xml) => {
    expect(parseWeComMessage(xml)).toBeUndefined();
  });

  it('keys deliveries so that a retry repeats its key and two recipients of one card do not share one', () => {
    const click = (from: string, responseCode: string) =>
      parseWeComMessage(
        wecom.cardXml({
          from,
          eventKey: 'approve:42',
          taskId: 'approve-42',
          responseCode,
          createTime: 1700000100,
        }),
      );
    const [mgr1, mgr2, retried] = [click('mgr1', 'RC1'), click('mgr2', 'RC2'), click('mgr1', 'RC1')];
    if (mgr1 === undefined || mgr2 === undefined || retried === undefined) throw new Error('card not parsed');
    expect(deliveryKey(mgr1)).not.toBe(deliveryKey(mgr2));
    expect(deliveryKey(mgr1)).toBe(deliveryKey(retried));
    const text = parseWeComMessage(wecom.textXml({ from: 'alice', content: 'hi', msgId: '99' }));
    expect(text === undefined ? undefined : deliveryKey(text)).toBe('wecom:msg:99');
    const menu = (createTime: number) =>
      parseWeComMessage(wecom.clickXml({ from: 'bob', eventKey: 'menu:stats', createTime }));
    const [first, second] = [menu(1700000050), menu(1700000051)];
    if (first === undefined || second === undefined) throw new Error('click not parsed');
    expect(deliveryKey(first)).not.toBe(deliveryKey(second));
    expect(deliveryKey({ kind: 'other', msgType: 'image' })).toBeUndefined();
  });
});

describe('WeCom callback over HTTP', () => {
  let server: Server;
  let wecom: ReturnType<typeof wecomRequests>;
  let baseUrl: string;
  const logLines: string[] = [];
  const received = inbox();

  beforeAll(async () => {
    const logger = createLogger({ level: 'debug', sink: (line) => logLines.push(line) });
    const handle = createWeComHttpReceiver({ ...secrets, logger, onMessage: received.push });
    server = createServer((req, res) => {
      handle(req, res).catch((error: unknown) => {
        logger.event('error', 'wecom.http.failed', serializeError(error));
        if (!res.headersSent) res.writeHead(500).end();
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    wecom = wecomRequests({ baseUrl, ...secrets });
  });

  afterAll(async () => {
    await new Promise<void>((resolve, reject) =>
      server.close((error) => (error ? reject(error) : resolve())),
    );
  });

  it('answers the URL check with exactly the plaintext, for the published sample', async () => {
    const { signature, timestamp, nonce, echostr } = SAMPLE;
    const res = await wecom.verifySealed({ signature, timestamp, nonce, encrypt: echostr });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/plain/);
    const bytes = new Uint8Array(await res.arrayBuffer());
    expect(Buffer.from(bytes).toString('utf8')).toBe(SAMPLE.plaintext);
    expect(bytes.length).toBe(SAMPLE.plaintext.length);
  });

  it('keeps a + in echostr, sent as %2B or literally', async () => {
    const plain = 'echo-1700000000';
    let envelope = wecom.seal(plain);
    while (!envelope.encrypt.includes('+')) envelope = wecom.seal(plain);
    for (const literalPlus of [false, true]) {
      const res = await wecom.verifySealed(envelope, { literalPlus });
      expect(res.status).toBe(200);
      expect(await res.text()).toBe(plain);
    }
  });

  it('refuses a URL check with a bad signature and returns nothing decrypted', async () => {
    const res = await wecom.verifyUrl('secret-echo', { token: 'not-the-token' });
    expect(res.status).toBe(401);
    expect(await res.text()).not.toContain('secret-echo');
  });

  it('acks a message with an empty 200, then hands on the parsed text', async () => {
    const res = await wecom.post(
      wecom.textXml({ from: 'alice', content: '/log 120 calls 8 intents', msgId: '1001' }),
    );
    expect(res.status).toBe(200);
    expect(await res.text()).toBe('');
    expect(await received.next()).toMatchObject({
      kind: 'text',
      msgId: '1001',
      from: 'alice',
      content: '/log 120 calls 8 intents',
      agentId: '1000002',
    });
  });

  it('hands on card and menu clicks', async () => {
    await wecom.post(
      wecom.cardXml({ from: 'mgr1', eventKey: 'approve:42', taskId: 'approve-42-1', responseCode: 'RC9' }),
    );
    expect(await received.next()).toMatchObject({ kind: 'card', from: 'mgr1', taskId: 'approve-42-1' });
    await wecom.post(wecom.clickXml({ from: 'bob', eventKey: 'menu:stats' }));
    expect(await received.next()).toMatchObject({ kind: 'click', from: 'bob', eventKey: 'menu:stats' });
  });

  it('refuses a bad signature and another corp with 401, and runs nothing', async () => {
    const badToken = await wecom.post(wecom.textXml({ from: 'eve', content: 'x', msgId: '2001' }), {
      token: 'forged',
    });
    expect(badToken.status).toBe(401);
    const otherCorp = await wecom.post(wecom.textXml({ from: 'eve', content: 'x', msgId: '2002' }), {
      corpId: 'wwothercorp0001',
    });
    expect(otherCorp.status).toBe(401);
    expect(received.pending).toBe(0);
    // The next message handed on is the next good one: nothing from the refused two slipped in.
    await wecom.post(wecom.textXml({ from: 'alice', content: 'ok', msgId: '2003' }));
    expect(await received.next()).toMatchObject({ msgId: '2003' });
  });

  it('answers 400 to a body that is not the envelope XML, 404 elsewhere', async () => {
    const envelope = wecom.seal('<xml/>');
    expect((await wecom.postBody(envelope, '<xml><Encrypt>')).status).toBe(400);
    expect((await wecom.postBody(envelope, '{"encrypt":"x"}')).status).toBe(400);
    expect((await fetch(`${baseUrl}/wecom/other`)).status).toBe(404);
    expect((await fetch(`${baseUrl}/wecom/events`, { method: 'POST', body: '<xml/>' })).status).toBe(400);
    expect(received.pending).toBe(0);
  });

  it('answers 413 to a body over 1 MB', async () => {
    const res = await wecom.postBody(wecom.seal('<xml/>'), `<xml>${'a'.repeat(1024 * 1024)}</xml>`);
    expect(res.status).toBe(413);
  });

  it('never logs the token, the key or message text', () => {
    const log = logLines.join('\n');
    expect(log).toContain('wecom.http.refused');
    for (const secret of [SAMPLE.token, SAMPLE.aesKey, '/log 120 calls', 'secret-echo']) {
      expect(log).not.toContain(secret);
    }
  });
});

/** Messages the receiver hands on, in order; `next()` waits for the next one (no sleeps). */
function inbox() {
  const queued: WeComInbound[] = [];
  const waiting: Array<(message: WeComInbound) => void> = [];
  return {
    push(message: WeComInbound): void {
      const waiter = waiting.shift();
      if (waiter === undefined) queued.push(message);
      else waiter(message);
    },
    next(): Promise<WeComInbound> {
      const first = queued.shift();
      return first === undefined ? new Promise((resolve) => waiting.push(resolve)) : Promise.resolve(first);
    },
    get pending(): number {
      return queued.length;
    },
  };
}
