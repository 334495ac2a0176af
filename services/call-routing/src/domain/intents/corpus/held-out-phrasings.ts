import type { LabelledPhrasing } from './labelled-phrasing';

/**
 * The held-out set: what the classifier is measured on, never tuned on.
 *
 * How it was written: in one sitting, BEFORE the classifier's patterns and the training phrasings existed, and
 * committed alone so that the history shows it was frozen first. Each intent was described to oneself by what the
 * caller wants, not by keywords, and lines were written with other wording than the obvious one (« caler une
 * consultation », « repousser », « libérer la place », « ça pisse le sang », « la maison du handicap »…), with traps
 * that a keyword list gets wrong: a patient quoting the pharmacy or the lab, a booking caller who mentions a symptom, a
 * burning on urination that is not a serious burn. The training set was then written without copying these lines. Its
 * first measurement (72/75, emergencies 9/11) is the one that counts: its misses were then fixed through new training
 * phrasings and patterns, which spent this batch as an unbiased measure (docs/intent-classifier.md).
 *
 * Labelling conventions (the same as the training set): a home visit is `book`; a professional calling about a patient
 * is `colleague` whatever the topic; a patient quoting a professional keeps the patient's own intent; a booking request
 * that mentions a symptom is `book` unless the symptom is an emergency.
 */
export const HELD_OUT_FIRST_BATCH: readonly LabelledPhrasing[] = [
  // book
  {
    text: "oui bonjour euh je sais pas si c'est possible mais j'aurais besoin de voir le médecin cette semaine",
    intent: 'book',
  },
  { text: "bonjour madame lefevre j'appelle pour caler une consultation pour ma fille", intent: 'book' },
  { text: 'est ce qu il vous reste de la place demain matin pour un enfant qui tousse', intent: 'book' },
  { text: "allo oui c'est pour un rdv avec le docteur martin svp", intent: 'book' },
  { text: 'je souhaiterais être reçu par le docteur en fin de journée si possible', intent: 'book' },
  {
    text: "bonjour c'est pour que le docteur passe à la maison voir ma mère qui ne peut plus se déplacer",
    intent: 'book',
  },
  { text: "je voudrais m'inscrire pour une consultation de suivi de grossesse", intent: 'book' },
  { text: 'bjr jvoudrais prendre rendezvous pour un vaccin', intent: 'book' },
  { text: 'vous auriez un créneau lundi vers 17h', intent: 'book' },

  // move
  { text: "bonjour j'ai un rendez vous jeudi à 10h et j'aimerais le repousser à la semaine d'après", intent: 'move' },
  {
    text: "est ce qu'on pourrait changer l'horaire de ma consultation de demain j'ai un empêchement le matin",
    intent: 'move',
  },
  {
    text: "euh je voulais savoir si c'est possible de venir plutôt mardi au lieu de mercredi pour mon rdv",
    intent: 'move',
  },
  { text: 'je suis coincée au travail je peux passer mon rendez-vous de 18h à plus tard', intent: 'move' },
  { text: "c'est pour modifier la date de mon rendez vous svp", intent: 'move' },

  // cancel
  { text: 'bonjour je vous appelle pour décommander le rendez-vous de mon mari demain', intent: 'cancel' },
  { text: "oui c'est madame petit je viendrai pas cet après midi vous pouvez libérer la place", intent: 'cancel' },
  { text: 'je préviens que je serai absent à ma consultation de 14h30 je suis malade', intent: 'cancel' },
  { text: 'annulez mon rdv de vendredi s il vous plait', intent: 'cancel' },
  { text: 'euh bonjour mon fils ne pourra pas être là demain pour son rendez-vous on le supprime', intent: 'cancel' },

  // prescription
  { text: 'bonjour il me faudrait une nouvelle ordonnance pour mon traitement de la tension', intent: 'prescription' },
  {
    text: "j'arrive au bout de mes médicaments pour la thyroïde le docteur peut me refaire l'ordo",
    intent: 'prescription',
  },
  {
    text: 'la pharmacie me dit que mon ordonnance est périmée est ce que le docteur peut en faire une autre',
    intent: 'prescription',
  },
  { text: "j'ai perdu mon ordonnance de lunettes", intent: 'prescription' },
  { text: 'est ce que je peux avoir le renouvellement de ma pilule sans venir', intent: 'prescription' },
  { text: 'mon traitement pour le cholestérol est fini il me faut la suite', intent: 'prescription' },
  { text: "bonjour c'est pour une prescription de séances de kiné", intent: 'prescription' },

  // results
  {
    text: "bonjour j'ai fait une prise de sang lundi je voulais savoir si le docteur l'avait reçue",
    intent: 'results',
  },
  { text: 'le docteur a-t-il regardé mon scanner', intent: 'results' },
  { text: "c'est au sujet de ma radio du genou est ce que c'est bon", intent: 'results' },
  { text: "j'appelle pour savoir ce que donnent mes analyses d'urine", intent: 'results' },
  { text: "le labo m'a dit que mes résultats étaient partis chez vous", intent: 'results' },
  { text: 'ma mammographie le compte rendu est arrivé', intent: 'results' },

  // advice
  { text: "bonjour ma fille a 38 de fièvre depuis hier soir qu'est ce que je lui donne", intent: 'advice' },
  { text: "je voudrais un conseil j'ai oublié de prendre ma pilule hier", intent: 'advice' },
  { text: "est ce que je peux prendre de l'ibuprofène avec mon traitement", intent: 'advice' },
  { text: "mon fils s'est cogné la tête en tombant du lit il va bien mais je m'inquiète", intent: 'advice' },
  { text: "depuis que j'ai commencé le nouveau médicament j'ai des vertiges c'est normal", intent: 'advice' },
  {
    text: "bonjour euh je suis pas très bien moralement en ce moment j'aurais besoin d'en parler au docteur",
    intent: 'advice',
  },
  { text: "j'ai une toux qui traîne depuis trois semaines faut il que je m'inquiète", intent: 'advice' },
  { text: 'mon bébé ne veut pas manger depuis ce matin est-ce grave', intent: 'advice' },
  { text: "on m'a piqué une tique ce week end qu'est-ce que je dois faire", intent: 'advice' },
  { text: 'question pour le docteur à quel âge on fait le rappel du vaccin', intent: 'advice' },
  { text: "j'ai des brûlures quand je fais pipi", intent: 'advice' },
  { text: 'est ce que ma douleur au dos peut attendre lundi', intent: 'advice' },

  // emergency
  { text: "vite mon mari s'est effondré il ne réagit plus", intent: 'emergency' },
  { text: "j'ai une grosse pression dans la poitrine qui descend dans le bras gauche", intent: 'emergency' },
  { text: "ma mère n'arrive plus à respirer elle est toute bleue", intent: 'emergency' },
  { text: 'mon petit a avalé les cachets de sa grand mère', intent: 'emergency' },
  { text: 'mon père a la moitié du visage qui tombe et il parle bizarrement', intent: 'emergency' },
  { text: 'je me suis coupé avec la scie ça pisse le sang', intent: 'emergency' },
  { text: "j'en peux plus je veux en finir avec la vie", intent: 'emergency' },
  { text: 'ma femme est enceinte et elle a perdu les eaux', intent: 'emergency' },
  { text: "mon fils fait une crise d'épilepsie ça ne s'arrête pas", intent: 'emergency' },
  { text: "je voulais un rendez vous mais là j'ai très mal à la poitrine et je transpire", intent: 'emergency' },
  { text: 'bebe de 2 mois avec 40 de fievre il dort tout le temps', intent: 'emergency' },

  // administrative
  { text: "bonjour il me faudrait un certificat pour l'inscription au judo de mon fils", intent: 'administrative' },
  { text: "je dois envoyer à l'employeur la prolongation de mon arrêt", intent: 'administrative' },
  { text: 'la sécu me demande un papier signé par le médecin traitant', intent: 'administrative' },
  { text: "j'ai besoin que le docteur remplisse le formulaire pour la maison du handicap", intent: 'administrative' },
  { text: "vous pouvez me renvoyer une feuille de soins j'ai perdu la mienne", intent: 'administrative' },
  { text: 'ma mutuelle réclame une facture de la consultation', intent: 'administrative' },

  // colleague
  {
    text: "bonjour c'est l'infirmière à domicile de monsieur durand je passe chez lui tout à l'heure",
    intent: 'colleague',
  },
  {
    text: "oui docteur bernard du service de cardiologie de l'hôpital je voulais parler au docteur martin",
    intent: 'colleague',
  },
  { text: "pharmacie du centre bonjour j'ai une question sur une ordonnance de votre médecin", intent: 'colleague' },
  { text: "c'est le laboratoire bio santé on a un résultat anormal à transmettre", intent: 'colleague' },
  { text: "bonjour je suis le kinésithérapeute d'une patiente du docteur", intent: 'colleague' },

  // information
  { text: 'vous fermez à quelle heure le mercredi', intent: 'information' },
  { text: "c'est où exactement le cabinet je trouve pas", intent: 'information' },
  { text: 'est ce que vous recevez le samedi matin', intent: 'information' },
  { text: 'on peut se garer devant le cabinet', intent: 'information' },
  { text: 'le docteur est il en vacances en août', intent: 'information' },
  { text: 'est ce que le cabinet est accessible en fauteuil roulant', intent: 'information' },

  // other
  { text: 'bonjour je vous appelle de la société energie plus pour vous proposer une offre', intent: 'other' },
  { text: 'allo allo je crois que je me suis trompé de numéro', intent: 'other' },
  { text: "c'est un message personnel pour le docteur de la part de sa soeur", intent: 'other' },
];

/**
 * A second batch, written after the first batch's misses had been fixed (through new training phrasings and patterns,
 * which spent the first batch as an unbiased measure for those two kinds of emergency): written in one sitting without
 * running the classifier, committed, then measured once. Its figures are the clean ones.
 */
export const HELD_OUT_SECOND_BATCH: readonly LabelledPhrasing[] = [
  // book
  { text: "bonsoir euh ma petite a une conjonctivite il faudrait qu'un medecin l'examine demain", intent: 'book' },
  { text: 'je cherche a avoir un rendez-vous pour faire un electrocardiogramme avant mon operation', intent: 'book' },
  { text: 'bonjour vous pourriez me trouver un moment avec le docteur avant vendredi', intent: 'book' },
  { text: "c'est pour une premiere consultation je viens d'emmenager", intent: 'book' },
  // move
  { text: "ma réunion a été déplacée du coup j'aimerais bouger mon rendez-vous de mardi", intent: 'move' },
  { text: 'bonjour pourriez vous me mettre a une autre heure jeudi je finis le travail a 17h', intent: 'move' },
  // cancel
  { text: 'oui bonjour inutile de garder mon rendez-vous de demain je vais beaucoup mieux', intent: 'cancel' },
  { text: 'ma fille est partie chez son pere elle ne viendra pas a sa consultation de samedi', intent: 'cancel' },
  // prescription
  {
    text: "euh bonjour j'aurais besoin que le docteur me remette mes anti-douleurs sur une ordonnance",
    intent: 'prescription',
  },
  { text: 'mon insuline arrive a la fin est ce que le docteur peut faire le necessaire', intent: 'prescription' },
  { text: "bonjour c'est pour refaire l'ordonnance de mon mari pour son inhalateur", intent: 'prescription' },
  // results
  { text: 'bonjour je viens aux nouvelles de mon test de la thyroide fait la semaine derniere', intent: 'results' },
  { text: "le cardiologue vous a envoye son compte rendu vous l'avez eu", intent: 'results' },
  { text: "j'attends toujours les resultats de ma coloscopie", intent: 'results' },
  // advice
  { text: 'bonjour mon petit de trois ans a des plaques rouges sur les joues depuis ce matin', intent: 'advice' },
  { text: "est ce que c'est contagieux la gastro de mon fils pour le reste de la famille", intent: 'advice' },
  { text: 'je me suis fait un tour de rein en portant un carton je fais comment', intent: 'advice' },
  { text: "j'ai beaucoup de mal a dormir depuis mon licenciement ca me ronge", intent: 'advice' },
  { text: 'ma mere de 85 ans perd un peu la memoire ces derniers temps on aimerait un avis', intent: 'advice' },
  { text: 'pendant combien de temps je dois garder le pansement apres la prise de sang', intent: 'advice' },
  // emergency
  { text: 'venez vite ma femme est tombee elle ne se reveille pas', intent: 'emergency' },
  { text: "j'ai comme un etau sur le coeur et je suis en sueur", intent: 'emergency' },
  { text: 'mon fils a mange des cacahuetes il a la langue qui gonfle et il respire fort', intent: 'emergency' },
  {
    text: "mon mari a fait une chute dans l'escalier il saigne de la tete et il est dans le coltar",
    intent: 'emergency',
  },
  { text: 'ma fille a bu du produit pour la vaisselle', intent: 'emergency' },
  { text: "allo je suffoque j'ai de l'asthme et la ventoline ne fait rien", intent: 'emergency' },
  { text: "bonjour mon ado m'a dit qu'il voulait se foutre en l'air", intent: 'emergency' },
  { text: "mon bras droit est tout engourdi et je n'arrive plus a trouver mes mots", intent: 'emergency' },
  // administrative
  { text: 'bonjour il me faut un document pour justifier mon absence au lycee', intent: 'administrative' },
  { text: "l'assurance de mon pret demande un questionnaire de sante rempli par le medecin", intent: 'administrative' },
  {
    text: "je voudrais que le docteur signe mon dossier pour l'allocation personne handicapee",
    intent: 'administrative',
  },
  // colleague
  {
    text: 'oui bonjour ici le centre de radiologie on a un scanner a vous signaler pour votre patient',
    intent: 'colleague',
  },
  { text: "bonjour je suis l'aide soignante de la maison de retraite les lilas", intent: 'colleague' },
  {
    text: "c'est le docteur moreau remplacant du docteur petit j'aurais besoin d'un renseignement",
    intent: 'colleague',
  },
  // information
  { text: 'est ce que le cabinet est ouvert le lundi de paques', intent: 'information' },
  { text: "il y a un digicode pour entrer dans l'immeuble du cabinet", intent: 'information' },
  { text: 'a partir de quelle heure on peut appeler le matin', intent: 'information' },
  // other
  { text: "bonjour c'est la banque je souhaiterais parler au docteur de son compte", intent: 'other' },
  { text: "j'appelle pour une enquete de satisfaction sur les cabinets medicaux", intent: 'other' },
];

/** Every held-out phrasing: what the specs assert and docs/intent-classifier.md reports. */
export const HELD_OUT_PHRASINGS: readonly LabelledPhrasing[] = [...HELD_OUT_FIRST_BATCH, ...HELD_OUT_SECOND_BATCH];
