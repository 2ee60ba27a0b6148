/** Small typed helpers for Adaptive Card 1.5 JSON, shared by every card. */
export type Element = Record<string, unknown>;

export interface AdaptiveCard {
  type: 'AdaptiveCard';
  $schema: string;
  version: '1.5';
  body: Element[];
  actions?: Element[];
}

export function card(body: Element[], actions: Element[] = []): AdaptiveCard {
  return {
    type: 'AdaptiveCard',
    $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
    version: '1.5',
    body,
    ...(actions.length ? { actions } : {}),
  };
}

/** A state-changing button: Action.Execute, falling back to Action.Submit with the same verb. */
export function executeAction(
  title: string,
  verb: string,
  data: Record<string, unknown> = {},
  style?: 'positive' | 'destructive',
): Element {
  return {
    type: 'Action.Execute',
    title,
    verb,
    data: { verb, ...data },
    ...(style ? { style } : {}),
    fallback: { type: 'Action.Submit', title, data: { verb, ...data } },
  };
}

export const heading = (text: string): Element => ({
  type: 'TextBlock',
  text,
  weight: 'Bolder',
  size: 'Medium',
  wrap: true,
});
export const textBlock = (text: string, extra: Element = {}): Element => ({
  type: 'TextBlock',
  text,
  wrap: true,
  ...extra,
});
export const errorText = (text: string): Element => ({
  type: 'TextBlock',
  text,
  wrap: true,
  color: 'Attention',
  size: 'Small',
  spacing: 'None',
});
export const facts = (items: Array<[string, string]>): Element => ({
  type: 'FactSet',
  facts: items.map(([title, value]) => ({ title, value })),
});

export function asAttachment(c: AdaptiveCard): { contentType: string; content: AdaptiveCard } {
  return { contentType: 'application/vnd.microsoft.card.adaptive', content: c };
}
