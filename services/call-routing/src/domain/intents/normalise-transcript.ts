/**
 * Transcripts come from a speech-to-text engine or a caller's SMS-like typing: accents may be missing, « rendez-vous »
 * arrives as « rdv », « rendezvous » or « rendez vou ». The patterns are written once against one canonical spelling
 * instead of every variant, so every text goes through here first.
 */

/** Whole-word respellings, applied after accents and punctuation are gone (keys and values in canonical form). */
const RESPELLINGS: ReadonlyMap<string, string> = new Map([
  // appointments
  ['rdv', 'rendez vous'],
  ['rdvs', 'rendez vous'],
  ['rendezvous', 'rendez vous'],
  ['rendevous', 'rendez vous'],
  ['vou', 'vous'],
  ['dispo', 'disponibilite'],
  ['dispos', 'disponibilites'],
  ['consult', 'consultation'],
  // prescriptions and care
  ['ordo', 'ordonnance'],
  ['ordos', 'ordonnances'],
  ['ordonance', 'ordonnance'],
  ['ordonances', 'ordonnances'],
  ['ordonnace', 'ordonnance'],
  ['renouv', 'renouvellement'],
  ['renouvelement', 'renouvellement'],
  ['medoc', 'medicament'],
  ['medocs', 'medicaments'],
  ['kine', 'kinesitherapeute'],
  ['kines', 'kinesitherapeutes'],
  ['kinesi', 'kinesitherapeute'],
  ['labo', 'laboratoire'],
  ['labos', 'laboratoires'],
  ['echo', 'echographie'],
  ['radios', 'radio'],
  ['exam', 'examen'],
  ['exams', 'examens'],
  ['certif', 'certificat'],
  ['secu', 'securite sociale'],
  ['dr', 'docteur'],
  ['docteure', 'docteur'],
  ['toubib', 'docteur'],
  ['mme', 'madame'],
  ['mr', 'monsieur'],
  // SMS spellings and contractions a speech engine glues together
  ['bjr', 'bonjour'],
  ['bsr', 'bonsoir'],
  ['svp', 's il vous plait'],
  ['stp', 's il te plait'],
  ['slt', 'salut'],
  ['dsl', 'desole'],
  ['jvoudrais', 'je voudrais'],
  ['jvoulais', 'je voulais'],
  ['jveux', 'je veux'],
  ['jpeux', 'je peux'],
  ['jpourrai', 'je pourrai'],
  ['jsuis', 'je suis'],
  ['chui', 'je suis'],
  ['chuis', 'je suis'],
  ['jsais', 'je sais'],
  ['jai', 'j ai'],
  ['jaurais', 'j aurais'],
  ['cest', 'c est'],
  ['pr', 'pour'],
  ['ke', 'que'],
  ['koi', 'quoi'],
  ['bcp', 'beaucoup'],
  ['tt', 'tout'],
  ['ds', 'dans'],
  ['vs', 'vous'],
  ['qd', 'quand'],
  ['pcq', 'parce que'],
  ['psk', 'parce que'],
  ['auj', 'aujourd hui'],
  ['ajd', 'aujourd hui'],
  ['aujourdhui', 'aujourd hui'],
]);

const COMBINING_MARKS = /[\u0300-\u036f]/g;
/** Apostrophes (typed or typographic), hyphens and any other punctuation become word gaps. */
const NOT_A_WORD_CHARACTER = /[^a-z0-9]+/g;

/**
 * Lower case, no accents (NFD then the combining marks dropped; « œ » spelled « oe »), letters and digits only,
 * single spaces, SMS spellings and abbreviations respelled: « Bonjour, j'voudrais un RDV chez le kiné ! » →
 * « bonjour j voudrais un rendez vous chez le kinesitherapeute ».
 */
export function normaliseTranscript(text: string): string {
  const plain = text
    .toLowerCase()
    .replace(/œ/g, 'oe')
    .replace(/æ/g, 'ae')
    .normalize('NFD')
    .replace(COMBINING_MARKS, '')
    .replace(NOT_A_WORD_CHARACTER, ' ')
    .trim();
  if (plain === '') return '';
  const words = plain.split(' ');
  return words
    .map((word, i) => {
      // SMS « c pour un rdv » is « c'est pour… »; the « c » of a written « c'est » is already followed by « est ».
      if (word === 'c') return words[i + 1] === 'est' ? word : 'c est';
      return RESPELLINGS.get(word) ?? word;
    })
    .join(' ');
}
