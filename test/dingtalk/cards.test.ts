import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DingTalkApiError } from '../../src/dingtalk/api.ts';
import { ACTIONS } from '../../src/views/actions.ts';
import { type DingTalkTestBot, DT_ADMIN, startDingTalkBot, textOf } from '../helpers/dingtalk-bot.ts';
import type { FakeCard, SentMessage } from '../helpers/fake-dingtalk.ts';
import { seedTeam } from '../helpers/seed.ts';

const TEMPLATE = 'c0ffee00-1234-4abc-9def-0123456789ab.schema';
const GROUP = { id: 'cidGroupOne==', title: '销售一组' };
const ADMIN = { userId: DT_ADMIN, nick: '管理员' };
const AGENT = { userId: '032615015535634423', nick: '赵文浩' };
const LEADER = { userId: 'lead01', nick: '李组长' };
const MGR1 = { userId: 'mgr01', nick: '孙经理' };
const MGR2 = { userId: 'mgr02', nick: '钱经理' };
const HIRE = { userId: 'new01', nick: '新人甲' };

type CardButton = { text: string; action: string; value: string };

const toUsers = (s: SentMessage, userId: string) => 'userIds' in s.to && s.to.userIds.includes(userId);
const buttonsOf = (card: FakeCard): CardButton[] => JSON.parse(card.params.buttons ?? '[]');
const cardsTo = (bot: DingTalkTestBot, userId: string) =>
  bot.fake.cards().filter((card) => 'userId' in card.to && card.to.userId === userId);

/**
 * DingTalk interactive cards (DINGTALK_CARD_TEMPLATE_ID set, Stream mode): buttons go as cards
 * through createAndDeliver, a click comes back as a Stream card callback frame, the decision is
 * taken once, every request card ends showing the outcome with no buttons, and a second click is
 * told who decided. All through the real app, the fake gateway and the fake OpenAPI.
 */
describe('DingTalk interactive cards over Stream', () => {
  let bot: DingTalkTestBot;
  let sequence = 0;

  /** A click as DingTalk pushes it on /v1.0/card/instances/callback; resolves once acked and worked off. */
  async function click(card: FakeCard, userId: string, button: CardButton) {
    const gateway = bot.gateway;
    if (gateway === undefined) throw new Error('no gateway');
    sequence += 1;
    const messageId = gateway.pushCardCallback({
      outTrackId: card.outTrackId,
      corpId: 'dingcorp',
      userId,
      type: 'actionCallback',
      content: JSON.stringify({
        cardPrivateData: { actionIds: ['zhanbao'], params: { action: button.action, value: button.value } },
      }),
    });
    const ack = await gateway.waitForAck(messageId);
    await bot.settled();
    return { messageId, ack, sequence };
  }

  beforeAll(async () => {
    bot = await startDingTalkBot({ mode: 'stream', now: '2026-12-03T02:00:00Z', cardTemplateId: TEMPLATE });
    const seeded = await seedTeam(bot.prisma, {
      groups: [{ name: '一组' }],
      members: [
        { id: AGENT.userId, name: '赵文浩', group: '一组' },
        { id: LEADER.userId, name: '李组长', group: '一组', role: 'leader' },
        { id: MGR1.userId, name: '孙经理', role: 'manager' },
        { id: MGR2.userId, name: '钱经理', role: 'manager' },
      ],
    });
    await bot.prisma.group.update({
      where: { id: seeded.groupIds.get('一组') ?? 0 },
      data: { leaderId: seeded.memberIds.get(LEADER.userId) ?? null },
    });
    for (const person of [ADMIN, AGENT, LEADER, MGR1, MGR2, HIRE])
      bot.fake.addUser(person.userId, person.nick);
    bot.fake.addGroup(GROUP.id);
  });
  afterAll(async () => {
    await bot?.close();
  });

  it('sends the probation sign-off to both managers as cards; one approval decides, both cards show it', async () => {
    await bot.send('/team add  一组 见习MO1', ADMIN, { group: GROUP, at: [HIRE] });
    // The checklist goes to the hire's leader as a card: one item ticked by a click, the rest typed.
    const [checklist] = cardsTo(bot, LEADER.userId);
    if (checklist === undefined) throw new Error('no checklist card');
    const [tick, ...others] = buttonsOf(checklist);
    if (tick === undefined) throw new Error('no tick button');
    expect(others).toHaveLength(4);
    await click(checklist, LEADER.userId, tick);
    expect(checklist.params.status).toBe('已处理');
    for (const item of ['process', 'skills', 'product', 'drill'])
      await bot.send(`/probation tick @${HIRE.nick} ${item}`, ADMIN);

    const [first, ...more1] = cardsTo(bot, MGR1.userId);
    const [second, ...more2] = cardsTo(bot, MGR2.userId);
    if (first === undefined || second === undefined) throw new Error('no sign-off cards');
    expect([more1, more2]).toEqual([[], []]);
    expect(first.cardTemplateId).toBe(TEMPLATE);
    expect(first.params.markdown).toContain(HIRE.nick);
    expect(first.params.markdown).not.toContain('dtmd://');
    expect(first.params.hasButtons).toBe('true');
    const approve = buttonsOf(first).find((b) => b.action === ACTIONS.probationApprove);
    if (approve === undefined) throw new Error('no approve button');
    expect(approve.text).toBe('批准入司');
    const deliver = bot.fake.calls.find(
      (c) => c.name === 'cardDeliver' && c.body.outTrackId === first.outTrackId,
    );
    expect(deliver?.body).toMatchObject({
      callbackType: 'STREAM',
      openSpaceId: `dtv1.card//IM_ROBOT.${MGR1.userId}`,
      imRobotOpenDeliverModel: { spaceType: 'IM_ROBOT' },
    });

    const asked = first.params.markdown;
    const sentBefore = bot.fake.sent().length;
    const { messageId, ack } = await click(first, MGR1.userId, approve);
    expect(ack.body).toMatchObject({ headers: { messageId } });
    expect((await bot.store.roster.memberByMessengerId(HIRE.userId))?.status).toBe('active');
    for (const card of [first, second]) {
      const now = bot.fake.cards().find((c) => c.outTrackId === card.outTrackId);
      expect(now?.params.buttons).toBe('[]');
      expect(now?.params.markdown).toContain('孙经理');
      expect(now?.params.markdown).not.toBe(asked);
    }
    const toClicker = bot.fake
      .sent()
      .slice(sentBefore)
      .filter((s) => toUsers(s, MGR1.userId));
    expect(toClicker.map(textOf).join('\n')).toContain('批准');

    // DingTalk re-pushes a callback under the same messageId: it counts once.
    const before = bot.fake.calls.length;
    bot.gateway?.redeliver(messageId);
    await bot.gateway?.waitForAck(messageId);
    await bot.settled();
    expect(bot.fake.calls.slice(before).filter((c) => c.name !== 'accessToken')).toEqual([]);

    // The second manager clicks the copy they still had open: told who decided, nothing changes.
    const late = bot.fake.sent().length;
    await click(second, MGR2.userId, approve);
    const told = bot.fake
      .sent()
      .slice(late)
      .filter((s) => toUsers(s, MGR2.userId));
    expect(told.map(textOf).join('\n')).toContain('已经由');
    const hire = await bot.prisma.member.findFirstOrThrow({ where: { messengerUserId: HIRE.userId } });
    const probation = await bot.prisma.probation.findUniqueOrThrow({ where: { memberId: hire.id } });
    expect(probation.decidedBy).toBe(MGR1.userId);
  });

  it('sends a leave request to the leader as a card; approving shows the outcome on it and tells the agent', async () => {
    await bot.send('请假 12-04 12-05 病假 发烧', AGENT, { group: GROUP });
    const request = cardsTo(bot, LEADER.userId).find((c) => c.params.markdown?.includes('申请请假'));
    if (request === undefined) throw new Error('no leave card to the leader');
    expect(request.params.markdown).toContain('赵文浩 申请请假');
    expect(request.params.hasButtons).toBe('true');
    const approve = buttonsOf(request).find((b) => b.action === ACTIONS.leaveApprove);
    if (approve === undefined) throw new Error('no approve button');
    const before = bot.fake.sent().length;
    await click(request, LEADER.userId, approve);
    const agent = await bot.prisma.member.findFirstOrThrow({ where: { messengerUserId: AGENT.userId } });
    const leave = await bot.prisma.leave.findFirstOrThrow({ where: { memberId: agent.id } });
    expect(leave).toMatchObject({ status: 'approved', decidedBy: LEADER.userId });
    const card = bot.fake.cards().find((c) => c.outTrackId === request.outTrackId);
    expect(card?.params.buttons).toBe('[]');
    expect(card?.params.markdown).toContain('已由 李组长 批准');
    const toAgent = bot.fake
      .sent()
      .slice(before)
      .filter((s) => toUsers(s, AGENT.userId));
    expect(toAgent.map(textOf).join('\n')).toContain('已由 李组长 批准');
  });

  it('asks about an odd figure with a card; confirming saves once and greys the card', async () => {
    const before = await bot.prisma.activityEntry.count();
    await bot.send('/log 呼出1600', AGENT);
    const [question] = cardsTo(bot, AGENT.userId);
    if (question === undefined) throw new Error('no confirmation card');
    const confirm = buttonsOf(question).find((b) => b.action === ACTIONS.logConfirm);
    if (confirm === undefined) throw new Error('no confirm button');
    await click(question, AGENT.userId, confirm);
    await click(question, AGENT.userId, confirm);
    expect(await bot.prisma.activityEntry.count()).toBe(before + 1);
    const card = bot.fake.cards().find((c) => c.outTrackId === question.outTrackId);
    expect(card?.params).toMatchObject({ buttons: '[]', status: '已处理' });
  });

  it('logged no failure while doing all that', () => {
    expect(bot.logLines.filter((line) => line.includes('failed'))).toEqual([]);
  });

  it('refuses what DingTalk refuses: no template, non-string params, unknown card, bad token', async () => {
    const space = { userId: AGENT.userId };
    await expect(
      bot.api.deliverCard({ cardTemplateId: '', outTrackId: 'zb-dm-x1', cardParamMap: {}, space }),
    ).rejects.toMatchObject({ code: 'InvalidParameter.CardTemplateId' });
    const call = await fetch(`${bot.fake.url}/v1.0/card/instances/createAndDeliver`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-acs-dingtalk-access-token': 'nope' },
      body: JSON.stringify({
        cardTemplateId: TEMPLATE,
        outTrackId: 'zb-dm-x2',
        cardData: { cardParamMap: {} },
      }),
    });
    expect(call.status).toBe(401);
    await expect(bot.api.updateCard('zb-dm-unknown', { status: 'x' })).rejects.toBeInstanceOf(
      DingTalkApiError,
    );
    const update = await fetch(`${bot.fake.url}/v1.0/card/instances`, {
      method: 'PUT',
      headers: { 'content-type': 'application/json', 'x-acs-dingtalk-access-token': 'nope' },
      body: JSON.stringify({ outTrackId: 'zb-dm-unknown', cardData: { cardParamMap: { a: 1 } } }),
    });
    expect(update.status).toBe(401);
    const stranger = bot.api.deliverCard({
      cardTemplateId: TEMPLATE,
      outTrackId: 'zb-dm-x3',
      cardParamMap: { markdown: 'hi' },
      space: { userId: 'nobody' },
    });
    await expect(stranger).rejects.toMatchObject({ code: 'not_delivered' });
  });
});

describe('DingTalk cards need Stream mode', () => {
  let bot: DingTalkTestBot;
  beforeAll(async () => {
    bot = await startDingTalkBot({ mode: 'http', cardTemplateId: TEMPLATE });
    await seedTeam(bot.prisma, {
      groups: [{ name: '一组' }],
      members: [{ id: AGENT.userId, name: '赵文浩', group: '一组' }],
    });
    bot.fake.addUser(AGENT.userId, AGENT.nick);
  });
  afterAll(async () => {
    await bot?.close();
  });

  it('keeps the links in HTTP mode, where no card callback reaches the bot', async () => {
    const [question] = await bot.send('/log 呼出1600', AGENT);
    if (question === undefined) throw new Error('no question');
    expect(textOf(question)).toContain('dtmd://dingtalkclient/sendMessage?content=');
    expect(bot.fake.cards()).toEqual([]);
  });
});
