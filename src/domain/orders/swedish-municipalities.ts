import { ALAND_MUNICIPALITIES } from './municipalities';

/**
 * Finland's municipalities where Swedish is the only official language or the language of the
 * majority (Statistics Finland, early 2020s; Finnish name, then Swedish). A task ordered by a unit
 * in one of them is in Swedish unless the order says otherwise.
 *
 * Left out on purpose, bilingual with a Finnish-speaking majority: Porvoo/Borgå, Sipoo/Sibbo,
 * Loviisa/Lovisa, Hanko/Hangö, Kaskinen/Kaskö, Kauniainen/Grankulla, Lapinjärvi/Lappträsk,
 * Siuntio/Sjundeå, Kirkkonummi/Kyrkslätt, Vaasa/Vasa, Kokkola/Karleby, Turku/Åbo, Helsinki/Helsingfors.
 */
export const SWEDISH_SPEAKING_MUNICIPALITIES: readonly string[] = [
  // Åland: Swedish only.
  ...ALAND_MUNICIPALITIES,
  // The mainland's Swedish-only municipalities.
  'Korsnäs',
  'Luoto|Larsmo',
  'Närpiö|Närpes',
  // Bilingual, Swedish-speaking majority.
  'Inkoo|Ingå',
  'Kemiönsaari|Kimitoön',
  'Kristiinankaupunki|Kristinestad',
  'Kruunupyy|Kronoby',
  'Maalahti|Malax',
  'Mustasaari|Korsholm',
  'Parainen|Pargas',
  'Pedersöre',
  'Pietarsaari|Jakobstad',
  'Raasepori|Raseborg',
  'Uusikaarlepyy|Nykarleby',
  'Vöyri|Vörå',
];
