import assert from 'node:assert/strict';
import { canonicalMunicipality } from '../../src/domain/orders/canonical-municipality';
import { parseOrderText, type ParsedOrder } from '../../src/domain/orders/parse-order';
import { SWEDISH_SPEAKING_MUNICIPALITIES } from '../../src/domain/orders/swedish-municipalities';
import { isSwedishSpeakingMunicipality, taskLanguage } from '../../src/domain/orders/task-language';
import { LANGUAGES } from '../../src/domain/shared/vocabulary';
import {
  FIXTURE_NOW,
  ORDER_FIXTURES,
  TASK_LANGUAGE_FIXTURES,
  type ExpectedSlots,
} from '../fixtures/orders';

const SLOTS = [
  'taskType',
  'areas',
  'date',
  'dateProblem',
  'start',
  'end',
  'remote',
  'municipality',
  'address',
  'expertCount',
  'language',
  'wishedExpert',
] as const satisfies ReadonlyArray<keyof ExpectedSlots & keyof ParsedOrder>;
type Slot = (typeof SLOTS)[number];

function slotMatches(slot: Slot, expected: ExpectedSlots, actual: ParsedOrder): boolean {
  if (slot === 'areas') {
    const want = [...(expected.areas ?? [])].sort();
    const got = [...actual.areas].sort();
    return want.join(',') === got.join(',');
  }
  return expected[slot] === actual[slot];
}

describe('parse order text: accuracy over the fixture', () => {
  it('when every fixture order is parsed, then each slot is right in at least 95 % of each language', () => {
    const table: Record<string, Record<string, string>> = {};
    const misses: string[] = [];
    let worst = 1;
    for (const lang of LANGUAGES) {
      const fixtures = ORDER_FIXTURES.filter((f) => f.lang === lang);
      const row: Record<string, string> = { n: String(fixtures.length) };
      for (const slot of SLOTS) {
        let right = 0;
        for (const f of fixtures) {
          const actual = parseOrderText(f.text, FIXTURE_NOW);
          if (slotMatches(slot, f.expected, actual)) right++;
          else
            misses.push(
              `[${lang}] ${slot}: expected ${JSON.stringify(f.expected[slot])}, got ${JSON.stringify(actual[slot])} — ${f.text}`,
            );
        }
        const share = right / fixtures.length;
        worst = Math.min(worst, share);
        row[slot] = `${(share * 100).toFixed(0)}%`;
      }
      table[lang] = row;
    }
    console.table(table);
    if (misses.length > 0) console.log(misses.join('\n'));
    assert.ok(
      worst >= 0.95,
      `the weakest slot is right in only ${(worst * 100).toFixed(1)} % of orders`,
    );
  });

  it('when the fixture is counted, then it has at least 25 orders per language and 75 in all', () => {
    for (const lang of LANGUAGES) {
      assert.ok(ORDER_FIXTURES.filter((f) => f.lang === lang).length >= 25, lang);
    }
    assert.ok(ORDER_FIXTURES.length >= 75);
  });

  it('when an order is parsed, then the message language is detected', () => {
    const wrong = ORDER_FIXTURES.filter(
      (f) => parseOrderText(f.text, FIXTURE_NOW).messageLanguage !== f.lang,
    );
    assert.deepEqual(
      wrong.map((f) => f.text),
      [],
    );
  });
});

// Wednesday 25 November 2026, 12:00 in Helsinki.
const NOW = new Date('2026-11-25T10:00:00Z');
const parse = (text: string): ParsedOrder => parseOrderText(text, NOW);

describe('parse order text: dates', () => {
  const cases: Array<[string, string]> = [
    ['Luento tänään klo 15', '2026-11-25'],
    ['Luento huomenna', '2026-11-26'],
    ['Luento ylihuomenna', '2026-11-27'],
    ['Luento maanantaina', '2026-11-30'],
    ['Luento keskiviikkona', '2026-12-02'],
    ['Luento ensi tiistaina', '2026-12-01'],
    ['Luento ensi viikon perjantaina', '2026-12-04'],
    ['Luento ma 7.12. klo 10', '2026-12-07'],
    ['Luento 12.3.2027', '2027-03-12'],
    ['Luento 12/3 klo 10', '2027-03-12'],
    ['Luento 12. maaliskuuta', '2027-03-12'],
    ['Luento maaliskuun 12. päivä', '2027-03-12'],
    ['Luento 2027-03-12', '2027-03-12'],
    ['Föreläsning i morgon', '2026-11-26'],
    ['Föreläsning i övermorgon', '2026-11-27'],
    ['Föreläsning på tisdag', '2026-12-01'],
    ['Föreläsning den 12 mars', '2027-03-12'],
    ['Föreläsning tisdag nästa vecka', '2026-12-01'],
    ['Lecture tomorrow', '2026-11-26'],
    ['Lecture the day after tomorrow', '2026-11-27'],
    ['Lecture on Tuesday', '2026-12-01'],
    ['Lecture next Tuesday', '2026-12-01'],
    ['Lecture on Friday next week', '2026-12-04'],
    ['Lecture on March 12', '2027-03-12'],
    ['Lecture on the 12th of March', '2027-03-12'],
    ['Lecture 12 March 2027', '2027-03-12'],
  ];
  for (const [text, date] of cases) {
    it(`when the order says "${text}", then the date is ${date}`, () => {
      const order = parse(text);
      assert.equal(order.date, date);
      assert.equal(order.dateProblem, undefined);
    });
  }

  it('when a weekday name stands alone on that same weekday, then it means next week, not today', () => {
    assert.equal(parse('Lecture on Wednesday').date, '2026-12-02');
  });

  it('when a year-less date passed months ago, then it means next year', () => {
    assert.equal(parse('Luento 18.3. klo 9').date, '2027-03-18');
  });

  it('when a weekday abbreviation agrees with next year, then it confirms next year', () => {
    assert.equal(parse('Luento to 18.3. klo 9–11').date, '2027-03-18');
  });

  it('when a year-less date passed only days ago, then it is refused as in the past', () => {
    const order = parse('Luento 20.11. klo 10');
    assert.equal(order.date, undefined);
    assert.equal(order.dateProblem, 'date_in_past');
  });

  it('when a dated day is in the past, then it is refused as in the past', () => {
    assert.equal(parse('Luento 3.11.2026').dateProblem, 'date_in_past');
    assert.equal(parse('Lecture on 1 January 2025').dateProblem, 'date_in_past');
  });

  it('when the date does not exist, then it is refused as impossible', () => {
    for (const text of [
      'Luento 31.2. klo 10',
      'Luento 30.2.2027',
      'Lecture on 31 February',
      'Föreläsning 31.4',
    ]) {
      const order = parse(text);
      assert.equal(order.date, undefined, text);
      assert.equal(order.dateProblem, 'date_impossible', text);
    }
  });

  it('when a clock time looks like a date, then it is not taken for one', () => {
    const order = parse('Luento klo 10.15-11.00 huomenna');
    assert.equal(order.date, '2026-11-26');
    assert.equal(order.start, '10:15');
  });
});

describe('parse order text: times and durations', () => {
  const cases: Array<[string, string | undefined, string | undefined]> = [
    ['luento 4.12. klo 13–15', '13:00', '15:00'],
    ['luento 4.12. klo 9.00-11.30', '09:00', '11:30'],
    ['luento 4.12. 13-15', '13:00', '15:00'],
    ['luento 4.12. klo 13', '13:00', undefined],
    ['luento 4.12. kello 12.15', '12:15', undefined],
    ['föreläsning 4.12 kl. 13–15', '13:00', '15:00'],
    ['föreläsning 4.12 kl 9.30', '09:30', undefined],
    ['lecture on 4 December from 1 to 3 pm', '13:00', '15:00'],
    ['lecture on 4 December 1-3 pm', '13:00', '15:00'],
    ['lecture on 4 December 9:30am–11', '09:30', '11:00'],
    ['lecture on 4 December 13:00–15:00', '13:00', '15:00'],
    ['lecture on 4 December 11-1pm', '11:00', '13:00'],
    ['lecture on 4 December at 2pm', '14:00', undefined],
  ];
  for (const [text, start, end] of cases) {
    it(`when the order says "${text}", then it runs ${start ?? '?'}–${end ?? '?'}`, () => {
      const order = parse(text);
      assert.equal(order.start, start);
      assert.equal(order.end, end);
    });
  }

  it('when only a start and a duration are given, then the end is derived', () => {
    assert.deepEqual(pick(parse('Luento 4.12. klo 9, kesto 2 tuntia')), {
      start: '09:00',
      end: '11:00',
      durationMinutes: 120,
    });
    assert.deepEqual(pick(parse('Lecture 4.12. at 10:00, 90 min')), {
      start: '10:00',
      end: '11:30',
      durationMinutes: 90,
    });
    assert.deepEqual(pick(parse('Föreläsning 4.12 kl 13, 1,5 timmar')), {
      start: '13:00',
      end: '14:30',
      durationMinutes: 90,
    });
    assert.deepEqual(pick(parse('Luento 4.12. klo 12, puolitoista tuntia')), {
      start: '12:00',
      end: '13:30',
      durationMinutes: 90,
    });
    assert.deepEqual(pick(parse('Talk at 9am, an hour')), {
      start: '09:00',
      end: '10:00',
      durationMinutes: 60,
    });
  });

  it('when only a duration is given, then there is no start or end', () => {
    assert.deepEqual(pick(parse('Kahden tunnin luento ensi viikolla')), { durationMinutes: 120 });
  });

  it('when a number range counts people, then it is not a time', () => {
    const order = parse('Tarvitsemme 1-2 kokemusasiantuntijaa 4.12.');
    assert.equal(order.start, undefined);
    assert.equal(order.expertCount, 2);
  });

  function pick(o: ParsedOrder) {
    const out: Partial<ParsedOrder> = {};
    if (o.start) out.start = o.start;
    if (o.end) out.end = o.end;
    if (o.durationMinutes !== undefined) out.durationMinutes = o.durationMinutes;
    return out;
  }
});

describe('parse order text: number of experts', () => {
  const cases: Array<[string, number | undefined]> = [
    ['Tarvitsemme yhden kokemusasiantuntijan', 1],
    ['Tarvitsemme kaksi kokemusasiantuntijaa', 2],
    ['Etsimme kahta kokemusasiantuntijaa', 2],
    ['Tarvitaan kolme kokemusasiantuntijaa', 3],
    ['Tarvitaan neljä kokemusasiantuntijaa', 4],
    ['Tarvitaan viisi kokemusasiantuntijaa', 5],
    ['Tarvitaan 2 kokemusasiantuntijaa', 2],
    ['Tarvitsemme kaksi mielenterveyden kokemusasiantuntijaa', 2],
    ['Tarvitsemme kokemusasiantuntijan', 1],
    ['Tarvitsemme kokemusasiantuntijoita', undefined],
    ['We need one expert by experience', 1],
    ['We need two experts by experience', 2],
    ['We need three speakers', 3],
    ['We need an expert by experience', 1],
    ['Vi behöver en erfarenhetsexpert', 1],
    ['Vi behöver två erfarenhetsexperter', 2],
    ['Vi behöver tre erfarenhetsexperter', 3],
    ['Vi behöver ett par erfarenhetsexperter', 2],
  ];
  for (const [text, count] of cases) {
    it(`when the order says "${text}", then ${count ?? 'no'} experts are asked for`, () => {
      assert.equal(parse(text).expertCount, count);
    });
  }

  it('when numbers belong to an address, a duration or a date, then they are not a count', () => {
    const order = parse('Luento Keskussairaalantie 19, 2 tuntia, 12.3.2027 klo 13');
    assert.equal(order.expertCount, undefined);
    assert.equal(order.address, 'Keskussairaalantie 19');
    assert.equal(order.durationMinutes, 120);
  });
});

describe('parse order text: places', () => {
  const cases: Array<[string, string]> = [
    ['Luento Kuopiossa', 'Kuopio'],
    ['Luento Jyväskylässä', 'Jyväskylä'],
    ['Tule Jämsään', 'Jämsä'],
    ['Luento Äänekoskella', 'Äänekoski'],
    ['Luento Helsingissä', 'Helsinki'],
    ['Tule Helsinkiin', 'Helsinki'],
    ['Luento Turussa', 'Turku'],
    ['Luento Lahdessa', 'Lahti'],
    ['Luento Tampereella', 'Tampere'],
    ['Luento Oulussa', 'Oulu'],
    ['Luento Porissa', 'Pori'],
    ['Luento Joensuussa', 'Joensuu'],
    ['Luento Mikkelissä', 'Mikkeli'],
    ['Luento Seinäjoella', 'Seinäjoki'],
    ['Luento Rovaniemellä', 'Rovaniemi'],
    ['Luento Hämeenlinnassa', 'Hämeenlinna'],
    ['Luento Kajaanissa', 'Kajaani'],
    ['Luento Lappeenrannassa', 'Lappeenranta'],
    ['Luento Kotkassa', 'Kotka'],
    ['Luento Savonlinnassa', 'Savonlinna'],
    ['Luento Iisalmessa', 'Iisalmi'],
    ['Luento Vantaalla', 'Vantaa'],
    ['Luento Espoossa', 'Espoo'],
    ['Luento Kauniaisissa', 'Kauniainen'],
    ['Luento Kangasalla', 'Kangasala'],
    ['Luento Ylöjärvellä', 'Ylöjärvi'],
    ['Luento Varkaudessa', 'Varkaus'],
    ['Luento Uudessakaupungissa', 'Uusikaupunki'],
    ['Luento jyvaskylassa', 'Jyväskylä'],
    ['Föreläsning i Vasa', 'Vaasa'],
    ['Föreläsning i Helsingfors', 'Helsinki'],
    ['Föreläsning i Jakobstad', 'Pietarsaari'],
    ['Föreläsning i Korsholm', 'Mustasaari'],
    ['Föreläsning i Raseborg', 'Raasepori'],
    ['Föreläsning i Mariehamn', 'Maarianhamina'],
    ['Föreläsning i Åbo', 'Turku'],
    ['Lecture in Tampere', 'Tampere'],
  ];
  for (const [text, municipality] of cases) {
    it(`when the order says "${text}", then the municipality is ${municipality}`, () => {
      const order = parse(text);
      assert.equal(order.municipality, municipality);
      assert.equal(order.remote, false);
    });
  }

  it('when a common word looks like a town in lower case, then it is not taken for one', () => {
    for (const text of [
      'Luento salon tilaisuudessa',
      'Kemian opiskelijoille luento',
      'Luento lahdessa veneellä',
      'Tulen kotkassa',
    ]) {
      assert.equal(parse(text).municipality, undefined, text);
    }
  });

  it('when several towns are named, then the one in a locative case wins over a genitive', () => {
    assert.equal(parse('Jyväskylän yliopiston luento Äänekoskella').municipality, 'Äänekoski');
  });

  it('when a street address is given, then it is kept as written', () => {
    assert.equal(parse('Luento, Pentti Kaiteran katu 1, Oulu').address, 'Pentti Kaiteran katu 1');
    assert.equal(
      parse('Luento Helsingissä, Mannerheimintie 10 A 5.').address,
      'Mannerheimintie 10 A 5',
    );
    assert.equal(
      parse('Föreläsning, Mannerheimvägen 12, Helsingfors').address,
      'Mannerheimvägen 12',
    );
  });
});

describe('parse order text: remote', () => {
  for (const text of [
    'Luento Teamsissa',
    'Luento etänä',
    'Luento verkossa',
    'Lecture online',
    'Föreläsning på distans',
    'Luento Teams-yhteydellä',
    'Talk on Zoom',
  ]) {
    it(`when the order says "${text}", then it is remote`, () => {
      assert.equal(parse(text).remote, true);
    });
  }

  it('when remote is negated and a place is given, then it is on site', () => {
    assert.equal(parse('Luento Porvoossa, ei etänä').remote, false);
  });

  it('when neither place nor remote is said, then remote is open', () => {
    assert.equal(parse('Luento huomenna').remote, undefined);
  });

  it('when "teams" is an English plural, then it is not the Teams app', () => {
    assert.equal(parse('A talk for our social work teams').remote, undefined);
  });
});

describe('parse order text: task types, areas, language, audience and wishes', () => {
  const tasks: Array<[string, string]> = [
    ['Juttupenkille kokemusasiantuntija', 'juttupenkki'],
    ['Päivä elämässä -havainnointi', 'day_in_life'],
    ['Kokemusasiantuntija luentoon', 'lecture'],
    ['Kokemusasiantuntija vertaisryhmään', 'peer_group'],
    ['Kehittämisryhmän jäseneksi', 'development_group'],
    ['Parityöhön sosiaalityöntekijän kanssa', 'pair_work'],
    ['Tutkimushaastatteluun', 'evaluation'],
    ['Vertaisvastaanotolle', 'peer_reception'],
    ['Radiohaastattelu', 'media'],
    ['Yhteiskoulutukseen', 'joint_training'],
    ['En dag i livet', 'day_in_life'],
    ['Chat bench visit', 'juttupenkki'],
  ];
  for (const [text, task] of tasks) {
    it(`when the order says "${text}", then the task type is ${task}`, () => {
      assert.equal(parse(text).taskType, task);
    });
  }

  it('when neuropsychiatric words appear, then they are not read as mental health', () => {
    assert.deepEqual(parse('Luento neuropsykiatrisista häiriöistä').areas, ['neuropsychiatric']);
    assert.deepEqual(parse('Föreläsning om neuropsykiatriska funktionsnedsättningar').areas, [
      'neuropsychiatric',
    ]);
  });

  it('when the task language is stated, then it is read; otherwise it is open', () => {
    assert.equal(parse('Luento ruotsiksi').language, 'sv');
    assert.equal(parse('Föreläsning på engelska').language, 'en');
    assert.equal(parse('A lecture in Finnish').language, 'fi');
    assert.equal(parse('Luento huomenna').language, undefined);
  });

  it('when the SPEC example is parsed, then the audience and every slot are read', () => {
    const order = parse(
      'Tarvitsisimme kokemusasiantuntijan päihdetyön luennolle sairaanhoitajaopiskelijoille ti 12.3. klo 13–15, Jyväskylä, Keskussairaalantie 19',
    );
    assert.equal(order.audience, 'sairaanhoitajaopiskelijoille');
    assert.equal(order.taskType, 'lecture');
    assert.deepEqual(order.areas, ['substance_use']);
    assert.equal(order.municipality, 'Jyväskylä');
    assert.equal(order.messageLanguage, 'fi');
  });

  it('when the issue example is parsed, then every slot is read', () => {
    const order = parse(
      'Tarvitsemme mielenterveyden kokemusasiantuntijan luennoimaan hoitajille to 18.3. klo 9–11 Kuopiossa, Puijonlaaksontie 2',
    );
    assert.deepEqual(order, {
      taskType: 'lecture',
      areas: ['mental_health'],
      date: '2027-03-18',
      start: '09:00',
      end: '11:00',
      durationMinutes: 120,
      remote: false,
      municipality: 'Kuopio',
      address: 'Puijonlaaksontie 2',
      expertCount: 1,
      audience: 'hoitajille',
      messageLanguage: 'fi',
    });
  });

  it('when an English order names its audience, then it is read', () => {
    assert.equal(parse('A talk for nurses on Friday').audience, 'nurses');
    assert.equal(parse('Föreläsning för sjuksköterskor på fredag').audience, 'sjuksköterskor');
  });

  it('when a wish is stated, then its sentence is kept', () => {
    assert.equal(
      parse('Luento huomenna. Toivomme, että puhuja kertoo toipumisesta.').wishes,
      'Toivomme, että puhuja kertoo toipumisesta.',
    );
    assert.equal(
      parse('Lecture tomorrow. Preferably someone with experience of psychosis.').wishes,
      'Preferably someone with experience of psychosis.',
    );
    assert.equal(parse('Luento huomenna.').wishes, undefined);
  });
});

describe('the task language', () => {
  for (const f of TASK_LANGUAGE_FIXTURES) {
    const from = f.unitMunicipality ? ` from a unit in ${f.unitMunicipality}` : '';
    it(`when "${f.text}" is ordered${from}, then the task is in ${f.taskLanguage}`, () => {
      const parsed = parseOrderText(f.text, FIXTURE_NOW);
      assert.equal(parsed.messageLanguage, f.lang, 'the message language');
      const clues = {
        stated: parsed.language,
        messageLanguage: parsed.messageLanguage,
        unitMunicipality: f.unitMunicipality,
      };
      assert.equal(taskLanguage(clues), f.taskLanguage);
    });
  }

  it('when the fixture is counted, then every message language has a Finnish, a Swedish and an English task', () => {
    for (const lang of LANGUAGES) {
      const tasks = new Set(
        TASK_LANGUAGE_FIXTURES.filter((f) => f.lang === lang).map((f) => f.taskLanguage),
      );
      assert.deepEqual([...tasks].sort(), ['en', 'fi', 'sv'], lang);
    }
  });

  const phrases: Array<[string, string]> = [
    ['A lecture in English', 'en'],
    ['Luento englanniksi', 'en'],
    ['Luento englannin kielellä', 'en'],
    ['Föreläsning på engelska', 'en'],
    ['A lecture in Swedish', 'sv'],
    ['Luento ruotsiksi', 'sv'],
    ['Föreläsning på svenska', 'sv'],
    ['A lecture in Finnish', 'fi'],
    ['Luento suomeksi', 'fi'],
    ['Föreläsning på finska', 'fi'],
  ];
  for (const [text, lang] of phrases) {
    it(`when the order says "${text}", then that language wins over the message's and the unit's`, () => {
      const parsed = parse(text);
      assert.equal(
        taskLanguage({
          stated: parsed.language,
          messageLanguage: 'sv',
          unitMunicipality: 'Närpes',
        }),
        lang,
      );
      assert.equal(
        taskLanguage({
          stated: parsed.language,
          messageLanguage: 'en',
          unitMunicipality: 'Jyväskylä',
        }),
        lang,
      );
    });
  }

  it('when nothing names a language, then the task is Finnish, whatever the message language short of Swedish', () => {
    assert.equal(taskLanguage({ messageLanguage: 'en' }), 'fi');
    assert.equal(taskLanguage({ messageLanguage: 'fi', unitMunicipality: 'Jyväskylä' }), 'fi');
    assert.equal(taskLanguage({ messageLanguage: 'en', unitMunicipality: 'Helsingfors' }), 'fi');
    assert.equal(taskLanguage({ messageLanguage: 'sv', unitMunicipality: 'Jyväskylä' }), 'sv');
  });

  it('when every listed Swedish-speaking municipality is looked up by either name, then it is known and Swedish-speaking', () => {
    assert.ok(SWEDISH_SPEAKING_MUNICIPALITIES.length >= 30);
    for (const entry of SWEDISH_SPEAKING_MUNICIPALITIES) {
      const names = entry.split('|');
      for (const name of names) {
        assert.equal(
          canonicalMunicipality(name),
          names[0],
          `${name} is a municipality under its Finnish name`,
        );
        assert.ok(isSwedishSpeakingMunicipality(name), name);
        assert.ok(isSwedishSpeakingMunicipality(` ${name.toUpperCase()} `), `${name} in capitals`);
      }
    }
  });

  it('when a bilingual municipality has a Finnish-speaking majority, then it is not Swedish-speaking', () => {
    for (const name of [
      'Porvoo',
      'Borgå',
      'Sipoo',
      'Sibbo',
      'Loviisa',
      'Lovisa',
      'Hanko',
      'Hangö',
      'Kaskinen',
      'Kaskö',
      'Kauniainen',
      'Vaasa',
      'Vasa',
      'Kokkola',
      'Turku',
      'Helsinki',
    ]) {
      assert.equal(isSwedishSpeakingMunicipality(name), false, name);
    }
    assert.equal(isSwedishSpeakingMunicipality('Jyväskylä'), false);
    assert.equal(isSwedishSpeakingMunicipality('Narnia'), false);
    assert.equal(isSwedishSpeakingMunicipality(''), false);
  });
});

describe('parse order text: the seeds’ words for task types', () => {
  const cases: Array<[string, string]> = [
    [
      'Tarvitsemme omaisryhmän ohjaajaksi kokemusasiantuntijan ti 15.12. klo 17-19 Kuopiossa',
      'peer_group',
    ],
    ['Anhöriggrupp, en ledare 15.12. kl 17-19 i Vasa', 'peer_group'],
    ['We need someone to co-lead a relatives group on 15 December 17-19 in Kuopio', 'peer_group'],
    ['Yhteisvalmennus to 17.12. klo 9-12 Jyväskylä', 'joint_training'],
    ['Vanhempainiltaan kokemusasiantuntija 10.12. klo 18-19 Vaasa', 'lecture'],
    ['Föräldramöte 10.12. kl 18-19 i Vasa, en erfarenhetsexpert', 'lecture'],
    ["An expert by experience for our parents' evening on 10 December 18-19 in Espoo", 'lecture'],
    ['Omaisryhmän ohjaajaksi Lahteen keskiviikkoisin klo 17-18.30', 'peer_group'],
    [
      'Tarvitsemme kokemusasiantuntijan yhteisvalmennukseen Tampereelle 9.12. klo 9-15',
      'joint_training',
    ],
    ['Kokemusasiantuntija vanhempainillan puhujaksi', 'lecture'],
    ['En ledare för vår anhöriggrupp i Jakobstad, torsdag 10.12 kl 17-19', 'peer_group'],
    ['Föräldrakväll i skolan i Borgå 3.12 kl 18-19.30, en erfarenhetsexpert berättar', 'lecture'],
    ['Samskapande utbildning för vårdpersonalen 9.12 kl 9-12 i Vasa', 'joint_training'],
    ['Samskapande fortbildning för personalen', 'joint_training'],
    ['Parents night at the daycare on 3 December', 'lecture'],
  ];
  for (const [text, taskType] of cases)
    it(`when an orderer writes "${text.slice(0, 40)}…", then the task type is ${taskType}`, () => {
      assert.equal(parseOrderText(text, FIXTURE_NOW).taskType, taskType);
    });
});

describe('parse order text: mentoring is no longer ordered', () => {
  const asks = [
    'tarvitsisimme mentorointia uudelle kokemusasiantuntijalle',
    'Mentorointi',
    'Vi skulle behöva mentorskap för en ny erfarenhetsexpert',
    'We need mentoring for a new expert by experience',
  ];
  for (const text of asks)
    it(`when an orderer asks "${text.slice(0, 40)}", then no task type is read and the message is marked as asking mentoring`, () => {
      const parsed = parseOrderText(text, FIXTURE_NOW);
      assert.equal(parsed.taskType, undefined);
      assert.equal(parsed.notOrderable, 'mentoring');
    });

  it('when mentoring is the topic of an orderable task, then that task is read and nothing is marked', () => {
    const parsed = parseOrderText(
      'Luento mentoroinnista sairaanhoitajille 3.12. klo 10-11',
      FIXTURE_NOW,
    );
    assert.equal(parsed.taskType, 'lecture');
    assert.equal(parsed.notOrderable, undefined);
  });

  it('when no fixture is parsed, then none of them comes out as mentoring', () => {
    for (const f of ORDER_FIXTURES)
      assert.notEqual(parseOrderText(f.text, FIXTURE_NOW).taskType, 'mentoring', f.text);
  });
});
