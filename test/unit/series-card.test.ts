import assert from 'node:assert/strict';
import { seriesOfferCard } from '../../cards/series-offer-card';
import type { OfferView } from '../../src/app/ports';
import type { Offer } from '../../src/domain/offers/offer';
import { withProductDefaults } from '../../src/domain/orders/catalogue';
import type { Order } from '../../src/domain/orders/order';
import { translator } from '../../src/i18n';
import { assertValidCard, textOf } from '../support/cards';

const order = (n: number, date: string, extra: Partial<Order> = {}): Order => ({
  orderId: `T-2027-${String(n).padStart(4, '0')}`,
  seriesId: 'S-2027-0001',
  taskType: 'juttupenkki',
  areas: ['mental_health'],
  date,
  start: '13:00',
  end: '16:00',
  remote: false,
  municipality: 'Jyväskylä',
  address: 'Keskussairaalantie 19',
  expertCount: 1,
  language: 'fi',
  status: 'open',
  ordererId: 'o',
  ordererEmail: 'orderer@example.fi',
  unitId: 'psy',
  createdAt: '2027-03-01T08:00:00Z',
  assigned: [],
  wave: 1,
  ...extra,
});
const offer = (o: Order, status: Offer['status']): Offer => ({
  orderId: o.orderId,
  expertEmail: 'eeva@example.fi',
  wave: 1,
  status,
  sentAt: '2027-03-01T08:00:00Z',
  expiresAt: '2027-03-02T08:00:00Z',
});

function view(sessions: Array<{ order: Order; offer: Offer }>): OfferView & {
  series: { seriesId: string; sessions: Array<{ order: Order; offer: Offer }> };
} {
  return {
    order: sessions[0]!.order,
    offer: sessions[0]!.offer,
    unitName: 'Psykiatrian poliklinikka',
    estimatedFeeCents: 12000,
    series: { seriesId: 'S-2027-0001', sessions },
  };
}

describe('the series offer card', () => {
  it('when 26 sessions are offered, then the card is valid, under 28 KB, and has Accept all and 26 Accepts', () => {
    const sessions = Array.from({ length: 26 }, (_, i) => {
      const date = new Date(Date.UTC(2027, 2, 2 + 7 * i)).toISOString().slice(0, 10);
      const o = order(i + 1, date);
      return { order: o, offer: offer(o, 'pending') };
    });
    for (const lang of ['fi', 'sv', 'en'] as const) {
      const card = seriesOfferCard(view(sessions), lang, translator(lang));
      assertValidCard(card);
      const text = textOf(card);
      assert.equal(
        text.match(new RegExp(`\\[${translator(lang)('accept_offer')}\\]`, 'g'))?.length,
        26,
      );
      assert.ok(text.includes(`[${translator(lang)('accept_all')}]`));
      assert.ok(text.includes('2.3.2027'), 'd.M.yyyy in every language');
    }
  });

  it('when the expert holds some sessions and others are taken or cancelled, then only the pending ones have a button and the address shows', () => {
    const a = order(1, '2027-03-02');
    const b = order(2, '2027-03-09', {
      status: 'filled',
      assigned: [{ email: 'x', name: 'X', at: '' }],
    });
    const c = order(3, '2027-03-16', { status: 'cancelled' });
    const d = order(4, '2027-03-23');
    const card = seriesOfferCard(
      view([
        { order: a, offer: offer(a, 'accepted') },
        { order: b, offer: offer(b, 'closed') },
        { order: c, offer: offer(c, 'pending') },
        { order: d, offer: offer(d, 'pending') },
      ]),
      'fi',
      translator('fi'),
    );
    const text = textOf(card);
    assert.match(text, /2\.3\.2027 · sinun/);
    assert.match(text, /9\.3\.2027 · tekijä löytyi/);
    assert.match(text, /16\.3\.2027 · peruttu/);
    assert.match(text, /23\.3\.2027 · tarjolla/);
    assert.equal(text.match(/\[Otan tehtävän\]/g)?.length, 1);
    assert.match(text, /Keskussairaalantie 19/);
  });
});

describe('products as templates', () => {
  const describeIt = (t: string) => `description of ${t}`;

  it('when Juttupenkki has a start and no end or wishes, then the usual length and the description fill them', () => {
    assert.deepEqual(withProductDefaults({ taskType: 'juttupenkki', start: '13:00' }, describeIt), {
      taskType: 'juttupenkki',
      start: '13:00',
      end: '16:00',
      wishes: 'description of juttupenkki',
    });
  });

  it('when the orderer gave the end and wishes, or the task is no product, then nothing changes', () => {
    const given = { taskType: 'day_in_life', start: '09:00', end: '10:00', wishes: 'omat toiveet' };
    assert.deepEqual(withProductDefaults(given, describeIt), given);
    const lecture = { taskType: 'lecture', start: '09:00' };
    assert.deepEqual(withProductDefaults(lecture, describeIt), lecture);
  });
});
