import assert from 'node:assert/strict';

// The package's main entry fails under Node; the dist bundle works (TEAMS-NOTES). It has no types
// of its own, so an import would be as untyped as this require.
// eslint-disable-next-line @typescript-eslint/no-require-imports
export const AC = require('adaptivecards/dist/adaptivecards.js');

type Json = Record<string, any>;

/** Checks a card as Teams would, plus what the parser misses: version, verbs, input values, size. */
export function assertValidCard(card: Json): void {
  assert.equal(card.type, 'AdaptiveCard');
  assert.equal(card.version, '1.5', 'cards are version 1.5');
  const size = Buffer.byteLength(JSON.stringify(card), 'utf8');
  assert.ok(size < 28 * 1024, `card is ${size} bytes, over 28 KB`);
  const ctx = new AC.SerializationContext(AC.Versions.v1_5);
  const parsed = new AC.AdaptiveCard();
  parsed.parse(card, ctx);
  const events: string[] = [];
  for (let i = 0; i < ctx.eventCount; i++) events.push(ctx.getEventAt(i).message);
  assert.deepEqual(events, [], 'card parses without warnings');
  const problems = parsed.validateProperties();
  assert.deepEqual(
    problems.validationEvents.map((e: Json) => e.message),
    [],
    'card validates',
  );
  walk(card, (node) => {
    if (node.type === 'Action.Execute') {
      assert.ok(node.verb, 'Action.Execute has a verb');
      assert.equal(
        node.fallback?.type,
        'Action.Submit',
        'Action.Execute falls back to Action.Submit',
      );
      assert.equal(node.fallback?.data?.verb, node.verb);
    }
    if (node.type === 'Input.ChoiceSet' && node.value !== undefined) {
      const values = String(node.value).split(',');
      const allowed = new Set((node.choices as Json[]).map((c) => c.value));
      for (const v of values)
        assert.ok(allowed.has(v), `choice ${v} of ${node.id} is one of its choices`);
    }
  });
}

export function walk(node: unknown, visit: (n: Json) => void): void {
  if (Array.isArray(node)) node.forEach((n) => walk(n, visit));
  else if (node && typeof node === 'object') {
    visit(node);
    Object.values(node).forEach((v) => walk(v, visit));
  }
}

/** The inputs of a card by id, with their current values: what a person would see filled in. */
export function inputsOf(card: Json): Record<string, Json> {
  const inputs: Record<string, Json> = {};
  walk(card, (n) => {
    if (typeof n.type === 'string' && n.type.startsWith('Input.') && n.id) inputs[n.id] = n;
  });
  return inputs;
}

/** Every text shown on a card, joined: TextBlocks, facts, button titles. */
export function textOf(card: Json): string {
  const parts: string[] = [];
  walk(card, (n) => {
    if (n.type === 'TextBlock') parts.push(n.text);
    if (n.type === 'FactSet') for (const f of n.facts) parts.push(`${f.title}: ${f.value}`);
    if (
      typeof n.type === 'string' &&
      n.type.startsWith('Action.') &&
      n.title &&
      n.type !== 'Action.Submit'
    )
      parts.push(`[${n.title}]`);
  });
  return parts.join('\n');
}

/** The card an activity carries, if any. */
export function cardOf(activity: Json | undefined): Json | undefined {
  return activity?.attachments?.find(
    (a: Json) => a.contentType === 'application/vnd.microsoft.card.adaptive',
  )?.content;
}
