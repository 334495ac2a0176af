import type { LabelledPhrasing } from './labelled-phrasing';

/**
 * A second blind held-out set: what callers of a French GP practice say on the phone, as a speech-to-text engine hands
 * it over (accents, capitals and punctuation often missing, hesitations "euh", "allô", names, small typos, sometimes
 * two sentences), each with what the caller actually wanted.
 *
 * How and when: written on 2026-11-30 in one sitting, blind, by a helper who had not seen the classifier: not its code,
 * patterns, urgency expressions or transcript normalisation, not its documentation, and none of the existing corpora
 * (training, held-out, first blind held-out). Only `INTENTS` (rulebook.ts), `LabelledPhrasing`, `accuracyReport` and
 * the seeds on what callers of a GP practice want were read. Nothing here was checked against the classifier before
 * it was committed: the lead measures it after the classifier's next revision, and a miss found here must not be fixed
 * by tuning on these phrasings (once tuned on, the set is spent).
 *
 * Labelling conventions:
 * - a home visit request is `book`; a booking request that mentions a non-emergency symptom is `book`;
 * - a professional (pharmacist, nurse, lab, hospital, another doctor, physiotherapist) calling about a patient is
 *   `colleague`, whatever the topic;
 * - a patient quoting a professional keeps the patient's own intent ("la pharmacie m'a dit de vous appeler pour
 *   renouveler" is `prescription`);
 * - a symptom mentioned but denied ("elle respire bien", "je n'ai pas de douleur dans la poitrine") is not an
 *   emergency;
 * - a question about a symptom or a treatment, with no request for an appointment, is `advice`.
 */
export const SECOND_BLIND_HELD_OUT_PHRASINGS: readonly LabelledPhrasing[] = [
  { text: "allô oui bonjour je voudrais prendre rendez-vous avec le docteur Martin s'il vous plaît", intent: 'book' },
  {
    text: "bonjour euh c'est pour un rendez vous pour ma fille elle a de la fievre depuis hier soir et elle a mal aux oreilles",
    intent: 'book',
  },
  {
    text: 'est ce que le docteur pourrait passer a la maison voir ma mère elle a 91 ans elle ne peut plus descendre les escaliers',
    intent: 'book',
  },
  {
    text: "Oui bonjour, c'est Madame Lefebvre. J'aurais besoin d'une consultation cette semaine si c'est possible.",
    intent: 'book',
  },
  { text: 'euh je voulais savoir si vous aviez encore une place demain matin pour moi', intent: 'book' },
  {
    text: "bonjour c'est pour voir un médecin aujourd'hui j'ai mal à la gorge depuis trois jours et ça passe pas",
    intent: 'book',
  },
  {
    text: "je voudrais venir faire le vaccin contre la grippe quand est ce qu'il y aurait de la place",
    intent: 'book',
  },
  {
    text: "bonjour je viens d'emménager dans le quartier et je voudrais un premier rendez vous avec un des médecins",
    intent: 'book',
  },
  {
    text: 'allo euh oui c est monsieur nguyen je souhaiterais voir le docteur benali pour un controle de tension rien d urgent',
    intent: 'book',
  },
  {
    text: 'bonjour est-ce que je pourrais avoir un créneau en fin de journée après dix huit heures parce que je travaille',
    intent: 'book',
  },
  {
    text: 'il faudrait une visite à domicile pour mon mari il est alité depuis son opération de la hanche',
    intent: 'book',
  },
  {
    text: "bonjour c'est pour mon fils de quatre ans il tousse un peu la nuit il faudrait qu'un médecin l'ausculte vous auriez quelque chose mercredi",
    intent: 'book',
  },
  {
    text: "bonjour j'ai rendez-vous jeudi à 14h avec le docteur Martin et je ne pourrai pas venir, est ce qu'on peut le décaler à la semaine prochaine",
    intent: 'move',
  },
  { text: "euh oui allô c'est pour changer l'heure de mon rendez vous de demain", intent: 'move' },
  { text: "je voudrais reporter ma consultation de lundi j'ai un empechement au travail", intent: 'move' },
  {
    text: "bonjour madame roussel j'avais un rdv le 12 est ce que c'est possible de le mettre plutot le 15",
    intent: 'move',
  },
  { text: "mon rendez-vous de cet après-midi est-ce qu'on pourrait l'avancer au matin plutôt", intent: 'move' },
  {
    text: "oui bonjour euh j'ai un rendez-vous vendredi pour moi mais je dois garder mon petit qui est malade donc est-ce que je peux venir un autre jour",
    intent: 'move',
  },
  { text: 'bonjour je vous appelle pour annuler mon rendez vous de demain matin', intent: 'cancel' },
  {
    text: "oui c'est madame Petit je ne viendrai pas cet après midi vous pouvez donner ma place à quelqu'un d'autre",
    intent: 'cancel',
  },
  {
    text: "allô euh j'avais pris rendez-vous pour ma fille mercredi mais elle va beaucoup mieux donc c'est plus la peine",
    intent: 'cancel',
  },
  {
    text: "bonjour j'appelle pour décommander la visite du docteur chez ma grand-mère elle a été hospitalisée hier",
    intent: 'cancel',
  },
  { text: 'je dois annuler le rdv de 17h30 au nom de durand merci', intent: 'cancel' },
  {
    text: "Bonjour c'est Karim Haddad. Je ne pourrai pas honorer mon rendez-vous de lundi et je préfère ne pas en reprendre pour l'instant.",
    intent: 'cancel',
  },
  { text: 'bonjour je voudrais faire renouveler mon ordonnance pour la tension', intent: 'prescription' },
  {
    text: "la pharmacie m'a dit de vous appeler pour renouveler mon traitement pour la thyroïde",
    intent: 'prescription',
  },
  {
    text: 'euh oui bonjour je suis à court de levothyrox depuis hier est ce que le docteur peut me refaire une ordonnance',
    intent: 'prescription',
  },
  { text: "c'est pour mon renouvellement de pilule j'ai plus de plaquettes", intent: 'prescription' },
  {
    text: "bonjour est ce que le docteur peut envoyer l'ordonnance à la pharmacie du centre pour mes bandelettes de glycemie",
    intent: 'prescription',
  },
  { text: "j'ai perdu mon ordonnance pour l'insuline est ce qu'on peut m'en refaire une", intent: 'prescription' },
  {
    text: "allô bonjour euh le pharmacien dit que mon ordonnance est plus valable elle a plus d'un an il m'en faudrait une nouvelle",
    intent: 'prescription',
  },
  {
    text: "c'est madame girard je voudrais que le docteur me represcrive des séances de kiné pour mon épaule",
    intent: 'prescription',
  },
  {
    text: 'bonjour ma mère a besoin que son ordonnance pour les soins infirmiers et les pansements soit prolongée',
    intent: 'prescription',
  },
  {
    text: 'est-ce que je peux passer récupérer une ordonnance pour mes médicaments du cholestérol sans prendre rendez-vous',
    intent: 'prescription',
  },
  {
    text: "bonjour j'ai fait une prise de sang la semaine dernière et je voulais savoir si le docteur avait reçu les résultats",
    intent: 'results',
  },
  { text: "oui allô c'est pour avoir les résultats de ma radio du genou", intent: 'results' },
  {
    text: "euh le laboratoire m'a dit qu'ils vous avaient envoyé mes analyses est ce que le docteur les a regardées",
    intent: 'results',
  },
  { text: 'bonjour je voudrais savoir si mon scanner est arrivé et ce que ça donne', intent: 'results' },
  {
    text: "C'est monsieur Blanc, j'attends le compte rendu de mon échographie, est-ce que vous l'avez reçu ?",
    intent: 'results',
  },
  { text: "je voulais savoir si mes résultats d'urine étaient bons ou si je dois refaire l'examen", intent: 'results' },
  { text: 'bonjour est-ce que le docteur a eu le courrier du cardiologue après mon holter', intent: 'results' },
  {
    text: "oui bonjour c'est pour le résultat de mon frottis ça fait trois semaines et toujours pas de nouvelles",
    intent: 'results',
  },
  {
    text: "bonjour j'ai une question pour le docteur est ce que je peux prendre de l'ibuprofène avec mon traitement",
    intent: 'advice',
  },
  {
    text: 'euh mon fils a 38 5 de fièvre depuis ce matin je voulais savoir ce que je peux lui donner',
    intent: 'advice',
  },
  {
    text: "bonjour depuis que j'ai commencé le nouveau médicament j'ai des nausées est ce que c'est normal",
    intent: 'advice',
  },
  {
    text: "je voudrais demander conseil au docteur ma mère se plaint d'avoir la tête qui tourne un peu quand elle se lève",
    intent: 'advice',
  },
  { text: "j'ai oublié de prendre ma pilule hier soir qu'est-ce que je dois faire", intent: 'advice' },
  {
    text: 'bonjour je voulais savoir si je dois arrêter mon anticoagulant avant de me faire arracher une dent',
    intent: 'advice',
  },
  {
    text: "ma fille s'est fait piquer par une guêpe au bras ça a un peu gonflé mais elle respire bien, est-ce que je dois mettre quelque chose",
    intent: 'advice',
  },
  {
    text: "le docteur m'a dit de le tenir au courant, la toux est toujours là, je voulais savoir si je continue le sirop ou pas",
    intent: 'advice',
  },
  {
    text: "bonjour euh j'ai mal au dos depuis une semaine pas de fièvre rien, je voudrais savoir si je peux continuer la course à pied",
    intent: 'advice',
  },
  {
    text: "c'est pour une question ma tension est à 15 8 ce matin est ce que je dois doubler le comprimé",
    intent: 'advice',
  },
  {
    text: "je suis enceinte de trois mois et j'ai attrapé un gros rhume, quels médicaments j'ai le droit de prendre",
    intent: 'advice',
  },
  {
    text: "Bonjour, je n'ai pas de douleur dans la poitrine, rien de grave hein, mais j'ai le coeur qui s'accélère un peu le soir de temps en temps et je voudrais l'avis du docteur.",
    intent: 'advice',
  },
  {
    text: "mon bébé de six mois a des petits boutons sur le ventre il va bien il mange bien c'est grave",
    intent: 'advice',
  },
  {
    text: "euh bonjour je voulais demander si c'est normal que le vaccin donne de la fièvre le lendemain, mon fils l'a eu hier",
    intent: 'advice',
  },
  {
    text: 'allô vite mon mari a très mal dans la poitrine ça lui serre jusque dans le bras gauche',
    intent: 'emergency',
  },
  { text: 'ma mere n arrive plus a respirer elle devient toute bleue', intent: 'emergency' },
  { text: 'mon père est tombé dans la cuisine il répond plus il a les yeux fermés', intent: 'emergency' },
  {
    text: "euh allô ma femme a la bouche qui tombe d'un côté et elle parle bizarrement depuis dix minutes",
    intent: 'emergency',
  },
  { text: "je me suis coupé avec la scie ça saigne énormément j'arrive pas à arrêter le sang", intent: 'emergency' },
  {
    text: 'mon fils fait une crise il a les bras et les jambes qui tremblent de partout et il répond pas',
    intent: 'emergency',
  },
  { text: 'ma fille a avalé toute une boîte de doliprane il y a une heure', intent: 'emergency' },
  { text: "je veux plus vivre. j'ai envie d'en finir ce soir", intent: 'emergency' },
  {
    text: 'bonjour mon fils a mangé une cacahuète et son visage gonfle il a du mal à avaler et à respirer',
    intent: 'emergency',
  },
  { text: 'mon bébé de deux mois boit plus rien il est tout mou et il respire très vite', intent: 'emergency' },
  { text: "allô c'est pour mon voisin il s'est effondré dans l'escalier il est inconscient", intent: 'emergency' },
  {
    text: "oui euh bonjour j'ai une douleur horrible dans la poitrine depuis une demi heure et je transpire beaucoup",
    intent: 'emergency',
  },
  { text: 'mon grand-père a vomi du sang beaucoup de sang il est tout pâle', intent: 'emergency' },
  { text: 'mon mari peut plus bouger le bras droit ni la jambe et il arrive plus à parler', intent: 'emergency' },
  {
    text: "ma fille de 15 ans a pris des cachets dans l'armoire je sais pas combien, elle dit qu'elle voulait mourir",
    intent: 'emergency',
  },
  {
    text: "bonjour j'aurais besoin d'un certificat médical pour l'inscription de mon fils au judo",
    intent: 'administrative',
  },
  { text: "c'est pour mon arrêt de travail mon employeur dit qu'il l'a pas reçu", intent: 'administrative' },
  {
    text: 'bonjour je dois remplir un dossier MDPH pour mon fils est ce que le docteur peut remplir la partie médicale',
    intent: 'administrative',
  },
  {
    text: "oui allo je voudrais une attestation comme quoi j'étais en consultation hier pour mon travail",
    intent: 'administrative',
  },
  {
    text: "la secu m'a renvoyé la feuille de soins elle est pas signée qu'est ce que je dois faire",
    intent: 'administrative',
  },
  {
    text: "bonjour j'ai une nouvelle carte vitale et je voulais que vous mettiez à jour mes informations",
    intent: 'administrative',
  },
  {
    text: "euh c'est pour la mutuelle il leur faut une facture détaillée de la consultation",
    intent: 'administrative',
  },
  {
    text: 'bonjour je voudrais déclarer le docteur Moreau comme médecin traitant comment on fait',
    intent: 'administrative',
  },
  {
    text: "est-ce que je pourrais avoir une copie de mon dossier médical s'il vous plaît, je déménage à Lyon",
    intent: 'administrative',
  },
  {
    text: "bonjour ici la pharmacie Saint-Michel j'appelle au sujet d'une ordonnance de madame Lambert il y a une interaction",
    intent: 'colleague',
  },
  {
    text: "oui bonjour je suis l'infirmière à domicile de monsieur Roux, sa plaie s'est infectée, j'aurais besoin de parler au docteur",
    intent: 'colleague',
  },
  {
    text: 'bonjour laboratoire Biolam, on a un résultat de potassium très élevé pour un patient du docteur Martin',
    intent: 'colleague',
  },
  {
    text: "allô c'est le service de cardiologie de l'hôpital Nord, nous avons un patient à vous qui sort ce soir, je voulais faire les transmissions",
    intent: 'colleague',
  },
  {
    text: "bonjour docteur Dupuis cardiologue, je voudrais parler à mon confrère au sujet d'un patient que nous suivons tous les deux",
    intent: 'colleague',
  },
  {
    text: 'oui bonjour ici le kiné de madame Fabre, il me faudrait une nouvelle prescription pour continuer les séances',
    intent: 'colleague',
  },
  { text: "bonjour vous êtes ouverts jusqu'à quelle heure ce soir", intent: 'information' },
  { text: "c'est quoi l'adresse exacte du cabinet s'il vous plaît", intent: 'information' },
  { text: "est ce qu'il y a un parking près du cabinet ou il faut se garer dans la rue", intent: 'information' },
  { text: 'bonjour est-ce que le cabinet est ouvert le samedi matin', intent: 'information' },
  { text: "le cabinet c'est à quel étage, il y a un ascenseur", intent: 'information' },
  { text: "euh bonjour on peut venir en bus jusqu'à chez vous c'est quel arrêt", intent: 'information' },
  { text: 'vous serez ouverts pendant le pont du quinze août', intent: 'information' },
  { text: "allô c'est bien la boulangerie dupont ? ah pardon je me suis trompé de numéro", intent: 'other' },
  {
    text: "bonjour Julien de la société Energia, je vous appelle pour vous proposer une offre sur votre contrat d'électricité",
    intent: 'other',
  },
  {
    text: 'bonjour je fais un sondage pour un institut sur les habitudes de consommation auriez vous deux minutes',
    intent: 'other',
  },
  {
    text: "oui bonjour c'est le livreur j'ai un colis pour le 12 rue des lilas mais personne répond à l'interphone",
    intent: 'other',
  },
];
