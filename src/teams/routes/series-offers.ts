import type { TurnContext } from 'botbuilder';
import type { Application, TurnState } from '@microsoft/teams-ai';
import { z } from 'zod';
import type { AdaptiveCard } from '../../../cards/elements';
import { sessionDate } from '../../../cards/format';
import { offerCard } from '../../../cards/offer-card';
import { seriesOfferCard, SeriesOfferVerb } from '../../../cards/series-offer-card';
import { answerSeries, seriesOfferView } from '../../app/series-offer';
import { ORDER_NUMBER } from '../../domain/orders/order';
import { SERIES_NUMBER } from '../../domain/orders/series';
import type { Turns } from '../turn';

const seriesData = z.object({ seriesId: z.string().regex(SERIES_NUMBER) });
const sessionData = seriesData.extend({ orderId: z.string().regex(ORDER_NUMBER) });

/** The expert's series card (SPEC §3): Accept all, Accept of one session, Decline. */
export function registerSeriesOfferRoutes(app: Application<TurnState>, turns: Turns): void {
  const s = turns.services;

  async function answer(
    ctx: TurnContext,
    raw: unknown,
    kind: 'accept_all' | 'accept_one' | 'decline',
  ): Promise<AdaptiveCard | string> {
    const actor = await turns.actorOf(ctx);
    const data = (kind === 'accept_one' ? sessionData : seriesData).safeParse(raw);
    if (!data.success) return actor.t('offer_not_found');
    const seriesId = data.data.seriesId.toUpperCase();
    const outcome = await answerSeries(
      s,
      actor.who,
      seriesId,
      kind === 'accept_one'
        ? { type: kind, orderId: (data.data as z.infer<typeof sessionData>).orderId.toUpperCase() }
        : { type: kind },
    );
    if (outcome.type === 'refused') return actor.t(outcome.reason);
    const notes: string[] = [];
    if (kind !== 'decline') {
      if (outcome.taken.length)
        notes.push(actor.t('series_accepted_all', { count: outcome.taken.length }));
      if (outcome.notTaken.length)
        notes.push(
          actor.t('series_not_taken', { dates: outcome.notTaken.map(sessionDate).join(', ') }),
        );
      if (!notes.length) notes.push(actor.t('series_none_taken'));
    }
    const view = await seriesOfferView(s, outcome.card);
    const notice = notes.join(' ') || undefined;
    return outcome.card.view.sessions.length >= 2
      ? seriesOfferCard({ ...view, series: outcome.card.view }, actor.lang, actor.t, notice)
      : offerCard(view, actor.lang, actor.t, notice);
  }

  for (const [verb, kind] of [
    [SeriesOfferVerb.acceptAll, 'accept_all'],
    [SeriesOfferVerb.acceptOne, 'accept_one'],
    [SeriesOfferVerb.decline, 'decline'],
  ] as const) {
    app.adaptiveCards.actionExecute(verb, (ctx, _state, data) => answer(ctx, data, kind));
    app.adaptiveCards.actionSubmit(verb, async (ctx, _state, data) =>
      turns.replaceSubmittedCard(ctx, await answer(ctx, data, kind)),
    );
  }
}
