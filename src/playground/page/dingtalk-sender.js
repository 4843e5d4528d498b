// What DingTalk's servers POST to the robot in HTTP mode, signed as DingTalk signs it: headers
// `timestamp` (ms) and `sign` = Base64(HMAC-SHA256(appSecret, timestamp + "\n" + appSecret)).
// The robot's receiver refuses anything else, or a timestamp more than an hour off.

const encoder = new TextEncoder();

export function createDingTalkSender(session) {
  if (!globalThis.crypto?.subtle) throw new Error('insecure-context');
  const keyPromise = crypto.subtle.importKey(
    'raw',
    encoder.encode(session.clientSecret),
    { name: 'HMAC', hash: 'SHA-256' },
    false,
    ['sign'],
  );

  return {
    /** One robot message callback (the body the playground's stand-in built for what was typed). */
    async deliver(callback) {
      const timestamp = String(Date.now());
      const mac = await crypto.subtle.sign(
        'HMAC',
        await keyPromise,
        encoder.encode(`${timestamp}\n${session.clientSecret}`),
      );
      const sign = btoa(String.fromCharCode(...new Uint8Array(mac)));
      const response = await fetch('/dingtalk/events', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json; charset=utf-8', timestamp, sign },
        body: JSON.stringify(callback),
      });
      return { status: response.status, text: await response.text() };
    },
  };
}
