import assert from 'node:assert/strict';
import type { ExpertLoad } from '../../src/domain/matching/match-experts';
import {
  decideOffer,
  type Effect,
  type Offer,
  type OfferCommand,
  type OfferDecision,
  type OrderOffers,
} from '../../src/domain/offers/offer';
import { checkOrderForm, type Order } from '../../src/domain/orders/order';
import { parseOrderText } from '../../src/domain/orders/parse-order';
import {
  isSameAsLastTime,
  previousExpert,
  resolveWishedExpert,
  wishedExpertOf,
  type PastOrder,
} from '../../src/domain/orders/wished-expert';
import type { Expert } from '../../src/domain/registers/types';
import { helsinkiInstant } from '../../src/domain/shared/helsinki';

function anExpert(email: string, name: string, over: Partial<Expert> = {}): Expert {
  return {
    email,
    name,
    kind: 'trained',
    areas: ['mental_health'],
    regions: ['Jyväskylä'],
    languages: ['fi', 'sv', 'en'],
    remote: true,
    onsite: true,
    maxPerMonth: 4,
    ...over,
  };
}

const MAIJA = anExpert('maija.meikalainen@example.fi', 'Maija Meikäläinen');
const MAIJA_V = anExpert('maija.virtanen@example.fi', 'Maija Virtanen');
const ANNA = anExpert('anna.svensson@example.fi', 'Anna Svensson');
const PEKKA = anExpert('pekka.gone@example.fi', 'Pekka Poistettu', { removed: true });
const TIINA = anExpert('tiina.trainee@example.fi', 'Tiina Harjoittelija', {
  mentorEmail: MAIJA.email,
});
const REGISTER = [MAIJA, MAIJA_V, ANNA, PEKKA, TIINA];

describe('wished expert: who the orderer’s words name', () => {
  it('when the e-mail of an active expert is written in any case, then that expert is wished', () => {
    assert.deepEqual(resolveWishedExpert(' Anna.Svensson@Example.fi ', REGISTER), {
      ok: true,
      value: ANNA.email,
    });
  });

  it('when a whole name or a unique part of it is written, also in a Finnish case form, then it names the expert', () => {
    for (const text of ['Anna Svensson', 'svensson', 'Meikäläinen', 'Maija Meikäläistä', 'Annaa'])
      assert.equal(
        (resolveWishedExpert(text, REGISTER) as { value?: string }).value,
        text.toLowerCase().includes('mei') ? MAIJA.email : ANNA.email,
        text,
      );
  });

  it('when a first name fits two experts, then it is ambiguous; when it fits nobody, then unknown', () => {
    assert.deepEqual(resolveWishedExpert('Maijaa', REGISTER), {
      ok: false,
      error: 'wished_expert_ambiguous',
    });
    assert.deepEqual(resolveWishedExpert('Kalle', REGISTER), {
      ok: false,
      error: 'wished_expert_unknown',
    });
  });

  it('when the name is of a removed expert or a trainee, then it names nobody', () => {
    for (const text of ['Pekka Poistettu', TIINA.email, 'Tiina'])
      assert.deepEqual(resolveWishedExpert(text, REGISTER), {
        ok: false,
        error: 'wished_expert_unknown',
      });
  });

  it('when "same as last time" is written in Finnish, Swedish or English, then it is recognised', () => {
    for (const text of [
      'sama kuin viimeksi',
      'Sama asiantuntija kuin viime kerralla',
      'samma som förra gången',
      'Same as last time',
      'the same expert as before',
    ])
      assert.ok(isSameAsLastTime(text), text);
    assert.ok(!isSameAsLastTime('Maija Meikäläinen'));
  });

  it('when "same as last time" is asked, then the first expert of the latest earlier order of that type who took it is wished', () => {
    const past: PastOrder[] = [
      {
        taskType: 'lecture',
        date: '2026-01-10',
        start: '10:00',
        status: 'filled',
        assigned: [{ email: ANNA.email }],
      },
      {
        taskType: 'lecture',
        date: '2026-02-10',
        start: '10:00',
        status: 'filled',
        assigned: [{ email: MAIJA.email }],
      },
      {
        taskType: 'lecture',
        date: '2026-02-20',
        start: '10:00',
        status: 'cancelled',
        assigned: [{ email: MAIJA_V.email }],
      },
      {
        taskType: 'media',
        date: '2026-02-25',
        start: '10:00',
        status: 'filled',
        assigned: [{ email: MAIJA_V.email }],
      },
      { taskType: 'lecture', date: '2026-02-26', start: '10:00', status: 'unfilled', assigned: [] },
    ];
    assert.equal(previousExpert(past, 'lecture'), MAIJA.email);
    assert.deepEqual(wishedExpertOf('sama kuin viimeksi', 'lecture', REGISTER, past), {
      ok: true,
      value: MAIJA.email,
    });
    assert.deepEqual(wishedExpertOf('same as last time', 'evaluation', REGISTER, past), {
      ok: false,
      error: 'wished_expert_no_previous',
    });
  });
});

describe('wished expert: read from the order text', () => {
  const NOW = helsinkiInstant('2026-03-02', '10:00');
  const cases: Array<[string, string | undefined]> = [
    ['Luento päihdetyöstä ti 10.3. klo 13–15 Jyväskylässä, toivomme Maijaa.', 'Maijaa'],
    [
      'Luento 10.3. klo 13-15 Jyväskylä. Toivoisimme Maija Meikäläistä puhujaksi.',
      'Maija Meikäläistä',
    ],
    ['Föreläsning 10.3 kl 13–15 i Vasa, gärna Anna Svensson.', 'Anna Svensson'],
    [
      'A lecture on 10 March 13–15 in Jyväskylä, preferably Maija Meikäläinen.',
      'Maija Meikäläinen',
    ],
    ['Luento 10.3. klo 13–15 Jyväskylä, sama kuin viimeksi.', 'sama kuin viimeksi'],
    ['Föreläsning 10.3 kl 13–15 i Vasa, samma som förra gången.', 'samma som förra gången'],
    ['Toivomme Jyväskylään luennoitsijaa 10.3. klo 13–15.', undefined],
    ['Luento 10.3. klo 13–15 Jyväskylä, toivomme, että puhuja kertoo toipumisesta.', undefined],
    ['A talk on 10 March 13–15, preferably in English.', undefined],
    ['A talk on 10 March 13–15, preferably English-speaking.', undefined],
  ];
  for (const [text, wished] of cases)
    it(`when the order says "${text}", then the wished expert is ${wished ?? 'none'}`, () => {
      assert.equal(parseOrderText(text, NOW).wishedExpert, wished);
    });
});

describe('wished expert: on the order card', () => {
  const ctx = {
    today: '2026-03-02',
    nowTime: '10:00',
    resolveMunicipality: () => undefined,
    resolveWishedExpert: (text: string) => resolveWishedExpert(text, REGISTER),
  };
  const form = {
    taskType: 'lecture',
    areas: 'mental_health',
    date: '2026-03-13',
    start: '13:00',
    end: '15:00',
    remote: 'true',
    language: 'fi',
  };

  it('when the card names one expert, then the order carries their e-mail', () => {
    const r = checkOrderForm({ ...form, wishedExpert: 'Anna Svensson' }, ctx);
    assert.ok(r.ok);
    assert.equal(r.value.wishedExpert, ANNA.email);
  });

  it('when the card’s name is ambiguous, then the field says so and no order comes out', () => {
    const r = checkOrderForm({ ...form, wishedExpert: 'Maija' }, ctx);
    assert.ok(!r.ok);
    assert.deepEqual(r.error, { wishedExpert: 'wished_expert_ambiguous' });
  });

  it('when the trainee toggle is not sent, then client work starts without trainees and a lecture with', () => {
    const lecture = checkOrderForm(form, ctx);
    const bench = checkOrderForm({ ...form, taskType: 'juttupenkki' }, ctx);
    const off = checkOrderForm({ ...form, traineeAllowed: 'false' }, ctx);
    assert.ok(lecture.ok && bench.ok && off.ok);
    assert.equal(lecture.value.traineeAllowed, true);
    assert.equal(bench.value.traineeAllowed, false);
    assert.equal(off.value.traineeAllowed, false);
  });
});

describe('wished expert: the solo offer', () => {
  const NOW = helsinkiInstant('2026-03-02', '10:00');
  const LATER = helsinkiInstant('2026-03-02', '11:00');
  const WINDOW = 24 * 3600_000;
  const OTHERS = [1, 2, 3].map((n) => anExpert(`other${n}@example.fi`, `Other ${n}`));

  function anOrder(over: Partial<Order> = {}): Order {
    return {
      orderId: 'T-2026-0001',
      status: 'open',
      ordererId: 'orderer-oid',
      ordererEmail: 'olli.orderer@example.fi',
      unitId: 'unit-1',
      createdAt: NOW.toISOString(),
      assigned: [],
      wave: 0,
      taskType: 'lecture',
      areas: ['mental_health'],
      date: '2026-03-13',
      start: '13:00',
      end: '15:00',
      remote: true,
      expertCount: 1,
      language: 'fi',
      wishedExpert: ANNA.email,
      ...over,
    };
  }
  const more = (experts: Expert[], which: 'same' | 'next' = 'next'): OfferCommand => ({
    type: 'offer_more',
    which,
    experts,
    loads: new Map<string, ExpertLoad>(),
    settings: { waveSize: 5, windowMs: WINDOW, review: false },
    at: NOW,
  });
  const decided = (state: OrderOffers, cmd: OfferCommand): OfferDecision => {
    const d = decideOffer(state, cmd);
    assert.ok(d.ok, d.ok ? '' : d.error);
    return d.value;
  };
  const told = (effects: Effect[]) =>
    effects.some((e) => e.type === 'notify_orderer' && e.about === 'wished_declined');
  const soloOffer = (over: Partial<Offer> = {}): Offer => ({
    orderId: 'T-2026-0001',
    expertEmail: ANNA.email,
    wave: 1,
    status: 'pending',
    sentAt: NOW.toISOString(),
    expiresAt: new Date(NOW.getTime() + WINDOW / 3).toISOString(),
    ...over,
  });

  it('when the wished expert passes the hard rules, then they alone get the first offer, for a third of the offer time', () => {
    const d = decided({ order: anOrder(), offers: [] }, more([...OTHERS, ANNA]));
    assert.deepEqual(
      d.offers.map((o) => o.expertEmail),
      [ANNA.email],
    );
    assert.equal(d.order.wishedWave, 1);
    assert.equal(Date.parse(d.offers[0]!.expiresAt) - NOW.getTime(), WINDOW / 3);
    assert.ok(d.effects.some((e) => e.type === 'schedule_wave_expiry' && e.wave === 1));
    assert.ok(!told(d.effects));
  });

  it('when shortlists are reviewed, then the wished expert’s solo offer waits for a coordinator and, approved, goes to them alone for a third of the offer time', () => {
    const reviewed: OfferCommand = {
      ...more([...OTHERS, ANNA]),
      settings: { waveSize: 5, windowMs: WINDOW, review: true },
    } as OfferCommand;
    const waiting = decided({ order: anOrder(), offers: [] }, reviewed);
    assert.deepEqual(waiting.offers, [], 'no offer goes out unreviewed');
    assert.deepEqual(waiting.order.shortlist, [ANNA.email]);
    assert.equal(waiting.order.wishedShortlist, true);
    assert.deepEqual(waiting.effects, [{ type: 'notify_coordinators', about: 'review' }]);

    const sent = decided(
      { order: waiting.order, offers: [] },
      { type: 'send_shortlist', windowMs: WINDOW, at: LATER },
    );
    assert.deepEqual(
      sent.offers.map((o) => o.expertEmail),
      [ANNA.email],
    );
    assert.equal(Date.parse(sent.offers[0]!.expiresAt) - LATER.getTime(), WINDOW / 3);
    assert.equal(sent.order.wishedWave, 1);
    assert.equal(sent.order.shortlist, undefined);
    assert.equal(sent.order.wishedShortlist, undefined);
  });

  it('when shortlists are reviewed and the wished expert declined, then the next wave waits for review as every wave does', () => {
    const order = anOrder({ wave: 1, wishedWave: 1 });
    const d = decided({ order, offers: [soloOffer({ status: 'declined' })] }, {
      ...more([...OTHERS, ANNA]),
      settings: { waveSize: 5, windowMs: WINDOW, review: true },
    } as OfferCommand);
    assert.deepEqual(d.offers, []);
    assert.deepEqual(
      [...d.order.shortlist!].sort(),
      OTHERS.map((o) => o.email),
    );
    assert.equal(d.order.wishedShortlist, undefined);
  });

  it('when the wished expert fails a hard rule, then the wave goes out at once and the orderer is told', () => {
    const paused = { ...ANNA, pausedUntil: '2026-12-31' };
    const d = decided({ order: anOrder(), offers: [] }, more([...OTHERS, paused]));
    assert.deepEqual(
      d.offers.map((o) => o.expertEmail).sort(),
      OTHERS.map((o) => o.email),
    );
    assert.equal(d.order.wishedWave, undefined);
    assert.ok(told(d.effects));
  });

  it('when the wished expert declines, then the next wave goes out at once and the orderer is told', () => {
    const order = anOrder({ wave: 1, wishedWave: 1 });
    const d = decided(
      { order, offers: [soloOffer()] },
      { type: 'decline_offer', expert: ANNA.email, at: LATER },
    );
    assert.ok(told(d.effects));
    assert.ok(d.effects.some((e) => e.type === 'offer_more' && e.wave === 'next'));
  });

  it('when the wished expert’s time runs out, then the wave goes out and the orderer is told', () => {
    const order = anOrder({ wave: 1, wishedWave: 1 });
    const d = decided(
      { order, offers: [soloOffer()] },
      { type: 'expire_wave', wave: 1, at: LATER },
    );
    assert.ok(told(d.effects));
    assert.ok(d.effects.some((e) => e.type === 'offer_more' && e.wave === 'next'));
  });

  it('when the wished expert takes one of two places, then the other place goes out at once and the orderer is not told of a decline', () => {
    const order = anOrder({ wave: 1, wishedWave: 1, expertCount: 2 });
    const d = decided(
      { order, offers: [soloOffer()] },
      { type: 'accept_offer', expert: ANNA.email, expertName: ANNA.name, at: LATER },
    );
    assert.equal(d.order.status, 'open');
    assert.ok(d.effects.some((e) => e.type === 'offer_more' && e.wave === 'next'));
    assert.ok(!told(d.effects));
  });

  it('when an expert of an ordinary wave declines, then one more is offered in the same wave as before', () => {
    const order = anOrder({ wave: 2, wishedWave: 1 });
    const d = decided(
      {
        order,
        offers: [
          soloOffer({ status: 'declined' }),
          soloOffer({ expertEmail: OTHERS[0]!.email, wave: 2 }),
        ],
      },
      { type: 'decline_offer', expert: OTHERS[0]!.email, at: LATER },
    );
    assert.ok(!told(d.effects));
    assert.ok(d.effects.some((e) => e.type === 'offer_more' && e.wave === 'same'));
  });
});
