import { messagesFor } from '../../src/i18n/index.ts';
import type { GoodNewsPoster, PkPoster } from '../../src/views/poster-view.ts';

const m = messagesFor('zh-CN');

/**
 * The 18:00 战报 of a floor of ten groups, with the rare name characters a roster has (龑, 堃, 赟,
 * 喆: outside the 1.6 MB chinese-simplified cut, inside the numbered ones). Written with the
 * catalogue's own words, so it shows what the bot draws. Shared by the tofu test, the bench and
 * test/images/make-sample.ts (which writes test/images/sample-pk.png).
 */
export function samplePkPoster(groupCount = 10): PkPoster {
  const names = ['一组', '二组', '龑腾组', '堃鹏组', '赟队', '喆星', '飞虎队', '猎鹰', '先锋', '精英'];
  const groups = Array.from({ length: groupCount }, (_, i) => {
    const headcount = 6;
    const perCapita = Math.round((96.5 - i * 7.3) * 10) / 10;
    return {
      rank: i + 1,
      name: names[i % names.length] ?? `${i + 1}组`,
      perCapita: String(perCapita),
      perCapitaLabel: m.poster.perCapita,
      detail: m.poster.groupDetail(String(Math.round(perCapita * headcount)), headcount),
      empty: false,
    };
  });
  const top = [
    ['王小明', '一组', '128.5'],
    ['李龑', '龑腾组', '120'],
    ['张堃', '堃鹏组', '99'],
    ['赵赟', '赟队', '88'],
    ['陈喆', '喆星', '80'],
  ].map(([name = '', group = '', points = ''], i) => ({
    rank: i + 1,
    name,
    group,
    points: m.poster.points(points),
  }));
  return {
    kind: 'pk',
    banner: m.poster.pkBanner,
    title: m.pk.dailyTitle(m.date(11, 27)),
    team: '星辰电销一部',
    date: m.date(11, 27),
    groupsTitle: m.poster.groupsTitle,
    groups,
    topTitle: m.poster.topTitle(5),
    top,
    goal: {
      label: m.poster.goalLabel,
      actual: m.poster.money(1_253_000),
      target: m.poster.goalOf(m.poster.money(3_000_000)),
      percent: 41,
      percentText: '41%',
      note: m.poster.goalPerDay(m.poster.money(582_400), 3),
    },
    footer: m.poster.footer,
  };
}

export function sampleGoodNewsPoster(): GoodNewsPoster {
  return {
    kind: 'good-news',
    banner: m.poster.goodNewsBanner,
    headline: m.poster.firstDeal,
    name: '李龑',
    group: '龑腾组',
    amount: m.poster.money(125_000),
    caption: m.poster.cheer,
    team: '星辰电销一部',
    date: m.date(11, 27),
    footer: m.poster.footer,
  };
}
