import type { FeedbackEntry } from '../domain/feedback/feedback';
import type { AssignmentRef } from '../domain/matching/match-experts';
import type { Offer } from '../domain/offers/offer';
import type { Expert } from '../domain/registers/types';
import { claimViewOf } from './claim-view';
import type { ClaimView, Person } from './ports';
import type { Services } from './services';

/** How many of each kind `my data` reads and shows; the card says how many more there are. */
export const MY_DATA_LIMIT = 20;

/** Everything the service holds on one person (SPEC §3, right of access). */
export interface MyData {
  expert?: Expert;
  /** The stored Teams address and what came with it. */
  person?: Person;
  assignments: AssignmentRef[];
  offers: Offer[];
  claims: ClaimView[];
  /** Claims beyond the ones shown. */
  moreClaims: number;
  feedback: FeedbackEntry[];
}

/** Reads what the service holds on `email`: the register row, tasks, offers, claims, feedback, address. */
export async function myData(s: Services, email: string): Promise<MyData> {
  const [expert, person, load, offeredIn, claims, feedback] = await Promise.all([
    s.registers.getExpert(email),
    s.people.findByEmail(email),
    s.loads.get(email),
    s.offers.listOfferedTo(email, MY_DATA_LIMIT * 5),
    s.claims.listByExpert(email, MY_DATA_LIMIT * 5),
    s.feedback.listGivenBy(email),
  ]);
  const offers: Offer[] = [];
  for (const orderId of offeredIn) {
    const offer = (await s.offers.load(orderId))?.offers.get(email)?.value;
    if (offer) offers.push(offer);
  }
  return {
    ...(expert ? { expert } : {}),
    ...(person ? { person } : {}),
    assignments: [...load.assignments].sort((a, b) =>
      `${a.date}${a.start}`.localeCompare(`${b.date}${b.start}`),
    ),
    offers: offers.sort((a, b) => a.sentAt.localeCompare(b.sentAt)),
    claims: await Promise.all(claims.slice(0, MY_DATA_LIMIT).map((c) => claimViewOf(s, c))),
    moreClaims: Math.max(0, claims.length - MY_DATA_LIMIT),
    feedback,
  };
}
