import { randomBytes, timingSafeEqual } from 'node:crypto';
import { decrypt, encrypt, getSignature } from '@wecom/crypto';

/**
 * WeCom's callback crypto (回调配置, developer.work.weixin.qq.com/document/path/90930; the scheme in
 * detail is 加解密方案说明, 91144, and the robot variant 101033; messenger-contracts.md §7a, §9):
 * `msg_signature = hex(SHA1(sort([token, timestamp, nonce, msg_encrypt]).join('')))`, and
 * `msg_encrypt = Base64(AES-256-CBC(random(16) + msg_len(4, big-endian) + msg + receiveid))` with
 * the key `Base64Decode(EncodingAESKey + '=')` and PKCS#7 padded to 32 bytes. The official
 * `@wecom/crypto` does the SHA1 and the AES; it neither compares signatures nor checks that the
 * receiveid is our CorpID, so both are done here, in constant time.
 */
export type WeComSecrets = {
  token: string;
  /** The 43-character EncodingAESKey from the app's 接收消息 settings. */
  aesKey: string;
  /** The receiveid a self-built app's messages carry: the CorpID. */
  corpId: string;
};

export type Envelope = { signature: string; timestamp: string; nonce: string; encrypt: string };

export type OpenedEnvelope =
  | { ok: true; message: string }
  | { ok: false; reason: 'signature' | 'decrypt' | 'corp' };

export function verifySignature(
  token: string,
  timestamp: string,
  nonce: string,
  encrypt: string,
  signature: string,
): boolean {
  return equalInConstantTime(getSignature(token, timestamp, nonce, encrypt), signature);
}

/**
 * The signature first, so that nothing unsigned is ever decrypted; then the AES; then the
 * receiveid, because a message sealed for another corp with a shared key must not run here.
 */
export function openEnvelope(secrets: WeComSecrets, envelope: Envelope): OpenedEnvelope {
  const { signature, timestamp, nonce, encrypt: sealed } = envelope;
  if (!verifySignature(secrets.token, timestamp, nonce, sealed, signature)) {
    return { ok: false, reason: 'signature' };
  }
  let opened: { message: string; id: string };
  try {
    opened = decrypt(secrets.aesKey, sealed);
  } catch {
    // Not a multiple of the AES block, a length field past the end, a key of the wrong size.
    return { ok: false, reason: 'decrypt' };
  }
  if (!equalInConstantTime(opened.id, secrets.corpId)) return { ok: false, reason: 'corp' };
  return { ok: true, message: opened.message };
}

/**
 * What WeCom itself does to a message (and what a passive reply must do): encrypt with the CorpID
 * as receiveid and sign. `timestamp` is in seconds; the nonce is random unless given.
 */
export function sealEnvelope(
  secrets: WeComSecrets,
  message: string,
  options: { timestamp: string; nonce?: string },
): Envelope {
  const nonce = options.nonce ?? randomBytes(6).readUIntBE(0, 6).toString();
  const sealed = encrypt(secrets.aesKey, message, secrets.corpId);
  return {
    signature: getSignature(secrets.token, options.timestamp, nonce, sealed),
    timestamp: options.timestamp,
    nonce,
    encrypt: sealed,
  };
}

/** timingSafeEqual needs equal lengths; a length mismatch is an answer in itself. */
function equalInConstantTime(expected: string, given: string): boolean {
  const a = Buffer.from(expected, 'utf8');
  const b = Buffer.from(given, 'utf8');
  return a.length === b.length && timingSafeEqual(a, b);
}
