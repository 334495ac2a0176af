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
  '(?:douleurs?|mal|serre\\w*|serrement|oppress\\w*|brul\\w*|poids|pression|point|ecrase\\w*|comprim\\w*|barre|etau|coup de poignard)';

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
    `${CHEST_PAIN} (?:\\w+ ){0,4}(?:la |le |ma |mon |sa |son )?(?:poitrine|thorax|sternum)`,
    `(?:poitrine|thorax|sternum) (?:\\w+ ){0,4}${CHEST_PAIN}`,
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
    'coeur (?:qui )?(?:s emballe|bat (?:tres |trop |super |hyper )?(?:vite|fort)|s arrete)|tachycardie',
  ),
  // breathing
  expression(
    'ne respire plus',
    '(?:ne )?respire (?:plus|pas)',
    '(?:arrive|arrivent|peut|peux|peuvent) (?:plus|pas) a respirer|(?:ne )?(?:peut|peux) (?:plus|pas) respirer',
    '(?:s est )?arrete de respirer',
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
    '(?:ne|il|elle|qui|on|bebe) (?:ne )?(?:repond|reagit|bouge) plus|(?:ne )?se reveille (?:pas|plus)',
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
    'bouche (?:de travers|tordue|deformee)',
    '(?:visage|bouche|joue|levre|paupiere) (?:\\w+ ){0,3}(?:qui tombe|tombe|affaisse\\w*|de travers|deforme\\w*)',
    'bafouill\\w*|(?:n )?articule plus|parle (?:bizarrement|bizarre|de travers)|(?:trouver|trouve|cherche) (?:ses|mes|les) mots',
    '(?:bras|jambe|main|cote|visage) (?:\\w+ ){0,2}(?:engourdi|insensible)\\w*',
    '(?:ne )?(?:peut|peux|arrive) (?:plus|pas) (?:a )?parler',
    '(?:bras|jambe) (?:qui )?ne bouge plus|(?:ne )?bouge plus (?:le|son|sa) (?:bras|jambe)',
    'paralys\\w*',
    '(?:peut|peux|arrive) (?:plus|pas) (?:a )?(?:lever|bouger|tenir) (?:le |la |son |sa |mon |ma )?(?:bras|jambe|main)',
    '(?:vois|voit) (?:plus rien|plus que d un oeil|double)|perdu la vue|(?:ne )?(?:vois|voit) plus (?:de|d) (?:l |son |mon )?oeil',
    '(?:toute?|completement|tres|devenue?|est|semble|parait|l air) confuse?|(?:ne )?(?:reconnait|reconnais) plus',
    'dit n importe quoi|incoheren\\w*|(?:il|elle|qui) delire',
  ),
  expression(
    'mal de tête brutal',
    '(?:mal de tete|maux de tete|migraine|cephalee) (?:\\w+ ){0,4}(?:brutal\\w*|soudain\\w*|d un coup|violent\\w*|atroce|jamais eu|comme un coup)',
    'nuque raide|raideur (?:de |dans )?(?:la )?nuque|purpura|taches? (?:\\w+ )?violet\\w*',
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
    // a serious accident: a fall from a height, run over, electrocuted, a power tool, a head blow with a warning sign
    '(?:tombe\\w*|chute\\w*) (?:\\w+ ){0,3}(?:echelle|toit|balcon|fenetre|echafaudage|arbre|cheval)',
    'renvers\\w* par|(?:fait|ete) renverse\\w*|accident de (?:la route|voiture|moto|scooter|velo)',
    'electrocut\\w*|electrise\\w*|tronconneuse|scie circulaire|coupe\\w* (?:\\w+ ){0,2}(?:doigt|main) (?:\\w+ ){0,2}(?:scie|tronconneuse|disqueuse)',
    'traumatisme cranien',
  ),
  // poisoning and self-harm
  expression(
    'intoxication',
    'intoxi\\w*|empoisonn\\w*|surdose|overdose',
    '(?:avale|bu|ingere|mange|avaler) (?:\\w+ ){0,3}(?:medicaments|cachets|comprimes|pilules|gelules|somniferes|anxiolytiques|produit|javel|detergent|lessive|liquide vaisselle|essence|white spirit|insecticide|mort aux rats|champignons|pile|piles|aimant|piece)',
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
    'en finir(?! avec (?:ce|cet|cette|ces|le|les|mon|mes|son|ses) )',
    '(?:veux|veut|voulait|voudrais|voudrait) plus vivre|(?:veux|veut|voulait|voudrais|voudrait|envie de|prefere\\w*) mourir',
    'plus envie de vivre|plus (?:gout|le gout) (?:a|de) (?:la vie|vivre)|(?:marre|fatigue\\w*) de (?:vivre|la vie)',
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

/** The labels of the urgency expressions heard (and not denied) in a normalised transcript. */
export function urgencyExpressionsIn(normalisedText: string): string[] {
  return URGENCY_EXPRESSIONS.filter(({ allOf }) =>
    allOf.every((pattern) => heardUndenied(pattern, normalisedText)),
  ).map(({ label }) => label);
}
