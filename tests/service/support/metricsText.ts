/**
 * One sample's value in Prometheus text format: the line of `name` whose labels include `labels`
 * (undefined when there is none). Label values here never hold a quote or a comma.
 */
export function metricValue(text: string, name: string, labels: Record<string, string> = {}): number | undefined {
  for (const line of text.split('\n')) {
    const match = /^([a-zA-Z_:][a-zA-Z0-9_:]*)(?:\{([^}]*)\})? (\S+)/.exec(line);
    if (!match || match[1] !== name) continue;
    const found = new Map((match[2] ?? '').split(',').filter(Boolean).map((pair) => pair.split('=') as [string, string]).map(([key, value]) => [key, value.replace(/^"|"$/g, '')]));
    if (Object.entries(labels).every(([key, value]) => found.get(key) === value)) return Number(match[3]);
  }
  return undefined;
}
