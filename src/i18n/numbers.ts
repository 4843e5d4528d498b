/** Number formats shared by every messenger: 120 → "120", 200000 yuan → "¥200,000". */
const grouping = new Intl.NumberFormat('en-US', { maximumFractionDigits: 1 });

export function formatCount(value: number): string {
  return grouping.format(value);
}

export function formatYuan(value: number): string {
  return value < 0 ? `-¥${grouping.format(-value)}` : `¥${grouping.format(value)}`;
}
