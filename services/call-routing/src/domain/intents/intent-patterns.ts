import type { Intent } from '../rulebook/rulebook';

/**
 * The evidence for each intent: weighted patterns over a normalised transcript (normalise-transcript.ts). Weights: 4 a
 * phrase that says the intent outright (« annuler », « je suis pharmacien »), 3 a strong cue (« ordonnance »,
 * « résultats »), 2 a cue shared with other intents, 1 context that only tips a balance (a symptom, a medicine).
 * Emergencies are not here: urgency-expressions.ts overrides every score.
 */
export interface IntentPattern {
  intent: Exclude<Intent, 'emergency'>;
  /** Named in `matched` and in the decision trace. */
  label: string;
  weight: number;
  pattern: RegExp;
}

type Cue = [label: string, weight: number, source: string];

const DOCTOR = '(?:docteur|medecin|generaliste)';
const APPOINTMENT = '(?:rendez vous|consultation)';
const HEALTH_PROFESSIONAL =
  '(?:pharmacien|pharmacienne|infirmier|infirmiere|kinesitherapeute|sage femme|cardiologue|radiologue|biologiste|' +
  'pediatre|dermatologue|psychiatre|chirurgien|interne|urgentiste|medecin|remplacant|remplacante|aide soignante?|' +
  'auxiliaire de vie|aide a domicile|aide menagere|assistante? sociale?|ambulancier|dentiste|orthophoniste|' +
  'psychologue|podologue|docteur \\w+)';
const CARE_PLACE =
  '(?:pharmacie|laboratoire|hopital|clinique|ehpad|cabinet infirmier|cabinet de radiologie|centre hospitalier|' +
  'service|maison de retraite|samu)';
const GREETING = '(?:(?:bonjour|bonsoir|allo|oui|euh|alors) )*';
/** An appointment the caller already has: « mon rendez-vous », « j'avais pris rendez-vous », « on a une consultation ». */
const HELD_APPOINTMENT = `(?:mon|ma|son|sa|notre) ${APPOINTMENT}|(?:j|il|elle|on|nous) (?:ai|avais|a|avait|avons|avions) (?:pris )?(?:un |une )?${APPOINTMENT}`;
/** What a professional says when a patient quotes them (« c'est le cardiologue qui l'a demandée »): not a colleague. */
const QUOTED = '(?! (?:qui|que|qu|m a|m avait|nous a|lui a|l a|me l|il m|elle m|ils m|ils veulent|m ont))';
/** A patient naming their own doctor (« je suis une patiente du docteur Roux »): not a professional about a patient. */
const NOT_SELF = '(?<!(?:je suis|suis|sommes|moi|en tant que|etant) )';

const CUES: Record<IntentPattern['intent'], Cue[]> = {
  book: [
    ['prendre rendez-vous', 4, `(?:prendre|reprendre|avoir|fixer|reserver) (?:un )?${APPOINTMENT}`],
    [
      'demande de rendez-vous',
      3,
      `(?:voudrais|veux|voulais|aimerais|souhaite|souhaiterais|faudrait|besoin d|aurais voulu|cherche) (?:un |une )?${APPOINTMENT}`,
    ],
    [
      'un rendez-vous',
      2,
      `(?:un|une|de|d|des|pour) (?:premier |premiere |nouvelle |nouveau |petite )?${APPOINTMENT}|^${GREETING}${APPOINTMENT}`,
    ],
    [
      'examiner',
      2,
      'examine\\w*|auscult\\w*|(?:trouver|avoir|donner) (?:\\w+ ){0,2}(?:un moment|un creneau|une place) avec',
    ],
    ['voir le médecin', 2, `(?:voir|vois|voie|voit|voient|consulter|rencontrer) (?:le |la |un |une )?${DOCTOR}`],
    [
      'souhaite voir le médecin',
      3,
      `(?:faut|faudrait|dois|doit|devrait|devrais|veux|voudrais|voulais|aimerais|souhaite|souhaiterais|peux|pourrais|pourrait|besoin de|envie de) (?:\\w+ ){0,3}(?:voir|voie|voit|vois|consulter|montrer (?:\\w+ ){0,4}(?:a|au)) (?:le |la |un |une |mon |notre |votre |son )?${DOCTOR}|(?:voudrais|veux|aimerais|souhaite|souhaiterais|faudrait|pourrais|peux|pourrait) (?:le|la) voir`,
    ],
    [
      'qu’on l’examine',
      3,
      '(?:qu on|que le docteur|que le medecin|qu il|qu elle|que vous) (?:me |lui |leur |nous |la |le )?(?:regarde|jette un oeil|examine|ausculte|voie|voit|recoive|prenne)',
    ],
    [
      'un acte à faire',
      2,
      '(?:faire|fasse|fais|se faire|me faire|lui faire) (?:\\w+ ){0,2}(?:vacciner|examiner|ausculter|soigner|recoudre|retirer|enlever|poser|suturer|controler)|(?:pour|faire) (?:un |une |le |la |mon |ma |son |sa |les |ses |mes )?(?:vaccin|vaccination|rappel|frottis|ecg|electrocardiogramme|infiltration|sterilet|implant|visite de controle|controle|bilan de sante|check up|suivi|points de suture)',
    ],
    [
      'pouvoir venir',
      2,
      '(?:quand|ou) (?:est ce que |est ce qu )?(?:je|on) (?:peux|peut|pourrait|pourrais|pourra) (?:venir|passer)|(?:je|on) (?:peux|peut|pourrais|pourrait) (?:venir|passer)(?! (?:chercher|prendre|recuperer|deposer|donner|apporter|deux|2))',
    ],
    ['être vu', 2, 'etre (?:vu|vue|recu|recue|pris|prise)|consulter'],
    [
      'me recevoir',
      3,
      '(?:peut|pourrait|peux|pourriez|pouvez|pourra|pourrais) (?:me|le|la|nous|les|lui) (?:recevoir|voir|prendre|caser|examiner)',
    ],
    [
      'visite à domicile',
      4,
      'visites? (?:a domicile|a la maison)|fait (?:des|les) visites|(?:passer|passe|venir|vienne|viendrait|se deplacer) (?:\\w+ ){0,3}(?:a la maison|a domicile|chez (?:moi|nous|lui|elle|eux))|(?:qu un|que le|que la) (?:docteur|medecin) (?:passe|vienne|se deplace)',
    ],
    ['une place', 2, '(?:une|de la|des) (?:place|disponibilites?)|creneau|creneaux'],
    ['réserver', 2, 'reserver'],
    [
      'quelque chose de libre',
      3,
      '(?:auriez|avez|aurez|aurait|reste) (?:\\w+ ){0,2}(?:quelque chose|de la place|une place|un creneau|(?:une |des )?disponibilites?)',
    ],
  ],
  move: [
    ['déplacer', 4, '(?<!se |me |te )deplacer|decaler|reporter|repousser|retarder|bouger'],
    ['avancer le rendez-vous', 4, `avancer (?:mon|ma|son|sa|le|la|notre) (?:${APPOINTMENT}|rendez vous)`],
    [
      'changer la date',
      4,
      `(?:changer|modifier) (?:la date|l heure|l horaire|le jour|le creneau|de jour|d heure|d horaire|de creneau|(?:mon|ma|son|sa|le|la) ${APPOINTMENT})`,
    ],
    ['annuler et reprendre', 5, 'annul\\w* (?:\\w+ ){0,8}(?:reprendre|en prendre|un autre|une autre)'],
    ['un autre jour', 2, '(?:un autre|une autre) (?:jour|date|heure|creneau|horaire|moment|fois)'],
    [
      'à la place de',
      2,
      'a la place (?:de|du)|au lieu (?:de|du)|plutot (?:lundi|mardi|mercredi|jeudi|vendredi|samedi)',
    ],
    [
      'le mettre à un autre moment',
      3,
      '(?:le|la|les) (?:mettre|passer|decaler|caser) (?:\\w+ )?(?:plus tard|plus tot|un autre|une autre|a |au |le |la )',
    ],
    ['plus tard', 1, 'plus tard|plus tot|le mettre|la mettre'],
    ['rendez-vous existant', 1, HELD_APPOINTMENT],
    [
      'autre chose pour un rendez-vous pris',
      3,
      `(?:${HELD_APPOINTMENT}) (?:\\w+ ){0,15}(?:autre chose|un autre|une autre|plus tard|plus tot|plutot|a la place|le faire|la faire)`,
    ],
  ],
  cancel: [
    [
      'annuler',
      4,
      `annul\\w*|decommand\\w*|desist\\w*|(?:enlever|supprimer|retirer|liberer|rayer) (?:\\w+ ){0,2}(?:${APPOINTMENT}|place|creneau)`,
    ],
    [
      'ne pourra pas venir',
      3,
      '(?:pourrai|pourrais|pourra|pourrons|pourront|peux|peut|pouvons) (?:\\w+ )?(?:pas|plus) (?:\\w+ )?(?:venir|etre la|y aller|me deplacer|passer|honorer)',
    ],
    ['ne viendra pas', 3, '(?:viendrai|viendra|viendrons|viendront|viendrais|viens|vient) pas'],
    ['sera absent', 3, 'serai (?:pas la|absent|absente)|sera (?:pas la|absent|absente)'],
    ['empêché', 1, 'empech\\w*'],
    [
      'un empêchement dit',
      2,
      '(?:mais|malheureusement|finalement) (?:\\w+ ){0,2}(?:est|suis|sera|serai|sommes|serons|tombe|tombee) (?:malade|hospitalise\\w*|souffrant\\w*|coince\\w*|bloque\\w*|en deplacement|absente?|gueri\\w*)',
    ],
    ['rendez-vous existant', 1, `(?:mon|ma|son|sa|notre) ${APPOINTMENT}|j avais (?:un )?${APPOINTMENT}`],
  ],
  prescription: [
    ['ordonnance', 3, 'ordonnances?'],
    ['renouvellement', 3, 'renouvel\\w*'],
    ['prescription', 3, 'prescri\\w*|represcri\\w*'],
    [
      'traitement terminé',
      2,
      '(?:plus de|fin de|bout de|manque) (?:\\w+ ){0,2}(?:medicaments?|traitement|comprimes|boites?|cachets|insuline|gouttes|inhalateur)|(?:medicaments?|traitement|comprimes|boites?|insuline|gouttes|inhalateur|pilule) (?:\\w+ ){0,3}(?:est fini|sont finis|se termine|termine|fini|finit|epuise|arrive a (?:la )?fin|arrivent a (?:la )?fin)',
    ],
    [
      'traitement fini',
      2,
      'fini (?:\\w+ ){0,4}(?:boites?|traitement|medicaments?|comprimes|cachets|plaquettes?)|(?:en|m en|lui en) (?:faut|faudrait) (?:une autre|un autre|d autres|encore|une nouvelle)',
    ],
    ['refaire', 1, 'refaire|faxer|envoyer (?:mon|ma|l)'],
    ['pilule', 1, 'pilule'],
  ],
  results: [
    ['résultats', 3, 'resultats?'],
    ['analyses', 2, 'analyses?|prise de sang|bilan sanguin|bilan|biologie|prelevements?'],
    [
      'imagerie',
      2,
      'radio|radiographie|scanner|irm|echographie|mammographie|frottis|biopsie|electrocardiogramme|ecg|examens?',
    ],
    ['compte rendu', 2, 'compte rendu|comptes rendus'],
    ['taux', 1, 'taux|cholesterol|glycemie'],
    [
      'nouvelles d’un examen',
      2,
      'tests?|depistage|coloscopie|fibroscopie|nouvelles de (?:mon|ma|mes)|retour (?:de|du|des) (?:mon |ma |mes |la |le |l )?(?:analyses?|examens?|biologie|biopsie|prelevements?|bilan|scanner|irm|radio|echographie|prise de sang)',
    ],
  ],
  advice: [
    ['conseil', 3, 'conseils?|avis (?:du|de|d un) (?:docteur|medecin)|renseignement medical'],
    [
      'question médicale',
      2,
      'question medicale|question (?:sur|a propos|au sujet) (?:de |d )?(?:mon|ma|mes|son|sa|ses|le|la|les)|question (?:pour|au|a) (?:le |la )?(?:docteur|medecin)',
    ],
    [
      'est-ce grave',
      3,
      '(?:est ce (?:que )?(?:c est )?|c est |est ce )(?:grave|normal|dangereux|inquietant)|faut il (?:que je |qu on )?(?:s |m )?inquiet\\w*',
    ],
    ['inquiétude', 2, 'grave|normal|inquiet\\w*|angoiss\\w*'],
    [
      'que faire',
      2,
      '(?:qu est ce que|qu est ce qu|que) (?:je|j|on|il faut|il|elle) (?:dois|doit|peux|peut|lui donne|fais|fait|mets|met|prends|prend|faire)',
    ],
    [
      'puis-je prendre',
      3,
      'est ce (?:que |qu )?(?:je|j|on|il|elle|ils) (?:peux|peut|pourrais|dois|doit|peuvent) (?:\\w+ ){0,2}(?:prendre|donner|arreter|continuer|faire|aller)|(?:peut|peux) on prendre',
    ],
    [
      'symptôme',
      1,
      'fievre|temperature|toux|tousse|mal (?:a|au|aux|de|dans)|douleurs?|vomi\\w*|diarrhee|vertiges?|boutons|angine|rhume|grippe|fatigue\\w*|nausees?|brul\\w*|migraines?|maux|saign\\w*|palpitations|essouffle\\w*|allergi\\w*|eruption|demange\\w*|gonfle\\w*|enfle\\w*|infection|infecte|plaie|moral|stress\\w*|deprim\\w*|dors plus|insomnies?|tension|mordu|tordu|gorge|nez qui coule|dents?|' +
        // the medical-advice fallback: a body, a complaint or an illness named with nothing else recognised
        'gratte|plaques?|rougeurs?|eczema|urticaire|piqu\\w*|tiques?|bosse|bleu|entorse|foulure|tete qui tourne|tourne la tete|frissons|transpire|sueurs|tremble\\w*|malade|enrhume\\w*|otite|bronchite|gastro|varicelle|conjonctivite|cystite|mycose|verrue|constip\\w*|ballonn\\w*|regles|enceinte|grossesse|pipi|urine|selles|sang|angoisse\\w*|panique|pleure\\w*|dort plus|mange plus|perd du poids|maigri\\w*|cicatrice|grain de beaute|ventre|dos|genou|cheville|oreilles?|oeil|yeux|peau|bras|jambe',
    ],
    [
      'médicament',
      1,
      'medicaments?|traitement|comprimes?|cachets?|gelules?|pommade|creme|doliprane|paracetamol|antibiotiques?|sirop|ibuprofene|aspirine|dose|vaccin',
    ],
    [
      'adapter le traitement',
      3,
      '(?:je|j|on|il|elle) (?:dois|doit|peux|peut|faut il) (?:\\w+ )?(?:changer|augmenter|baisser|diminuer|reduire|modifier|arreter|continuer|sauter) (?:ma|mon|sa|son|la|le|les|mes|ses) (?:dose|doses|traitement|medicaments?|comprimes?|insuline|posologie|pilule)',
    ],
    ['depuis quand', 1, 'depuis (?:hier|ce matin|cette nuit|\\w+ jours?|une semaine|\\w+ semaines)'],
    [
      'combien de temps',
      3,
      'combien de temps (?:je|j|on|il|elle) (?:dois|doit|faut)|(?:je|on) (?:dois|doit) (?:\\w+ )?(?:garder|mettre|continuer|arreter)|(?:je fais|on fait|faire) comment',
    ],
    ['avis', 2, 'avis|contagieu\\w*|memoire|tour de rein|lumbago'],
    ['parler au médecin', 1, `parler (?:au|a un|avec le|a la|avec la) ${DOCTOR}`],
  ],
  administrative: [
    ['certificat', 3, 'certificats?'],
    ['arrêt de travail', 3, 'arret (?:de travail|maladie)|arret|prolongation'],
    ['feuille de soins', 4, 'feuilles? de soins?'],
    ['MDPH', 4, 'mdph'],
    ['carte vitale', 4, 'carte vitale'],
    [
      'attestation',
      3,
      'attestation|justificatif|facture|bon de transport|dossier medical|copie de (?:mon|son) dossier',
    ],
    [
      'formulaire',
      2,
      'formulaire|questionnaire|papiers?|dossier|documents?|courrier|lettre|un mot pour|justifier|allocation',
    ],
    [
      'organisme',
      2,
      'mutuelle|assurance|cpam|securite sociale|caisse|employeur|medecin traitant|ald|100 pour cent|prise en charge',
    ],
    ['remboursement', 2, 'rembours\\w*'],
  ],
  colleague: [
    [
      'un professionnel se présente',
      4,
      `(?:je suis|ici) (?:le |la |l |un |une )?${HEALTH_PROFESSIONAL}|c est (?:le |la |l |un |une )?${HEALTH_PROFESSIONAL}\\b${QUOTED}`,
    ],
    [
      'un lieu de soins appelle',
      4,
      `(?:je suis|ici|je vous appelle de|j appelle de|on vous appelle de) (?:de )?(?:la |le |l |du )?${CARE_PLACE}|c est (?:la |le |l |du )?${CARE_PLACE}\\b${QUOTED}`,
    ],
    ['se présente par son lieu', 3, `^${GREETING}(?:${CARE_PLACE}|${HEALTH_PROFESSIONAL} (?:du|de la|de l|a))\\b`],
    ['confrère', 4, 'confrere|consoeur'],
    [
      'à propos d’un patient',
      3,
      `${NOT_SELF}(?:un|une|d un|d une|de vos|de mes|vos|votre|des) (?:patient|patiente|patients|patientes|residant|resident|residente)\\b`,
    ],
  ],
  information: [
    ['horaires', 3, 'horaires?|(?:ouverte?s?|ouvre|ouvrez|ouverture|fermee?s?|fermez|fermeture)'],
    [
      'adresse',
      3,
      'adresse|c est ou|ou (?:se trouve|est situe|est le cabinet)|(?:venir|aller|acceder) (?:au|jusqu au) cabinet',
    ],
    ['parking', 3, 'parking|garer|stationn\\w*'],
    [
      'accès',
      2,
      'bus|metro|tram|acces|accessible|ascenseur|handicape|digicode|interphone|etage|code (?:d entree|de la porte)',
    ],
    [
      'à quelle heure',
      2,
      'a (?:partir de )?quelle heure|jusqu a quelle heure|quels jours|quel jour|joindre le (?:cabinet|secretariat)',
    ],
    [
      'tarifs',
      3,
      'nouveaux patients|tarifs?|combien (?:coute|ca coute)|prix|carte (?:bancaire|bleue)|cheques?|depassement|tiers payant|conventionne\\w*|secteur (?:1|2|un|deux)',
    ],
    [
      'congés',
      2,
      '(?:en|de|pendant|pendant les|durant les|pour les|aux) (?:vacances|conges|fetes|ponts?)|feries?|paques|pentecote|toussaint|ascension|noel|15 aout|14 juillet',
    ],
    [
      'de garde',
      2,
      '(?:pharmacie|medecin|docteur|qui est) de garde|(?:un|le|quel|quel est le|c est quoi le) numero (?:de|du|des|pour|a appeler)|(?:docteur|medecin) (?:est|sera) (?:la|present|absent)',
    ],
    ['en ligne', 3, 'sur internet|en ligne|doctolib|par internet|site internet|application'],
    ['comment faire', 2, 'comment (?:on fait|faire|ca marche|ca se passe|proceder) pour'],
    [
      'est-ce bien le cabinet',
      3,
      '(?:vous etes|c est) bien (?:le cabinet|le secretariat|chez le docteur|chez le medecin|le docteur|le numero du)',
    ],
    [
      'jours de consultation',
      2,
      '(?:consulte|consultez|recevez|recoit|travaille) (?:le |les )?(?:lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche|quels)',
    ],
  ],
  other: [
    ['démarchage', 3, 'societe|banque|enquete|impots|proposer|offre|logiciel|commercial|partenariat|publicite|sondage'],
    ['livraison', 3, 'livreur|livraison|colis'],
    ['faux numéro', 4, 'trompe de numero|mauvais numero|faux numero'],
    ['personnel', 3, 'personnel|personnelle|c est (?:son|sa) (?:frere|soeur|mere|pere|femme|mari|fille|fils)'],
  ],
};

export const INTENT_PATTERNS: readonly IntentPattern[] = Object.entries(CUES).flatMap(([intent, cues]) =>
  cues.map(([label, weight, source]) => ({
    intent: intent as IntentPattern['intent'],
    label,
    weight,
    pattern: new RegExp(`\\b(?:${source})\\b`),
  })),
);
