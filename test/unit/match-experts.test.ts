import assert from 'node:assert/strict';
import {
  pickWave,
  rankCandidates,
  whyNotEligible,
  whyTraineeMayNotJoin,
  type AssignmentRef,
  type Candidate,
  type ExpertLoad,
  type MatchContext,
  type MatchOrder,
} from '../../src/domain/matching/match-experts';
import type { Expert } from '../../src/domain/registers/types';

let serial = 0;

function anExpert(over: Partial<Expert> = {}): Expert {
  serial++;
  return {
    email: `expert${serial}@example.fi`,
    name: `Expert ${serial}`,
    kind: 'trained',
    areas: ['mental_health'],
    regions: ['Jyväskylä'],
    languages: ['fi'],
    remote: true,
    onsite: true,
    maxPerMonth: 4,
    ...over,
  };
}

/** On-site in Jyväskylä, Wednesday 12 March 2025, 13–15 Helsinki time. */
function anOrder(over: Partial<MatchOrder> = {}): MatchOrder {
  return {
    orderId: 'order-1',
    taskType: 'lecture',
    areas: ['mental_health'],
    date: '2025-03-12',
    start: '13:00',
    end: '15:00',
    remote: false,
    municipality: 'Jyväskylä',
    language: 'fi',
    expertCount: 1,
    ...over,
  };
}

function anAssignment(over: Partial<AssignmentRef> = {}): AssignmentRef {
  return {
    orderId: `other-${++serial}`,
    date: '2025-03-12',
    start: '09:00',
    end: '11:00',
    remote: false,
    municipality: 'Jyväskylä',
    ...over,
  };
}

function aContext(
  over: {
    loads?: Record<string, ExpertLoad>;
    exclude?: string[];
    today?: string;
    travelBufferMinutes?: number;
  } = {},
): MatchContext {
  return {
    today: over.today ?? '2025-03-01',
    loads: new Map(Object.entries(over.loads ?? {})),
    exclude: new Set(over.exclude ?? []),
    travelBufferMinutes: over.travelBufferMinutes,
  };
}

/** Assignments on the given dates, outside any order's hours (07–08). */
function assignmentsOn(...dates: string[]): ExpertLoad {
  return {
    assignments: dates.map((date) =>
      anAssignment({ date, start: '07:00', end: '08:00', remote: true }),
    ),
  };
}

const emails = (cs: readonly Candidate[]) => cs.map((c) => c.email);

describe('matching experts: hard rules', () => {
  it('when an expert fits every rule, then they are eligible', () => {
    assert.equal(whyNotEligible(anOrder(), anExpert(), aContext()), undefined);
  });

  it('when the expert has been removed from the register, then inactive', () => {
    assert.equal(whyNotEligible(anOrder(), anExpert({ removed: true }), aContext()), 'inactive');
  });

  it('when the expert is paused until the day of the task, then paused', () => {
    assert.equal(
      whyNotEligible(anOrder(), anExpert({ pausedUntil: '2025-03-12' }), aContext()),
      'paused',
    );
  });

  it('when the pause runs until today, then paused; when it ended yesterday, then eligible', () => {
    const ctx = aContext({ today: '2025-03-01' });
    assert.equal(whyNotEligible(anOrder(), anExpert({ pausedUntil: '2025-03-01' }), ctx), 'paused');
    assert.equal(
      whyNotEligible(anOrder(), anExpert({ pausedUntil: '2025-02-28' }), ctx),
      undefined,
    );
  });

  it('when a past day is matched again and the pause covered it, then paused', () => {
    const ctx = aContext({ today: '2025-03-20' });
    assert.equal(
      whyNotEligible(anOrder({ date: '2025-03-12' }), anExpert({ pausedUntil: '2025-03-15' }), ctx),
      'paused',
    );
  });

  it('when a peer supporter is matched to a lecture, then their kind is not allowed', () => {
    assert.equal(
      whyNotEligible(anOrder({ taskType: 'lecture' }), anExpert({ kind: 'peer' }), aContext()),
      'kind_not_allowed',
    );
  });

  it('when a peer supporter is matched to a peer group or peer reception, then eligible', () => {
    for (const taskType of ['peer_group', 'peer_reception'] as const) {
      assert.equal(
        whyNotEligible(anOrder({ taskType }), anExpert({ kind: 'peer' }), aContext()),
        undefined,
        taskType,
      );
    }
  });

  it('when a peer supporter is matched to Juttupenkki or Päivä elämässä, then their kind is not allowed, and a trained expert is eligible', () => {
    for (const taskType of ['juttupenkki', 'day_in_life'] as const) {
      assert.equal(
        whyNotEligible(anOrder({ taskType }), anExpert({ kind: 'peer' }), aContext()),
        'kind_not_allowed',
        taskType,
      );
      assert.equal(
        whyNotEligible(anOrder({ taskType }), anExpert({ kind: 'trained' }), aContext()),
        undefined,
        taskType,
      );
    }
  });

  it('when Juttupenkki is ranked over a register with a peer supporter, then only the paid experts are offered it', () => {
    const peer = anExpert({ kind: 'peer' });
    const actor = anExpert({ kind: 'actor' });
    assert.deepEqual(
      emails(rankCandidates(anOrder({ taskType: 'juttupenkki' }), [peer, actor], aContext())),
      [actor.email],
    );
  });

  it('when trained experts, actors and partners are matched to a peer group, then eligible', () => {
    for (const kind of ['trained', 'actor', 'partner'] as const) {
      assert.equal(
        whyNotEligible(anOrder({ taskType: 'peer_group' }), anExpert({ kind }), aContext()),
        undefined,
        kind,
      );
    }
  });

  it('when none of the order areas is the expert’s, then area; when one of them is, then eligible', () => {
    const expert = anExpert({ areas: ['substance_use'] });
    assert.equal(whyNotEligible(anOrder({ areas: ['mental_health'] }), expert, aContext()), 'area');
    assert.equal(
      whyNotEligible(anOrder({ areas: ['mental_health', 'substance_use'] }), expert, aContext()),
      undefined,
    );
  });

  it('when the task is in Swedish and the expert speaks only Finnish, then language', () => {
    assert.equal(
      whyNotEligible(anOrder({ language: 'sv' }), anExpert({ languages: ['fi'] }), aContext()),
      'language',
    );
    assert.equal(
      whyNotEligible(
        anOrder({ language: 'sv' }),
        anExpert({ languages: ['fi', 'sv'] }),
        aContext(),
      ),
      undefined,
    );
  });

  it('when the task is remote and the expert takes no remote work, then place', () => {
    assert.equal(
      whyNotEligible(anOrder({ remote: true }), anExpert({ remote: false }), aContext()),
      'place',
    );
  });

  it('when a remote task is in a municipality outside the expert’s regions, then still eligible', () => {
    assert.equal(
      whyNotEligible(
        anOrder({ remote: true, municipality: 'Oulu' }),
        anExpert({ regions: ['Jyväskylä'] }),
        aContext(),
      ),
      undefined,
    );
  });

  it('when the task is on-site and the expert takes no on-site work, then place', () => {
    assert.equal(whyNotEligible(anOrder(), anExpert({ onsite: false }), aContext()), 'place');
  });

  it('when the on-site task is in a municipality outside the expert’s regions, then place', () => {
    assert.equal(
      whyNotEligible(
        anOrder({ municipality: 'Tampere' }),
        anExpert({ regions: ['Jyväskylä', 'Jämsä'] }),
        aContext(),
      ),
      'place',
    );
  });

  it('when the order says Vasa and the expert’s region is Vaasa, then the place fits', () => {
    assert.equal(
      whyNotEligible(
        anOrder({ municipality: 'Vasa' }),
        anExpert({ regions: ['Vaasa'] }),
        aContext(),
      ),
      undefined,
    );
    assert.equal(
      whyNotEligible(
        anOrder({ municipality: 'vaasa' }),
        anExpert({ regions: ['Vasa'] }),
        aContext(),
      ),
      undefined,
    );
  });

  it('when the municipality is written without accents or in capitals, then the place fits', () => {
    assert.equal(
      whyNotEligible(
        anOrder({ municipality: 'JYVASKYLA' }),
        anExpert({ regions: ['Jyväskylä'] }),
        aContext(),
      ),
      undefined,
    );
  });

  it('when the expert has an assignment at the same hours that day, then overlap', () => {
    const expert = anExpert();
    const ctx = aContext({
      loads: { [expert.email]: { assignments: [anAssignment({ start: '14:00', end: '16:00' })] } },
    });
    assert.equal(whyNotEligible(anOrder({ start: '13:00', end: '15:00' }), expert, ctx), 'overlap');
  });

  it('when the same hours are on another day, then no overlap', () => {
    const expert = anExpert();
    const ctx = aContext({
      loads: {
        [expert.email]: {
          assignments: [anAssignment({ date: '2025-03-13', start: '13:00', end: '15:00' })],
        },
      },
    });
    assert.equal(whyNotEligible(anOrder(), expert, ctx), undefined);
  });

  it('when an on-site task 13–15 precedes an order at 15:30 and the buffer is 60 min, then overlap', () => {
    const expert = anExpert();
    const ctx = aContext({
      loads: {
        [expert.email]: {
          assignments: [anAssignment({ start: '13:00', end: '15:00', remote: false })],
        },
      },
    });
    const order = anOrder({ start: '15:30', end: '17:00', remote: true });
    assert.equal(whyNotEligible(order, expert, ctx), 'overlap');
    assert.equal(whyNotEligible(order, expert, { ...ctx, travelBufferMinutes: 0 }), undefined);
  });

  it('when the new order is on-site 15:30 after a remote task 13–15, then the buffer still applies', () => {
    const expert = anExpert();
    const ctx = aContext({
      loads: {
        [expert.email]: {
          assignments: [anAssignment({ start: '13:00', end: '15:00', remote: true })],
        },
      },
    });
    assert.equal(
      whyNotEligible(anOrder({ start: '15:30', end: '17:00', remote: false }), expert, ctx),
      'overlap',
    );
  });

  it('when both are remote, then a task at 16:00 after 13–15 and one starting at 15:00 sharp are fine', () => {
    const expert = anExpert();
    const ctx = aContext({
      loads: {
        [expert.email]: {
          assignments: [anAssignment({ start: '13:00', end: '15:00', remote: true })],
        },
      },
    });
    assert.equal(
      whyNotEligible(anOrder({ start: '16:00', end: '17:00', remote: true }), expert, ctx),
      undefined,
    );
    assert.equal(
      whyNotEligible(anOrder({ start: '15:00', end: '16:00', remote: true }), expert, ctx),
      undefined,
    );
  });

  it('when the overlapping assignment is this very order, then it is no overlap', () => {
    const expert = anExpert();
    const ctx = aContext({
      loads: {
        [expert.email]: {
          assignments: [anAssignment({ orderId: 'order-1', start: '13:00', end: '15:00' })],
        },
      },
    });
    assert.equal(whyNotEligible(anOrder({ orderId: 'order-1' }), expert, ctx), undefined);
  });

  it('when the expert already has their monthly maximum in the task’s month, then monthly max', () => {
    const expert = anExpert({ maxPerMonth: 2 });
    const ctx = aContext({ loads: { [expert.email]: assignmentsOn('2025-03-03', '2025-03-28') } });
    assert.equal(whyNotEligible(anOrder(), expert, ctx), 'monthly_max');
  });

  it('when the other assignments are in the months around, then the monthly maximum is not reached', () => {
    const expert = anExpert({ maxPerMonth: 2 });
    const ctx = aContext({
      loads: { [expert.email]: assignmentsOn('2025-02-28', '2025-03-03', '2025-04-01') },
    });
    assert.equal(whyNotEligible(anOrder(), expert, ctx), undefined);
  });

  it('when the expert was already offered this order, then excluded', () => {
    const expert = anExpert();
    assert.equal(
      whyNotEligible(anOrder(), expert, aContext({ exclude: [expert.email] })),
      'excluded',
    );
  });
});

describe('matching experts: trainees', () => {
  function pair(traineeOver: Partial<Expert> = {}, mentorOver: Partial<Expert> = {}) {
    const mentor = anExpert(mentorOver);
    const trainee = anExpert({ mentorEmail: mentor.email, ...traineeOver });
    return { mentor, trainee };
  }

  it('when a trainee is matched to an ordered place, of one or of two, then they need their mentor', () => {
    const { trainee } = pair();
    for (const expertCount of [1, 2])
      assert.equal(
        whyNotEligible(anOrder({ expertCount }), trainee, aContext()),
        'trainee_needs_mentor',
      );
  });

  it('when the trainee fails a rule of their own, then that rule is the reason', () => {
    const { trainee } = pair({ languages: ['sv'] });
    assert.equal(whyNotEligible(anOrder({ expertCount: 2 }), trainee, aContext()), 'language');
  });

  it('when an order for one or two is ranked, then no trainee is among the candidates', () => {
    const { mentor, trainee } = pair();
    for (const expertCount of [1, 2])
      assert.deepEqual(
        emails(rankCandidates(anOrder({ expertCount }), [trainee, mentor], aContext())),
        [mentor.email],
      );
  });

  it('when a trainee would go along, then the experience area and the kind do not matter', () => {
    const { trainee } = pair({ areas: ['homelessness'], kind: 'peer' });
    assert.equal(whyTraineeMayNotJoin(anOrder(), trainee, aContext()), undefined);
  });

  it('when a trainee would go along, then a clash, a pause, the place and the language still keep them home', () => {
    const clash = pair().trainee;
    const ctx = aContext({
      loads: { [clash.email]: { assignments: [anAssignment({ start: '13:00', end: '14:00' })] } },
    });
    assert.equal(whyTraineeMayNotJoin(anOrder(), clash, ctx), 'overlap');
    assert.equal(
      whyTraineeMayNotJoin(anOrder(), pair({ pausedUntil: '2025-03-12' }).trainee, aContext()),
      'paused',
    );
    assert.equal(
      whyTraineeMayNotJoin(anOrder(), pair({ regions: ['Tampere'] }).trainee, aContext()),
      'place',
    );
    assert.equal(
      whyTraineeMayNotJoin(anOrder(), pair({ languages: ['sv'] }).trainee, aContext()),
      'language',
    );
  });
});

describe('matching experts: soft order', () => {
  it('when experts differ in assignments over the last 90 days, then the one with fewer comes first', () => {
    const busy = anExpert();
    const quiet = anExpert();
    const ctx = aContext({
      today: '2025-03-01',
      loads: {
        [busy.email]: assignmentsOn('2025-01-15', '2025-02-20'),
        // 1 Dec 2024 is 90 days before today (counted); 30 Nov is 91 (not counted)
        [quiet.email]: assignmentsOn('2024-11-30', '2024-12-01'),
      },
    });
    const ranked = rankCandidates(anOrder(), [busy, quiet], ctx);
    assert.deepEqual(emails(ranked), [quiet.email, busy.email]);
    assert.deepEqual(
      ranked.map((c) => c.recentAssignments),
      [1, 2],
    );
  });

  it('when assignment counts are equal, then the expert covering every ordered area comes first', () => {
    const one = anExpert({ areas: ['mental_health'] });
    const two = anExpert({ areas: ['substance_use', 'mental_health'] });
    const ranked = rankCandidates(
      anOrder({ areas: ['mental_health', 'substance_use'] }),
      [one, two],
      aContext(),
    );
    assert.deepEqual(emails(ranked), [two.email, one.email]);
    assert.deepEqual(
      ranked.map((c) => c.coversAllAreas),
      [true, false],
    );
  });

  it('when one expert covers every ordered area and a less busy one does not, then fit wins over fair shares', () => {
    const one = anExpert({ areas: ['mental_health'] });
    const two = anExpert({ areas: ['substance_use', 'mental_health'] });
    const ctx = aContext({
      loads: { [two.email]: assignmentsOn('2025-01-10', '2025-02-01', '2025-02-20') },
    });
    const ranked = rankCandidates(
      anOrder({ areas: ['mental_health', 'substance_use'] }),
      [one, two],
      ctx,
    );
    assert.deepEqual(emails(ranked), [two.email, one.email]);
    assert.deepEqual(
      ranked.map((c) => c.recentAssignments),
      [3, 0],
    );
  });

  it('when both cover every ordered area, then fair shares decide within the class', () => {
    const busy = anExpert({ areas: ['mental_health', 'substance_use', 'disability'] });
    const quiet = anExpert({ areas: ['mental_health', 'substance_use'] });
    const ctx = aContext({ loads: { [busy.email]: assignmentsOn('2025-02-01') } });
    assert.deepEqual(
      emails(
        rankCandidates(anOrder({ areas: ['mental_health', 'substance_use'] }), [busy, quiet], ctx),
      ),
      [quiet.email, busy.email],
    );
  });

  it('when neither covers every ordered area, then fair shares decide and one area more does not count', () => {
    const busy = anExpert({ areas: ['mental_health', 'substance_use'] });
    const quiet = anExpert({ areas: ['mental_health'] });
    const ctx = aContext({ loads: { [busy.email]: assignmentsOn('2025-02-01') } });
    const order = anOrder({ areas: ['mental_health', 'substance_use', 'disability'] });
    assert.deepEqual(emails(rankCandidates(order, [busy, quiet], ctx)), [quiet.email, busy.email]);
  });

  it('when a remote task comes from a busy expert’s own municipality, then the local expert still comes before a less busy one', () => {
    const farQuiet = anExpert({ regions: ['Oulu'] });
    const nearBusy = anExpert({ regions: ['Jyväskylä'] });
    const ctx = aContext({
      loads: { [nearBusy.email]: assignmentsOn('2025-02-01', '2025-02-02') },
    });
    const ranked = rankCandidates(
      anOrder({ remote: true, municipality: 'Jyväskylä' }),
      [farQuiet, nearBusy],
      ctx,
    );
    assert.deepEqual(emails(ranked), [nearBusy.email, farQuiet.email]);
  });

  it('when an expert covers every area but is far, then they come before a local expert who covers fewer areas', () => {
    const farAll = anExpert({ regions: ['Oulu'], areas: ['mental_health', 'substance_use'] });
    const nearSome = anExpert({ regions: ['Jyväskylä'], areas: ['mental_health'] });
    const order = anOrder({
      remote: true,
      municipality: 'Jyväskylä',
      areas: ['mental_health', 'substance_use'],
    });
    assert.deepEqual(emails(rankCandidates(order, [nearSome, farAll], aContext())), [
      farAll.email,
      nearSome.email,
    ]);
  });

  it('when a busier expert has top feedback and a less busy one has none, then fair shares come before feedback', () => {
    const starBusy = anExpert();
    const plainQuiet = anExpert();
    const ctx = aContext({
      loads: {
        [starBusy.email]: { ...assignmentsOn('2025-02-01'), feedbackAverage: 5, feedbackCount: 10 },
      },
    });
    assert.deepEqual(emails(rankCandidates(anOrder(), [starBusy, plainQuiet], ctx)), [
      plainQuiet.email,
      starBusy.email,
    ]);
  });

  it('when the wished expert is far, has poor feedback and another is local with top feedback, then the wish still decides', () => {
    const local = anExpert({ regions: ['Jyväskylä'] });
    const wished = anExpert({ regions: ['Kuopio'] });
    const ctx = aContext({
      loads: {
        [local.email]: { assignments: [], feedbackAverage: 5, feedbackCount: 10 },
        [wished.email]: { assignments: [], feedbackAverage: 1, feedbackCount: 10 },
      },
    });
    const order = anOrder({ remote: true, wishedExpert: wished.email });
    assert.deepEqual(emails(rankCandidates(order, [local, wished], ctx)), [
      wished.email,
      local.email,
    ]);
    assert.deepEqual(
      emails(rankCandidates({ ...order, wishedExpert: undefined }, [local, wished], ctx)),
      [local.email, wished.email],
      'without the wish, fit comes first',
    );
  });

  it('when the orderer wished for an eligible expert, then they come first whatever their fit or load', () => {
    const best = anExpert({ areas: ['mental_health', 'substance_use'] });
    const wished = anExpert({ areas: ['mental_health'] });
    const ctx = aContext({ loads: { [wished.email]: assignmentsOn('2025-02-01', '2025-02-02') } });
    const order = anOrder({
      areas: ['mental_health', 'substance_use'],
      wishedExpert: wished.email,
    });
    const ranked = rankCandidates(order, [best, wished], ctx);
    assert.deepEqual(emails(ranked), [wished.email, best.email]);
    assert.deepEqual(
      ranked.map((c) => c.wished),
      [true, false],
    );
  });

  it('when the wished expert fails a hard rule, then they are not ranked at all', () => {
    const other = anExpert();
    const wished = anExpert({ languages: ['sv'] });
    assert.deepEqual(
      emails(rankCandidates(anOrder({ wishedExpert: wished.email }), [other, wished], aContext())),
      [other.email],
    );
  });

  it('when a remote task comes from the expert’s own municipality, then that expert comes first', () => {
    const far = anExpert({ regions: ['Oulu'] });
    const near = anExpert({ regions: ['Oulu', 'Jyväskylä'] });
    const ranked = rankCandidates(
      anOrder({ remote: true, municipality: 'Jyväskylä' }),
      [far, near],
      aContext(),
    );
    assert.deepEqual(emails(ranked), [near.email, far.email]);
    assert.deepEqual(
      ranked.map((c) => c.sameMunicipality),
      [true, false],
    );
  });

  it('when everything else is equal, then better feedback comes first and missing feedback counts as 3', () => {
    const poor = anExpert({ email: 'a-poor@example.fi' });
    const unknown = anExpert({ email: 'b-unknown@example.fi' });
    const good = anExpert({ email: 'c-good@example.fi' });
    const ctx = aContext({
      loads: {
        [good.email]: { assignments: [], feedbackAverage: 4.5, feedbackCount: 3 },
        [poor.email]: { assignments: [], feedbackAverage: 2.5, feedbackCount: 4 },
      },
    });
    const ranked = rankCandidates(anOrder(), [poor, unknown, good], ctx);
    assert.deepEqual(emails(ranked), [good.email, unknown.email, poor.email]);
    assert.equal(ranked[1]?.feedback, 3);
  });

  it('when an average rests on fewer than 3 ratings, then it counts as neutral', () => {
    const twoGood = anExpert({ email: 'a-two-good@example.fi' });
    const threeGood = anExpert({ email: 'b-three-good@example.fi' });
    const twoPoor = anExpert({ email: 'c-two-poor@example.fi' });
    const ctx = aContext({
      loads: {
        [twoGood.email]: { assignments: [], feedbackAverage: 5, feedbackCount: 2 },
        [threeGood.email]: { assignments: [], feedbackAverage: 4, feedbackCount: 3 },
        [twoPoor.email]: { assignments: [], feedbackAverage: 1, feedbackCount: 2 },
      },
    });
    const ranked = rankCandidates(anOrder(), [twoPoor, twoGood, threeGood], ctx);
    assert.deepEqual(emails(ranked), [threeGood.email, twoGood.email, twoPoor.email]);
    assert.deepEqual(
      ranked.map((c) => c.feedback),
      [4, 3, 3],
    );
  });

  it('when experts tie on everything, then they are ordered by email whatever the register order', () => {
    const a = anExpert({ email: 'aino@example.fi' });
    const b = anExpert({ email: 'bertta@example.fi' });
    const c = anExpert({ email: 'celia@example.fi' });
    assert.deepEqual(emails(rankCandidates(anOrder(), [c, a, b], aContext())), [
      a.email,
      b.email,
      c.email,
    ]);
    assert.deepEqual(emails(rankCandidates(anOrder(), [b, c, a], aContext())), [
      a.email,
      b.email,
      c.email,
    ]);
  });

  it('when some experts are ineligible, then only the eligible are ranked', () => {
    const fits = anExpert();
    const offered = anExpert();
    const removed = anExpert({ removed: true });
    const ranked = rankCandidates(
      anOrder(),
      [removed, offered, fits],
      aContext({ exclude: [offered.email] }),
    );
    assert.deepEqual(emails(ranked), [fits.email]);
  });
});

describe('matching experts: waves', () => {
  const c = (email: string): Candidate => ({
    email,
    wished: false,
    recentAssignments: 0,
    areaMatches: 1,
    coversAllAreas: true,
    sameMunicipality: true,
    feedback: 3,
  });

  it('when there are more candidates than the wave size, then the wave is the first ones', () => {
    assert.deepEqual(emails(pickWave([c('a'), c('b'), c('c')], 2)), ['a', 'b']);
  });

  it('when there are fewer candidates than the wave size, then the wave is all of them', () => {
    assert.deepEqual(emails(pickWave([c('a')], 5)), ['a']);
  });
});
