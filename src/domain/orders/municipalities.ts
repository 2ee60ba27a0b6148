/**
 * Finland's 309 municipalities (2021–2025), grouped by region: the Finnish name, then the Swedish name
 * where one is in use ("Helsinki|Helsingfors"). Åland's municipalities have only Swedish names.
 */
const BY_REGION: Record<string, readonly string[]> = {
  uusimaa: [
    'Askola', 'Espoo|Esbo', 'Hanko|Hangö', 'Helsinki|Helsingfors', 'Hyvinkää|Hyvinge', 'Inkoo|Ingå',
    'Järvenpää|Träskända', 'Karkkila|Högfors', 'Kauniainen|Grankulla', 'Kerava|Kervo',
    'Kirkkonummi|Kyrkslätt', 'Lapinjärvi|Lappträsk', 'Lohja|Lojo', 'Loviisa|Lovisa',
    'Myrskylä|Mörskom', 'Mäntsälä', 'Nurmijärvi', 'Pornainen|Borgnäs', 'Porvoo|Borgå', 'Pukkila',
    'Raasepori|Raseborg', 'Sipoo|Sibbo', 'Siuntio|Sjundeå', 'Tuusula|Tusby', 'Vantaa|Vanda',
    'Vihti|Vichtis',
  ],
  varsinaisSuomi: [
    'Aura', 'Kaarina|S:t Karins', 'Kemiönsaari|Kimitoön', 'Koski Tl', 'Kustavi|Gustavs',
    'Laitila|Letala', 'Lieto|Lundo', 'Loimaa', 'Marttila|S:t Mårtens', 'Masku', 'Mynämäki|Virmo',
    'Naantali|Nådendal', 'Nousiainen|Nousis', 'Oripää', 'Paimio|Pemar', 'Parainen|Pargas',
    'Pyhäranta', 'Pöytyä', 'Raisio|Reso', 'Rusko', 'Salo', 'Sauvo|Sagu', 'Somero',
    'Taivassalo|Tövsala', 'Turku|Åbo', 'Uusikaupunki|Nystad', 'Vehmaa',
  ],
  satakunta: [
    'Eura', 'Eurajoki|Euraåminne', 'Harjavalta', 'Huittinen|Vittis', 'Jämijärvi', 'Kankaanpää',
    'Karvia', 'Kokemäki|Kumo', 'Merikarvia|Sastmola', 'Nakkila', 'Pomarkku|Påmark',
    'Pori|Björneborg', 'Rauma|Raumo', 'Siikainen', 'Säkylä', 'Ulvila|Ulvsby',
  ],
  kantaHame: [
    'Forssa', 'Hattula', 'Hausjärvi', 'Humppila', 'Hämeenlinna|Tavastehus', 'Janakkala',
    'Jokioinen|Jockis', 'Loppi', 'Riihimäki', 'Tammela', 'Ypäjä',
  ],
  pirkanmaa: [
    'Akaa', 'Hämeenkyrö|Tavastkyro', 'Ikaalinen|Ikalis', 'Juupajoki', 'Kangasala', 'Kihniö',
    'Kuhmoinen', 'Lempäälä', 'Mänttä-Vilppula', 'Nokia', 'Orivesi', 'Parkano', 'Pirkkala|Birkala',
    'Punkalaidun', 'Pälkäne', 'Ruovesi', 'Sastamala', 'Tampere|Tammerfors', 'Urjala',
    'Valkeakoski', 'Vesilahti|Vesilax', 'Virrat|Virdois', 'Ylöjärvi',
  ],
  paijatHame: [
    'Asikkala', 'Hartola|Gustav Adolfs', 'Heinola', 'Hollola', 'Iitti|Itis', 'Kärkölä',
    'Lahti|Lahtis', 'Orimattila', 'Padasjoki', 'Sysmä',
  ],
  kymenlaakso: ['Hamina|Fredrikshamn', 'Kotka', 'Kouvola', 'Miehikkälä', 'Pyhtää|Pyttis', 'Virolahti|Vederlax'],
  etelaKarjala: [
    'Imatra', 'Lappeenranta|Villmanstrand', 'Lemi', 'Luumäki', 'Parikkala', 'Rautjärvi',
    'Ruokolahti', 'Savitaipale', 'Taipalsaari',
  ],
  etelaSavo: [
    'Enonkoski', 'Hirvensalmi', 'Juva', 'Kangasniemi', 'Mikkeli|S:t Michel', 'Mäntyharju',
    'Pertunmaa', 'Pieksämäki', 'Puumala', 'Rantasalmi', 'Savonlinna|Nyslott', 'Sulkava',
  ],
  pohjoisSavo: [
    'Iisalmi|Idensalmi', 'Joroinen|Jorois', 'Kaavi', 'Keitele', 'Kiuruvesi', 'Kuopio', 'Lapinlahti',
    'Leppävirta', 'Pielavesi', 'Rautalampi', 'Rautavaara', 'Siilinjärvi', 'Sonkajärvi',
    'Suonenjoki', 'Tervo', 'Tuusniemi', 'Varkaus', 'Vesanto', 'Vieremä',
  ],
  pohjoisKarjala: [
    'Heinävesi', 'Ilomantsi|Ilomants', 'Joensuu', 'Juuka', 'Kitee', 'Kontiolahti', 'Lieksa',
    'Liperi', 'Nurmes', 'Outokumpu', 'Polvijärvi', 'Rääkkylä', 'Tohmajärvi',
  ],
  keskiSuomi: [
    'Hankasalmi', 'Joutsa', 'Jyväskylä', 'Jämsä', 'Kannonkoski', 'Karstula', 'Keuruu|Keuru',
    'Kinnula', 'Kivijärvi', 'Konnevesi', 'Kyyjärvi', 'Laukaa', 'Luhanka', 'Multia', 'Muurame',
    'Petäjävesi', 'Pihtipudas', 'Saarijärvi', 'Toivakka', 'Uurainen', 'Viitasaari', 'Äänekoski',
  ],
  etelaPohjanmaa: [
    'Alajärvi', 'Alavus', 'Evijärvi', 'Ilmajoki|Ilmola', 'Isojoki|Storå', 'Isokyrö|Storkyro',
    'Karijoki|Bötom', 'Kauhajoki', 'Kauhava', 'Kuortane', 'Kurikka', 'Lappajärvi', 'Lapua|Lappo',
    'Seinäjoki', 'Soini', 'Teuva|Östermark', 'Vimpeli|Vindala', 'Ähtäri|Etseri',
  ],
  pohjanmaa: [
    'Kaskinen|Kaskö', 'Korsnäs', 'Kristiinankaupunki|Kristinestad', 'Kruunupyy|Kronoby',
    'Laihia|Laihela', 'Luoto|Larsmo', 'Maalahti|Malax', 'Mustasaari|Korsholm', 'Närpiö|Närpes',
    'Pedersöre', 'Pietarsaari|Jakobstad', 'Uusikaarlepyy|Nykarleby', 'Vaasa|Vasa', 'Vöyri|Vörå',
  ],
  keskiPohjanmaa: [
    'Halsua|Halsö', 'Kannus', 'Kaustinen|Kaustby', 'Kokkola|Karleby', 'Lestijärvi', 'Perho',
    'Toholampi', 'Veteli|Vetil',
  ],
  pohjoisPohjanmaa: [
    'Alavieska', 'Haapajärvi', 'Haapavesi', 'Hailuoto|Karlö', 'Ii|Ijo', 'Kalajoki', 'Kempele',
    'Kuusamo', 'Kärsämäki', 'Liminka|Limingo', 'Lumijoki', 'Merijärvi', 'Muhos', 'Nivala',
    'Oulainen', 'Oulu|Uleåborg', 'Pudasjärvi', 'Pyhäjoki', 'Pyhäjärvi', 'Pyhäntä',
    'Raahe|Brahestad', 'Reisjärvi', 'Sievi', 'Siikajoki', 'Siikalatva', 'Taivalkoski', 'Tyrnävä',
    'Utajärvi', 'Vaala', 'Ylivieska',
  ],
  kainuu: ['Hyrynsalmi', 'Kajaani|Kajana', 'Kuhmo', 'Paltamo', 'Puolanka', 'Ristijärvi', 'Sotkamo', 'Suomussalmi'],
  lappi: [
    'Enontekiö|Enontekis', 'Inari|Enare', 'Kemi', 'Kemijärvi', 'Keminmaa', 'Kittilä', 'Kolari',
    'Muonio', 'Pelkosenniemi', 'Pello', 'Posio', 'Ranua', 'Rovaniemi', 'Salla', 'Savukoski', 'Simo',
    'Sodankylä', 'Tervola', 'Tornio|Torneå', 'Utsjoki', 'Ylitornio|Övertorneå',
  ],
  ahvenanmaa: [
    'Brändö', 'Eckerö', 'Finström', 'Föglö', 'Geta', 'Hammarland', 'Jomala', 'Kumlinge', 'Kökar',
    'Lemland', 'Lumparland', 'Maarianhamina|Mariehamn', 'Saltvik', 'Sottunga', 'Sund', 'Vårdö',
  ],
};

export interface Municipality {
  /** Canonical name: Finnish where one exists. */
  name: string;
  swedishName?: string;
}

export const MUNICIPALITIES: readonly Municipality[] = Object.values(BY_REGION)
  .flat()
  .map((entry) => {
    const [name = entry, swedishName] = entry.split('|');
    return swedishName ? { name, swedishName } : { name };
  });
