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

/** What a chest pain is called when the words « douleur thoracique » are not used. */
const CHEST_PAIN =
  '(?:douleurs?|mal|serre\\w*|serrement|oppress\\w*|brul\\w*|poids|pression|point|ecrase\\w*|ecrasement|comprim\\w*|barre|etau|coup de poignard)';
/** The chest in the words callers use. */
const CHEST = '(?:poitrine|thorax|sternum|torse)';

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
    // any pain word a few words from the chest, either order (« une douleur terrible dans la poitrine », « ça me serre
    // fort la poitrine », « la poitrine, ça m'écrase »); « mal au cœur » (nausea) is left out on purpose
    `${CHEST_PAIN} (?:\\w+ ){0,4}(?:la |le |ma |mon |sa |son )?${CHEST}`,
    `${CHEST} (?:\\w+ ){0,4}${CHEST_PAIN}`,
    // pain spreading to the arm or the jaw, the classic sign of a heart attack
    '(?:descend\\w*|irradi\\w*|remonte\\w*|part|partent|file|monte) (?:\\w+ ){0,3}(?:bras|machoire|epaule gauche)',
    '(?:fourmill\\w*|lourd\\w*) (?:\\w+ ){0,3}bras gauche|bras gauche (?:\\w+ ){0,3}(?:fourmill\\w*|lourd)',
  ),
  {
    // a painful left arm or jaw alone is common (a vaccine, a tooth); with sweating, nausea or a malaise it is the heart
    label: 'douleur cardiaque',
    allOf: [
      /\b(?:bras gauche|machoire)\b/g,
      /\b(?:transpir\w*|sueurs?|essouffl\w*|nausee\w*|vomi\w*|malaise|pale|sens mal|sent mal)\b/g,
    ],
  },
  expression('infarctus', 'infarctus|crise cardiaque|arret cardiaque'),
  expression(
    'cœur qui s’emballe',
    'coeur (?:qui )?(?:s emballe|(?:bat|tape|cogne) (?:tres |trop |super |hyper |si )?(?:vite|fort)|s arrete)|tachycardie',
    '(?:vais|va|allait) mourir|en train de (?:mourir|partir|faire une crise)|je meurs(?! de)',
  ),
  // breathing
  expression(
    'ne respire plus',
    '(?:ne )?respire (?:plus|pas)',
    '(?:arrive|arrivent|peut|peux|peuvent) (?:plus|pas) a respirer|(?:ne )?(?:peut|peux) (?:plus|pas) respirer',
    '(?:s est )?arrete de respirer',
    // a child's respiratory distress: wheezing, the belly or the ribs pulled in, the nostrils flaring
    'siffl\\w* (?:\\w+ ){0,2}respir\\w*|respir\\w* (?:\\w+ ){0,2}siffl\\w*',
    'tire sur (?:son|le|sa) (?:ventre|cou)|(?:cotes|ventre) (?:qui )?se creuse\\w*|tirage|battement des ailes du nez',
  ),
  expression(
    'du mal a respirer',
    '(?:du |beaucoup de )?mal a respirer|respire (?:tres )?(?:mal|vite|difficilement|bizarrement)|difficultes? a respirer',
    '(?:fait|fais|en pleine) (?:une )?crise d asthme|crise d asthme (?:\\w+ ){0,5}(?:passe pas|marche pas|fait rien|grave|forte)',
  ),
  expression(
    'étouffe',
    'etouff\\w*|manque d air|suffoqu\\w*|asphyx\\w*|souffle coupe|(?:reprendre|retrouver) (?:son|mon|sa) (?:souffle|respiration)|noyade|noye|noyee|noyer',
  ),
  // consciousness
  expression(
    'perte de connaissance',
    'inconscient(?:e|s|es)?',
    'perdu connaissance|perte de connaissance|(?:s est |s etait )?evanoui\\w*|tombe dans les pommes',
    // speech drops the « ne »: « il bouge plus », « elle répond plus »
    '(?:ne|il|elle|qui|on|bebe) (?:ne )?(?:repond|reagit|bouge) (?:presque |quasiment |a peine |)plus|(?:ne )?se reveille (?:pas|plus)',
    '(?:repond|reagit) a peine|inanime\\w*|tient plus debout',
    '(?:arrive|arrivons|peux|peut|pouvons) (?:pas|plus) a (?:le|la|les) (?:reveiller|reanimer)',
    '(?:fait|fais|eu|a|faire|faisait) (?:un |une )?(?:gros |petit )?malaise',
    'dans (?:le coltar|les vapes|le cirage)|ne reagit (?:pas|plus)|yeux revulses|sans connaissance|perdu conscience',
    // a collapse: « s'est effondré », « s'est écroulé », on the floor and unable to get up
    '(?:s est|s etait|se sont|s) (?:effondre|ecroule)\\w*|tombe\\w* (?:\\w+ ){0,2}(?:raide|d un bloc|d un coup)',
    '(?:est|sont|etait) (?:\\w+ )?(?:par terre|au sol)|(?:arrive|peut|peux|arrivons) (?:pas|plus) a (?:se|me|la|le) relever',
    // about to faint
    '(?:me|se|te) sens (?:partir|mourir|tomber|m evanouir)|(?:tourner|tourne) de l oeil|(?:vais|va) (?:m |s )?evanouir',
    '(?:tout|toute|devenu|devenue|devient|levres|visage|teint) (?:\\w+ )?(?:bleu|bleue|bleus|bleues|gris|grise|violet|violette)',
    '(?:est|sont) (?:tout |toute )?(?:gris|grise|cyanose\\w*)',
  ),
  expression('convulsions', 'convuls\\w*|crise d epilepsie|crise convulsive'),
  // stroke
  expression(
    'AVC',
    'avc|attaque cerebrale',
    'bouche (?:\\w+ ){0,2}(?:de travers|tordue|deformee)',
    '(?:sent|sens) plus (?:sa|son|ses|mon|ma|mes|le|la|les) (?:main|bras|jambe|pied|visage|cote)',
    '(?:visage|bouche|joue|levre|paupiere) (?:\\w+ ){0,3}(?:qui tombe|tombe|affaisse\\w*|de travers|deforme\\w*)',
    'bafouill\\w*|(?:n )?articule plus|parle (?:bizarrement|bizarre|de travers)|(?:trouver|trouve|cherche) (?:ses|mes|les) mots',
    '(?:bras|jambe|main|cote|visage) (?:\\w+ ){0,2}(?:engourdi|insensible)\\w*',
    '(?:ne )?(?:peut|peux|arrive) (?:plus|pas) (?:a )?parler',
    '(?:bras|jambe) (?:qui )?ne bouge plus|(?:ne )?bouge plus (?:le|son|sa) (?:bras|jambe)',
    'paralys\\w*',
    '(?:peut|peux|arrive) (?:plus|pas) (?:a )?(?:lever|bouger|tenir) (?:le |la |son |sa |mon |ma )?(?:bras|jambe|main)',
    'parle (?:plus|pas|mal|bizarre\\w*) (?:\\w+ )?(?:normalement|correctement|bien|clairement)|(?:moitie|cote) du (?:corps|visage)',
    '(?:vois|voit) (?:plus rien|plus que d un oeil|double)|perdu la vue|(?:ne )?(?:vois|voit) plus (?:de|d) (?:l |son |mon )?oeil',
    '(?:toute?|completement|tres|devenue?|est|semble|parait|l air) confuse?|(?:ne )?(?:reconnait|reconnais) plus',
    'dit n importe quoi|incoheren\\w*|(?:il|elle|qui) delire',
  ),
  expression(
    'mal de tête brutal',
    '(?:mal de tete|maux de tete|migraine|cephalee) (?:\\w+ ){0,4}(?:brutal\\w*|soudain\\w*|d un coup|violent\\w*|atroce|jamais eu|comme un coup)',
    'nuque raide|raideur (?:de |dans )?(?:la )?nuque|purpura|taches? (?:\\w+ )?violet\\w*',
    // the glass test of purpura: spots that do not fade when pressed
    '(?:taches|boutons|plaques|points) (?:\\w+ ){0,5}(?:partent|s effacent|disparaissent|blanchissent|pallissent) pas',
  ),
  expression(
    'douleur intense',
    'douleurs? (?:\\w+ ){0,2}(?:atroces?|insupportables?|horribles?|abominables?)|(?:atroces?|insupportables?|horribles?) douleurs?',
    'hurle de (?:douleur|mal)|plie en (?:deux|quatre)|jamais eu (?:aussi|si) mal|pire (?:douleur|mal)',
  ),
  // bleeding and wounds
  expression(
    'hémorragie',
    'hemorragie',
    'saign\\w* (?:beaucoup|abondamment|enormement|fort|sans arret|de partout)',
    '(?:perd|perdu) (?:beaucoup|enormement) de sang|plein de sang|sang (?:partout|qui coule|gicle)|flaque de sang',
    'piss\\w* le sang|saigne (?:grave|comme)|saign\\w* (?:de|a) la tete',
    'ca (?:s arrete|arrete) pas de saigner|n arrete pas de saigner',
    '(?:vomi\\w*|crach\\w*|tousse) (?:\\w+ ){0,2}du sang',
  ),
  {
    label: 'saignement pendant la grossesse',
    allOf: [/\b(?:enceinte|grossesse)\b/g, /\b(?:saign\w*|du sang|pertes? de sang)\b/g],
  },
  expression(
    'blessure grave',
    '(?:s est|me suis|s etait|t es) ouvert\\w*|coupure profonde|c est profond',
    '(?:enfonce|plante|pris) (?:\\w+ ){0,2}(?:couteau|clou|lame|ciseaux|tige)|coup de (?:couteau|poignard)|poignarde\\w*',
    'brule\\w* (?:partout|au visage|a la figure|de partout)|explosion|incendie|feu a (?:la|sa|ma)',
    // a serious accident: a fall from a height, run over, electrocuted, a power tool, a head blow with a warning sign
    '(?:tombe\\w*|chute\\w*) (?:\\w+ ){0,3}(?:echelle|toit|balcon|fenetre|echafaudage|arbre|cheval)',
    'renvers\\w* par|(?:fait|ete) renverse\\w*',
    'electrocut\\w*|electrise\\w*|tronconneuse|scie circulaire|coupe\\w* (?:\\w+ ){0,2}(?:doigt|main) (?:\\w+ ){0,2}(?:scie|tronconneuse|disqueuse)',
    'traumatisme cranien',
  ),
  // poisoning and self-harm
  expression(
    'intoxication',
    'intoxi\\w*|empoisonn\\w*|surdose|overdose',
    '(?:avale|bu|bois|ingere|ingurgite|mange|avaler|lech\\w*) (?:\\w+ ){0,3}(?:medicaments|cachets|comprimes|pilules|gelules|somniferes|anxiolytiques|produits?|javel|detergent|lessive|liquide vaisselle|essence|white spirit|insecticide|mort aux rats|raticide|pesticide|champignons|pile|piles|aimant|piece|deboucheur|destop|soude|acide|ammoniaque|antigel|alcool a bruler|petrole|dissolvant|capsule)',
    // too much of a medicine, or a whole box
    '(?:pris|prend|avale|bu|donne|mange|ingere) (?:\\w+ ){0,3}trop de (?:\\w+ )?(?:medicaments?|cachets?|comprimes?|pilules?|gelules?|somniferes?|anxiolytiques?|doliprane|paracetamol|insuline)',
    '(?:pris|avale|bu|mange|prendre|avaler) (?:\\w+ ){0,2}(?:toute?|tout) (?:la|le|sa|ma|son|mon|une|un) (?:boite|tube|plaquette|flacon)',
  ),
  expression(
    'idées suicidaires',
    'idees? (?:suicidaires?|noires?)|suicid\\w*',
    'mettre fin a (?:ses|mes|sa|ma|leurs) (?:jours|vie)',
    '(?:me|se|te) tuer|(?:me|se|te) foutre en l air|(?:me|se) (?:pendre|jeter (?:sous|par|du|d un))|passer a l acte',
    // « en finir », except with a thing (« en finir avec cette toux »)
    'en finir(?! avec (?:ce|cet|cette|ces|le|les|mon|mes|son|ses) )|(?:pensees?|idees?) de (?:mort|suicide)',
    '(?:coupe|entaille|taillade|ouvert)\\w* (?:\\w+ ){0,2}(?:les |ses |mes |le |son |mon )?(?:veines|poignets?)',
    '(?:veux|veut|voulait|voudrais|voudrait) plus vivre|(?:veux|veut|voulait|voudrais|voudrait|envie de|prefere\\w*) mourir',
    'plus envie de vivre|plus (?:gout|le gout) (?:a|de) (?:la vie|vivre)|(?:marre|fatigue\\w*) de (?:vivre|la vie)',
    '(?:veux|veut|voulait|voudrais|voudrait) plus (?:etre la|exister|continuer)|(?:veux|veut|envie de) disparaitre',
    '(?:veux|veut|va|vais|pourrait|risque de) (?:se|me|te) faire du mal|(?:se|me|te) fasse du mal|scarifi\\w*|(?:ouvrir|tailler) les veines',
    '(?:vais|va|veut|faire|fasse|fassent) (?:faire )?une (?:betise|connerie)',
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
    '(?:langue|levres?|visage|figure|bouche) (?:\\w+ ){0,2}(?:gonfl\\w*|enfl\\w*)|(?:gonfl\\w*|enfl\\w*) (?:\\w+ ){0,3}(?:langue|levres|visage|figure)',
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
  {
    label: 'nourrisson abattu',
    allOf: [
      /\b(?:bebe|nourrisson|nouveau nee?)\b/g,
      /\b(?:(?:ne )?(?:boit|mange|tete) (?:plus|rien)|refuse (?:\w+ )?biberons?|dort tout le temps|geint|(?:tout|toute|tres) (?:mou|molle)|amorphe)\b/g,
    ],
  },
  {
    // under three months any fever needs a doctor at once
    label: 'fièvre d’un nourrisson',
    allOf: [
      /\b(?:nourrisson|nouveau nee?|(?:bebe|fils|fille|petit|petite) (?:de |d )(?:\w+ )?(?:jours?|semaines?|un mois|1 mois|deux mois|2 mois))\b/g,
      /\b(?:fievre|temperature|3[89]|40)\b/g,
    ],
  },
  {
    label: 'réaction allergique',
    allOf: [
      /\b(?:(?:mal a|peut plus|peux plus|arrive plus a|arrive pas a) (?:avaler|respirer)|gorge qui serre|(?:gonfl|enfl)\w* (?:\w+ ){0,2}(?:visage|figure|yeux|paupieres|levres|langue|gorge|cou|partout)|(?:visage|figure|yeux|paupieres|levres|langue|gorge|cou) (?:\w+ ){0,2}(?:gonfl|enfl)\w*)\b/g,
      /\b(?:allergi\w*|cacahuetes?|arachides?|piqu\w*|guepe|abeille|frelon|urticaire|plaques)\b/g,
    ],
  },
  expression('accouchement', 'perdu les eaux|perte des eaux|poche des eaux|accouch\\w*|contractions'),
  // said outright
  expression(
    'urgence vitale',
    'urgence vitale|appeler? (?:le|les) (?:15|samu|pompiers|112)|au secours|a l aide(?! de| d)|venez vite',
    '(?:appele\\w*|appeler|envoye\\w*|envoyer|faut|faudrait) (?:une |l |les )?ambulance|(?:vite (?:une|l) )ambulance',
  ),
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

/**
 * Signs that are no emergency alone (a fall, vomiting, a pale face, a strong pain, a sudden onset, a diabetic) but are
 * together: callers describe what they see, not a diagnosis (« elle est tombée, elle saigne de l'oreille et elle
 * vomit »), in words no list of expressions can foresee. Two different kinds heard make the call an emergency.
 */
const SEVERITY_SIGNS: ReadonlyArray<readonly [kind: string, pattern: RegExp]> = [
  [
    'pâleur ou sueurs',
    /\b(?:pale|palot|livide|blanc comme|transpir\w*|en sueur|sueurs?|moite|gris|grise|tremble\w*)\b/g,
  ],
  ['saignement', /\b(?:saign\w*|(?<!(?:prise|analyses?|bilan|test|don|prelevement) de )sang)\b/g],
  [
    'comportement inhabituel',
    /\b(?:bizarre\w*|incoherent\w*|desoriente\w*|somnolent\w*|hagard|dans le vague|repond (?:mal|pas)|reagit (?:peu|mal)|agite\w*|confus\w*)\b/g,
  ],
  ['respiration', /\b(?:respir\w*|souffle|siffl\w*|halet\w*|essouffl\w*)\b/g],
  [
    'douleur intense',
    /\b(?:tres (?:fort|forte|mal|violente?|intense)|terribles?|enormes?|atroces?|violente?s?|intenses?|insupportables?|horribles?|(?:grosse|forte) douleur|douleurs? (?:tres )?fortes?)\b/g,
  ],
  [
    'douleur visible',
    /\b(?:plie\w*|se tord|tordu de douleur|roule par terre|hurle|crie de douleur|pleure de douleur|geint|gemit)\b/g,
  ],
  [
    'début brutal',
    /\b(?:depuis (?:une|1|deux|2|trois|3|quelques|dix|vingt|quinze|trente|\d+) (?:demi )?(?:heures?|minutes?|min)|depuis (?:tout a l heure|une demi heure)|d un coup|brutal\w*|tout a coup|soudain\w*|subit\w*|a l instant|il y a (?:\w+ )?(?:minutes?|instant))\b/g,
  ],
  ['vomissements', /\bvomi\w*/g],
  ['forte fièvre', /\b(?:40|41|fievre (?:tres )?(?:forte|elevee)|(?:tres )?forte fievre)\b/g],
  ['chute ou coup', /\b(?:chute|tombe\w*|cogne\w*|choc|bagarre|accident|renverse\w*|agress\w*)\b/g],
  [
    'personne fragile',
    /\b(?:diabet\w*|hypoglyc\w*|hyperglyc\w*|cardiaque|pacemaker|anticoagul\w*|dialys\w*|chimio\w*|greff\w*|insuffisan\w*)\b/g,
  ],
];

/** How many different kinds of severity sign make an emergency. */
const SEVERITY_SIGNS_FOR_AN_EMERGENCY = 2;

/**
 * The labels of the urgency expressions heard (and not denied) in a normalised transcript, and « signes de gravité »
 * with the kinds heard when there are enough of them.
 */
export function urgencyExpressionsIn(normalisedText: string): string[] {
  const heard = (pattern: RegExp) => heardUndenied(pattern, normalisedText);
  const labels = URGENCY_EXPRESSIONS.filter(({ allOf }) => allOf.every(heard)).map(({ label }) => label);
  const signs = SEVERITY_SIGNS.filter(([, pattern]) => heard(pattern)).map(([kind]) => kind);
  if (signs.length >= SEVERITY_SIGNS_FOR_AN_EMERGENCY) labels.push(`signes de gravité (${signs.join(', ')})`);
  return labels;
}

/** « c'est urgent », « vite » (not « c'est pas urgent »): said with nothing else recognised, the safe answer is the 15. */
const URGENT_TONE = /\b(?:urgent|urgente|urgence|vite|grave|rapidement|tout de suite|immediatement|depechez vous)\b/g;

/** Whether a normalised transcript sounds urgent (an undenied urgent word), for calls where nothing else was heard. */
export function soundsUrgent(normalisedText: string): boolean {
  return heardUndenied(URGENT_TONE, normalisedText);
}
