/**
 * What a caller says when a life may be at stake. Any of these makes the call an emergency whatever else is said
 * (« je voudrais un rendez-vous, j'ai une douleur thoracique » goes to the 15): a missed emergency costs far more than a
 * caller sent to the SAMU for nothing, so the list errs on the side of firing. Patterns are written against
 * normalised text (normalise-transcript.ts: no accents, no apostrophes, single spaces).
 */
interface UrgencyExpression {
  /** Named in `matched` and in the decision trace. */
  label: string;
  /** Every pattern must be heard (one is the usual case; a baby's fever needs its warning sign too). */
  allOf: readonly RegExp[];
}

/** An expression heard in any of its wordings. */
const expression = (label: string, ...wordings: string[]): UrgencyExpression => ({
  label,
  allOf: [new RegExp(`\\b(?:${wordings.join('|')})\\b`, 'g')],
});

export const URGENCY_EXPRESSIONS: readonly UrgencyExpression[] = [
  // heart
  expression(
    'douleur thoracique',
    'douleurs? (?:thoraciques?|(?:dans|a|sur) la poitrine|au thorax|au coeur)',
    'mal (?:a|dans) la poitrine',
    '(?:serre|serrement|oppression|pression|poids|barre) (?:dans|a|sur) la poitrine',
    'poitrine (?:qui )?(?:serre|brule|fait mal)',
    '(?:etau|serre|serrement|oppression|pression|poids|barre|ecrase\\w*) (?:\\w+ ){0,2}(?:sur|dans|a|au) (?:la |le )?(?:poitrine|coeur|thorax|sternum)',
  ),
  expression('infarctus', 'infarctus|crise cardiaque|arret cardiaque'),
  // breathing
  expression(
    'ne respire plus',
    '(?:ne )?respire (?:plus|pas)',
    '(?:arrive|arrivent|peut|peux|peuvent) (?:plus|pas) a respirer|(?:ne )?(?:peut|peux) (?:plus|pas) respirer',
    '(?:s est )?arrete de respirer',
  ),
  expression('du mal a respirer', '(?:du |beaucoup de )?mal a respirer|respire (?:tres )?mal|difficultes? a respirer'),
  expression(
    'étouffe',
    'etouff\\w*|manque d air|suffoqu\\w*|asphyx\\w*|souffle coupe|(?:reprendre|retrouver) (?:son|mon|sa) souffle',
  ),
  // consciousness
  expression(
    'perte de connaissance',
    'inconscient(?:e|s|es)?',
    'perdu connaissance|perte de connaissance|(?:s est |s etait )?evanoui\\w*|tombe dans les pommes',
    'ne (?:repond|reagit|bouge) plus|(?:ne )?se reveille (?:pas|plus)',
    'fait un malaise',
    'dans (?:le coltar|les vapes|le cirage)|ne reagit (?:pas|plus)|yeux revulses',
  ),
  expression('convulsions', 'convuls\\w*|crise d epilepsie|crise convulsive'),
  // stroke
  expression(
    'AVC',
    'avc|attaque cerebrale',
    'bouche (?:de travers|tordue|deformee)',
    '(?:visage|bouche|joue|levre|paupiere) (?:\\w+ ){0,3}(?:qui tombe|tombe|affaisse\\w*|de travers|deforme\\w*)',
    'bafouill\\w*|(?:n )?articule plus|parle (?:bizarrement|bizarre|de travers)|(?:trouver|trouve|cherche) (?:ses|mes|les) mots',
    '(?:bras|jambe|main|cote|visage) (?:\\w+ ){0,2}(?:engourdi|insensible)\\w*',
    '(?:ne )?(?:peut|peux|arrive) (?:plus|pas) (?:a )?parler',
    '(?:bras|jambe) (?:qui )?ne bouge plus|(?:ne )?bouge plus (?:le|son|sa) (?:bras|jambe)',
    'paralys\\w*',
  ),
  // bleeding and wounds
  expression(
    'hémorragie',
    'hemorragie',
    'saign\\w* (?:beaucoup|abondamment|enormement|fort|sans arret|de partout)',
    '(?:perd|perdu) (?:beaucoup|enormement) de sang|plein de sang|sang (?:partout|qui coule|gicle)|flaque de sang',
    'piss\\w* le sang|saigne (?:grave|comme)|saign\\w* (?:de|a) la tete',
    'ca (?:s arrete|arrete) pas de saigner|n arrete pas de saigner',
  ),
  expression('plaie profonde', '(?:s est|me suis|s etait|t es) ouvert\\w*|coupure profonde|c est profond'),
  // poisoning and self-harm
  expression(
    'intoxication',
    'intoxi\\w*|empoisonn\\w*|surdose|overdose',
    '(?:avale|bu|ingere|mange) (?:\\w+ ){0,3}(?:medicaments|cachets|comprimes|pilules|produit|javel|detergent|lessive|liquide vaisselle|essence|white spirit|insecticide|mort aux rats|champignons)',
  ),
  expression(
    'idées suicidaires',
    'idees? (?:suicidaires?|noires?)|suicid\\w*',
    'mettre fin a (?:ses|mes|sa|ma|leurs) (?:jours|vie)',
    '(?:veux|veut|voulait|vais|va) en finir|me tuer|se tuer|plus envie de vivre|(?:me|se|te) foutre en l air|(?:me|se) (?:pendre|jeter (?:sous|par|du|d un))|passer a l acte',
  ),
  // burns and allergy
  expression(
    'brûlure grave',
    'brulures? (?:grave|graves|profondes?|au (?:troisieme|3e|second|deuxieme) degre|etendues?)',
    '(?:grave|gravement|tres) brule\\w*|brule gravement|eau bouillante|huile bouillante',
  ),
  expression(
    'allergie grave',
    'gorge (?:qui )?(?:gonfle|enfle)|(?:gonfle|enfle) (?:\\w+ ){0,3}gorge',
    '(?:langue|levres|visage) (?:qui )?(?:gonfle|enfle)',
    'oedeme de quincke|choc anaphylactique|anaphyla\\w*',
  ),
  // infants and childbirth
  {
    label: 'bébé fiévreux et somnolent',
    allOf: [
      /\b(?:bebe|nourrisson|nouveau ne|nouveau nee)\b/g,
      /\b(?:fievre|temperature)\b/g,
      /\b(?:somnolent\w*|endormi\w*|mou|molle|amorphe|tres forte|tres elevee|40|41|ne se reveille \w+|ne reagit \w+|geint)\b/g,
    ],
  },
  expression('accouchement', 'perdu les eaux|perte des eaux|poche des eaux|accouch\\w*|contractions'),
  // said outright
  expression('urgence vitale', 'urgence vitale|appeler le (?:15|samu)|appeler les pompiers'),
];

/**
 * « pas de douleur thoracique », « sans hémorragie », « il n'a pas perdu connaissance »: the expression is denied.
 * Only a negation right before it counts, so « je sais pas, il ne respire plus » still fires; « plus » is left out on
 * purpose (« de plus en plus de douleur à la poitrine ») and so is « pas mal de » (colloquial « a lot of »).
 */
const DENIED = /\b(?:pas|sans|aucune?|jamais)(?: eu)?(?: de| d| du| des)? $/;

function heardUndenied(pattern: RegExp, text: string): boolean {
  for (const match of text.matchAll(pattern)) {
    if (!DENIED.test(text.slice(Math.max(0, match.index - 16), match.index))) return true;
  }
  return false;
}

/** The labels of the urgency expressions heard (and not denied) in a normalised transcript. */
export function urgencyExpressionsIn(normalisedText: string): string[] {
  return URGENCY_EXPRESSIONS.filter(({ allOf }) =>
    allOf.every((pattern) => heardUndenied(pattern, normalisedText)),
  ).map(({ label }) => label);
}
