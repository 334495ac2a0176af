import type { LabelledPhrasing } from './labelled-phrasing';

/**
 * A BLIND held-out set (issue 10, item 3), written on 2026-11-30 by a helper who had not seen the classifier: not
 * `intent-classifier.ts`, not its patterns, urgency expressions or normaliser, not the training or the earlier held-out
 * phrasings, not the classifier's documentation. Only the intents (`INTENTS` in the rulebook), the `LabelledPhrasing`
 * type, the accuracy report and the seeds on what callers of a French GP practice want were read. The phrasings were
 * committed alone, before the first measurement; they must not be edited after measuring, nor the classifier tuned on
 * them, or the set stops being held out (write a new one instead).
 *
 * They are written as callers speak and as a speech-to-text engine hands them over: lower case or not, accents and
 * punctuation sometimes missing, hesitations, "allô", names, a few typos, short and long, sometimes two sentences.
 * The mix follows the seeds: about a third appointments, a third medical advice and emergencies, the rest
 * prescriptions, results, documents, colleagues, practical information and calls that are none of these.
 *
 * Labelling conventions:
 * - a home visit request is `book`;
 * - a booking request that mentions a non-emergency symptom is `book`;
 * - a professional calling about a patient (pharmacist, nurse, lab, hospital, physiotherapist, another doctor) is
 *   `colleague`, whatever the topic, even a critical result or a word like "urgences";
 * - a patient quoting a professional keeps the patient's own intent ("la pharmacie m'a dit de vous appeler pour
 *   renouveler" is `prescription`);
 * - a symptom mentioned but denied ("j'ai pas de douleur dans la poitrine") is not an emergency;
 * - a question on what to do about a symptom, a medicine or a vaccine, with no request for an appointment, is `advice`;
 * - certificates, sick notes, forms, reimbursement and records are `administrative`.
 */
export const BLIND_HELD_OUT_PHRASINGS: readonly LabelledPhrasing[] = [
  // book
  { text: "allo bonjour euh je voudrais prendre rendez vous avec le docteur martin s'il vous plait", intent: 'book' },
  { text: 'oui bonjour c est pour un rdv pour ma fille elle a de la fievre depuis hier soir', intent: 'book' },
  {
    text: 'bonjour est ce que le docteur pourrait passer à la maison pour ma mère elle ne peut plus se déplacer',
    intent: 'book',
  },
  { text: "bonjour j'aurais besoin d'une consultation cette semaine si possible", intent: 'book' },
  {
    text: "euh ouais bonjour c'est monsieur benali j'appelle pour avoir un créneau avec le docteur lefebvre jeudi ou vendredi",
    intent: 'book',
  },
  { text: "je voudrais voir un médecin aujourd'hui j'ai mal à la gorge depuis trois jours", intent: 'book' },
  { text: 'Bonjour madame, est-ce qu’il vous reste de la place demain matin ?', intent: 'book' },
  {
    text: "bonjour je viens d'emménager dans le quartier et je voudrais prendre un premier rendez vous avec un des médecins",
    intent: 'book',
  },
  {
    text: 'bonjour je voudrais faire vacciner mon fils contre la grippe quand est ce que je peux venir',
    intent: 'book',
  },
  {
    text: "allô oui euh j'appelle pour mon mari il faudrait qu'il voit le docteur pour son dos il s'est bloqué un lumbago quoi",
    intent: 'book',
  },
  { text: 'rendez vous pour un frottis avec la docteure durand svp', intent: 'book' },
  {
    text: "bonjour je suis une patiente du docteur roux. est ce qu'il aurait une dispo en fin de journée après 18h parce que je travaille",
    intent: 'book',
  },
  { text: 'visite a domicile pour mon pere de 92 ans il est grippé il tousse beaucoup', intent: 'book' },

  // move
  { text: "bonjour j'ai rendez vous jeudi à 10h et je voudrais le décaler à la semaine prochaine", intent: 'move' },
  {
    text: "euh oui c'est madame petit je peux pas venir demain est ce qu'on peut déplacer mon rendez vous à un autre jour",
    intent: 'move',
  },
  {
    text: "je voudrais changer l'heure de mon rdv de cet apres midi plutot en fin de journée si c'est possible",
    intent: 'move',
  },
  {
    text: "allo bonjour j'avais pris rendez-vous pour lundi mais j'ai un empêchement au travail, vous auriez autre chose mardi",
    intent: 'move',
  },
  { text: 'c est pour reporter le rendez vous de ma fille elle est en voyage scolaire', intent: 'move' },
  { text: "est ce que je pourrais avancer mon rendez-vous du 15 j'aimerais passer plus tôt", intent: 'move' },
  { text: 'Bonjour, je souhaiterais modifier la date de ma consultation avec le docteur Garnier.', intent: 'move' },

  // cancel
  { text: 'bonjour je vous appelle pour annuler mon rendez vous de demain matin', intent: 'cancel' },
  {
    text: "oui euh c'est monsieur dupont je ne pourrai pas venir cet après-midi vous pouvez annuler s'il vous plaît",
    intent: 'cancel',
  },
  {
    text: 'allo je voulais vous prévenir que je ne viendrai pas au rendez vous de vendredi, je suis guérie finalement',
    intent: 'cancel',
  },
  { text: 'annulation du rdv de mon fils thomas leroy mercredi 14h', intent: 'cancel' },
  {
    text: "bonjour ma mère avait rendez-vous lundi mais elle est hospitalisée donc elle pourra pas venir il faut l'annuler",
    intent: 'cancel',
  },
  {
    text: 'je me désiste pour le rendez vous de ce soir désolée vous pouvez le donner à quelqu un d autre',
    intent: 'cancel',
  },

  // prescription
  { text: "bonjour c'est pour un renouvellement d'ordonnance pour mon traitement de tension", intent: 'prescription' },
  { text: "la pharmacie m'a dit de vous appeler pour renouveler mon ordonnance", intent: 'prescription' },
  {
    text: "euh j'ai plus de levothyrox est ce que le docteur peut me refaire une ordonnance",
    intent: 'prescription',
  },
  {
    text: 'bonjour je voudrais savoir si mon ordonnance est prête je devais passer la chercher',
    intent: 'prescription',
  },
  {
    text: "allô oui j'appelle parce que le pharmacien il dit qu'il manque le dosage sur l'ordonnance que le docteur m'a faite hier",
    intent: 'prescription',
  },
  {
    text: 'est ce que le docteur pourrait me prescrire des séances de kiné pour mon genou',
    intent: 'prescription',
  },
  {
    text: "bonjour il me faudrait une ordonnance pour faire une prise de sang c'est le cardiologue qui l'a demandée",
    intent: 'prescription',
  },
  {
    text: "c'est pour ma pilule j'arrive à la fin de la dernière plaquette il me faut une nouvelle prescription",
    intent: 'prescription',
  },
  {
    text: "bonjour j'ai perdu mon ordonnance est ce que vous pouvez me la renvoyer par mail",
    intent: 'prescription',
  },
  { text: 'renouvellement de mes medicaments pour le diabete metformine s il vous plait', intent: 'prescription' },

  // results
  {
    text: 'bonjour j ai fait une prise de sang lundi je voulais savoir si le docteur a reçu les résultats',
    intent: 'results',
  },
  { text: "allo c'est pour avoir les résultats de ma radio des poumons", intent: 'results' },
  {
    text: "euh oui bonjour le laboratoire m'a dit que les résultats avaient été envoyés au docteur est ce qu'il les a regardés",
    intent: 'results',
  },
  {
    text: "je voudrais que le docteur m'explique mes résultats d'analyse il y a des chiffres en rouge",
    intent: 'results',
  },
  {
    text: "bonjour c'est madame moreau j'attends le compte rendu de mon IRM est-ce que vous l'avez reçu",
    intent: 'results',
  },
  { text: 'est ce que les resultats de mon analyse d urine sont arrivés', intent: 'results' },
  { text: "oui c'est pour savoir si mon frottis est revenu normal", intent: 'results' },
  {
    text: 'bonjour je viens de recevoir mes analyses de sang sur internet et je voudrais savoir ce que le docteur en pense pour mon cholestérol',
    intent: 'results',
  },

  // advice
  {
    text: "bonjour mon fils a 38 de fièvre est ce que je peux lui donner du doliprane et de l'advil en même temps",
    intent: 'advice',
  },
  { text: "euh j'ai oublié de prendre ma pilule hier soir qu'est ce que je dois faire", intent: 'advice' },
  {
    text: "bonjour je voulais un conseil je prends un antibiotique et j'ai un peu la diarrhée est ce que c'est normal",
    intent: 'advice',
  },
  { text: "est ce que je peux prendre de l'ibuprofène avec mon traitement pour la tension", intent: 'advice' },
  {
    text: "allô oui ma fille a des boutons partout on pense que c'est la varicelle est-ce qu'elle peut aller à l'école",
    intent: 'advice',
  },
  { text: 'je me suis fait piquer par une tique ce week end est ce qu il faut que je m inquiète', intent: 'advice' },
  {
    text: "bonjour j'ai une question pour le docteur. depuis que j'ai commencé le nouveau médicament j'ai la tête qui tourne un peu, est-ce que je dois l'arrêter",
    intent: 'advice',
  },
  {
    text: 'mon bébé de 4 mois a un peu le nez qui coule et il tousse un peu est ce que ça peut attendre lundi ou je dois m inquiéter',
    intent: 'advice',
  },
  { text: "j'ai vomi deux fois ce matin ma femme m'a dit d'appeler pour savoir quoi faire", intent: 'advice' },
  {
    text: "bonjour je voudrais un conseil du docteur ma tension est à 15 ce matin c'est grave ou pas",
    intent: 'advice',
  },
  { text: 'est ce que je peux me faire vacciner contre le covid alors que j ai encore un rhume', intent: 'advice' },
  {
    text: "euh bonjour je me suis brulé la main avec l'eau des pâtes c'est pas très grave mais je sais pas quoi mettre dessus",
    intent: 'advice',
  },
  {
    text: "ma mère a 85 ans et elle mange plus beaucoup depuis quelques jours qu'est ce qu'on peut faire",
    intent: 'advice',
  },
  {
    text: "j'ai mal au genou depuis que j'ai couru dimanche faut mettre du chaud ou du froid",
    intent: 'advice',
  },
  {
    text: "bonjour alors j'ai pas de douleur dans la poitrine rien de tout ça mais je tousse depuis deux semaines est-ce que c'est normal",
    intent: 'advice',
  },

  // emergency
  { text: 'allo vite mon mari a très mal dans la poitrine ça serre et il transpire', intent: 'emergency' },
  { text: "bonjour euh j'arrive plus à respirer j'étouffe", intent: 'emergency' },
  { text: 'ma mère est tombée elle répond plus elle est inconsciente', intent: 'emergency' },
  {
    text: 'mon père a la bouche de travers et il arrive plus à parler depuis dix minutes',
    intent: 'emergency',
  },
  {
    text: 'je saigne énormément je me suis coupé avec la scie ça arrête pas de saigner',
    intent: 'emergency',
  },
  { text: "mon fils fait une crise d'épilepsie il convulse qu'est ce que je fais", intent: 'emergency' },
  { text: 'ma fille a avalé des médicaments toute la boîte de doliprane', intent: 'emergency' },
  { text: "j'ai envie d'en finir je veux plus vivre", intent: 'emergency' },
  {
    text: "j'ai été piqué par une guêpe et mon visage gonfle j'ai du mal à avaler",
    intent: 'emergency',
  },
  { text: 'mon bébé de deux mois est tout mou il a 40 de fièvre et il réagit plus', intent: 'emergency' },
  { text: "allô allô mon voisin s'est effondré dans l'escalier il bouge plus", intent: 'emergency' },
  {
    text: "bonjour c'est urgent mon mari a le bras gauche paralysé et il parle bizarrement",
    intent: 'emergency',
  },
  { text: 'euh mon fils a bu de la javel par erreur', intent: 'emergency' },
  {
    text: "j'ai une douleur terrible dans la poitrine qui descend dans le bras gauche depuis une demi heure",
    intent: 'emergency',
  },
  {
    text: 'ma femme a fait un malaise elle a perdu connaissance et elle est toute pâle',
    intent: 'emergency',
  },
  { text: "je crois que j'ai pris trop de cachets pour dormir je me sens partir", intent: 'emergency' },

  // administrative
  {
    text: 'bonjour il me faudrait un certificat médical pour le sport de mon fils pour le club de foot',
    intent: 'administrative',
  },
  {
    text: "j'appelle parce que mon arrêt de travail se termine vendredi et il faudrait le prolonger",
    intent: 'administrative',
  },
  {
    text: 'bonjour je voudrais savoir où en est mon dossier mdph le docteur devait remplir le certificat',
    intent: 'administrative',
  },
  {
    text: "oui c'est pour une attestation pour l'école comme quoi ma fille était malade la semaine dernière",
    intent: 'administrative',
  },
  { text: "euh j'ai payé la consultation mais j'ai pas eu de feuille de soins", intent: 'administrative' },
  {
    text: 'ma carte vitale marchait pas la dernière fois est ce que je dois vous renvoyer quelque chose pour le remboursement',
    intent: 'administrative',
  },
  {
    text: "bonjour c'est pour changer de mutuelle sur mon dossier la nouvelle c'est harmonie",
    intent: 'administrative',
  },
  { text: 'je voudrais déclarer le docteur comme médecin traitant comment on fait', intent: 'administrative' },
  {
    text: "j'ai besoin d'une copie de mon dossier médical pour mon nouveau médecin à lyon",
    intent: 'administrative',
  },

  // colleague
  {
    text: "bonjour c'est la pharmacie du centre j'ai une ordonnance de madame blanc il y a un problème de posologie",
    intent: 'colleague',
  },
  {
    text: "oui bonjour je suis l'infirmière à domicile de monsieur garcia je voulais parler au docteur de ses pansements",
    intent: 'colleague',
  },
  {
    text: "bonjour laboratoire biomed j'appelle pour un résultat critique d'un patient du docteur martin potassium à 6,8",
    intent: 'colleague',
  },
  {
    text: "docteur lambert de l'hôpital saint joseph service de cardiologie je voudrais parler au docteur roux pour un patient commun",
    intent: 'colleague',
  },
  {
    text: "bonjour c'est le kiné de madame dubois j'aurais besoin d'une nouvelle prescription pour elle",
    intent: 'colleague',
  },
  {
    text: "oui allô ici le docteur nguyen médecin de garde j'ai vu une de vos patientes cette nuit",
    intent: 'colleague',
  },
  {
    text: "bonjour c'est la clinique du parc service des urgences on a votre patient monsieur roche qui sort ce soir",
    intent: 'colleague',
  },

  // information
  { text: "bonjour vous êtes ouverts jusqu'à quelle heure ce soir", intent: 'information' },
  { text: "c'est quoi l'adresse exacte du cabinet s'il vous plait", intent: 'information' },
  { text: 'est ce qu il y a un parking pres du cabinet', intent: 'information' },
  { text: 'euh bonjour est-ce que le cabinet est ouvert le samedi matin', intent: 'information' },
  { text: "le cabinet c'est à quel étage il y a un ascenseur", intent: 'information' },
  { text: 'quel bus je dois prendre pour venir chez vous depuis la gare', intent: 'information' },
  { text: 'vous êtes fermés pendant les vacances de noël ?', intent: 'information' },

  // other
  { text: 'ah pardon je me suis trompé de numéro excusez moi', intent: 'other' },
  {
    text: "bonjour je suis julien de la société energie plus je vous appelle au sujet de vos contrats d'électricité",
    intent: 'other',
  },
  { text: 'allo bonjour c est pour une enquête de satisfaction vous auriez deux minutes', intent: 'other' },
  { text: "bonjour je cherche à joindre la mairie c'est bien ici", intent: 'other' },
];
