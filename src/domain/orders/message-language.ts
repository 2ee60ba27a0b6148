import type { Language } from '../shared/vocabulary';
import type { Word } from './text';

const MARKERS: Record<Language, ReadonlySet<string>> = {
  fi: new Set(
    (
      'ja on tai klo kello hei moi terve tarvitsemme tarvitsisimme tarvitaan tarvittaisiin tarvitsee olisi voisiko voisitteko ' +
      'että kanssa huomenna tänään ylihuomenna aiheena aiheesta tilaus toivomme etänä kiitos terveisin alkaen noin ensi ' +
      'meillä meidän olemme haluaisimme kaipaisimme etsimme pyydämme tule tulla kertomaan luento ryhmä asti saakka mukaan ' +
      'sekä myös vielä jos kun joka joilla jolla paikka paikkana osoite päivä aika kokemusasiantuntija kokemusasiantuntijan ' +
      'kokemusasiantuntijaa kokemusasiantuntijoita hän ei siis maanantaina tiistaina keskiviikkona torstaina perjantaina ' +
      'lauantaina sunnuntaina luennolle luentoa aihe kesto paikalla mutta itse voisi voi nyt tämä tässä se ne me te he ' +
      'mitä missä milloin vain oli olla tai kuin'
    ).split(' '),
  ),
  sv: new Set(
    (
      'och att en ett för på vi behöver skulle till med kl är som hej av om den det inom vår våra vårt kan från tack söker ' +
      'önskar nästa imorgon morgon ni har ha vill beställa beställning plats adress gärna helst eller också under efter ' +
      'erfarenhetsexpert erfarenhetsexperter erfarenhetsexperten någon hälsningar mvh träffen möte mötet måndag tisdag ' +
      'onsdag torsdag fredag lördag söndag föreläsning mars maj juni juli oktober timmar timme'
    ).split(' '),
  ),
  en: new Set(
    (
      'the and we need for to at would an a please of with hi hello our is in from can could thanks thank by about ' +
      'would like looking someone who will be are this that next tomorrow experts expert experience regards order ' +
      'session meeting you your it should on address lecture talk monday tuesday wednesday thursday friday saturday ' +
      'sunday january february march may june july october hours hour'
    ).split(' '),
  ),
};

/** The language a message is written in, by its small words; Finnish when unsure. */
export function detectMessageLanguage(ws: readonly Word[]): Language {
  const score: Record<Language, number> = { fi: 0, sv: 0, en: 0 };
  for (const w of ws) {
    for (const lang of ['fi', 'sv', 'en'] as const)
      if (MARKERS[lang].has(w.folded)) score[lang] += 1;
    if (
      /(?:ssa|ssä|lla|llä|lle|sta|stä|aan|ään|een|ksi|nsa|nsä|ni|mme|tte|aa|ää)$/u.test(w.folded) &&
      w.folded.length > 4
    )
      score.fi += 0.5;
    if (/[å]/u.test(w.folded)) score.sv += 0.5;
  }
  if (score.sv > score.fi && score.sv >= score.en) return 'sv';
  if (score.en > score.fi && score.en > score.sv) return 'en';
  return 'fi';
}
