import type { ProtocolContentInput } from '../application/protocols/protocol-input';

/**
 * The protocols a French MSP writes first when a medical assistant joins (the seeds' method: one protocol per delegated
 * mission, its validation circuit, the alert thresholds that send a case back to the physician, a deadline). Written
 * as the team would, in French; the referent drafts and adopts them.
 */
export const DEMO_PROTOCOLS: readonly ProtocolContentInput[] = [
  {
    title: 'Suivi des examens complémentaires',
    mission:
      'L’assistant·e médical·e s’assure que chaque examen prescrit (biologie, imagerie, avis spécialisé) revient au ' +
      'dossier, relance ce qui manque et présente chaque résultat au médecin référent avant tout retour au patient.',
    procedure: [
      '## Champ',
      'Examens de biologie, d’imagerie, d’anatomopathologie et avis spécialisés prescrits par un médecin de la MSP.',
      '',
      '## Étapes',
      '1. Chaque matin, relever les résultats reçus depuis la veille (messagerie sécurisée MSSanté, serveur du laboratoire).',
      '2. Rapprocher chaque résultat de sa prescription dans le dossier patient.',
      '3. Relancer le laboratoire ou le cabinet d’imagerie pour tout examen sans résultat à J+7 (biologie) ou J+21 ' +
        '(imagerie, avis spécialisé) ; noter la relance dans la tâche.',
      '4. Intégrer le résultat au dossier et au DMP, rattaché à la consultation d’origine.',
      '5. Lever le signal **résultat anormal** dès qu’une valeur sort des normes du laboratoire : la tâche remonte ' +
        'aussitôt au médecin référent.',
      '6. Soumettre la tâche au médecin référent, qui valide et décide du retour au patient (appel, courrier, ' +
        'rendez-vous).',
      '',
      '## Ce que l’assistant·e ne fait pas',
      '- Interpréter un résultat ou en annoncer le contenu au patient.',
      '- Modifier un traitement ou prescrire un examen de contrôle.',
      '',
      '## Retour immédiat au médecin',
      'Tout résultat anormal ; tout résultat d’anatomopathologie ; un patient qui, lors d’une relance, signale un ' +
        'saignement, une douleur thoracique ou un essoufflement.',
    ].join('\n'),
    taskType: 'exam_follow_up',
    executingRoles: ['medical_assistant'],
    professions: ['general_practitioner', 'medical_assistant'],
    validationCircuit: 'referent_review',
    alertThresholds: {
      categories: ['pathology'],
      flags: ['abnormal_result'],
      keywords: ['résultat anormal', 'saignement', 'douleur thoracique', 'essoufflement'],
    },
    deadlineHours: 72,
  },
  {
    title: 'Préparation des renouvellements d’ordonnance',
    mission:
      'L’assistant·e médical·e prépare le renouvellement des traitements chroniques stables : vérifie les conditions ' +
      'du renouvellement, met à jour les constantes et prépare l’ordonnance, que le médecin référent relit et signe.',
    procedure: [
      '## Champ',
      'Traitements chroniques stables (hypertension, diabète de type 2, dyslipidémie, hypothyroïdie, contraception) ' +
        'prescrits par un médecin de la MSP depuis plus de six mois.',
      '',
      '## Étapes',
      '1. Vérifier dans le dossier la date de la dernière consultation : au-delà de 12 mois, proposer un rendez-vous ' +
        'au lieu d’un renouvellement.',
      '2. Vérifier que les examens de surveillance sont à jour (HbA1c, bilan lipidique, TSH, kaliémie selon le ' +
        'traitement).',
      '3. Prendre la tension et le poids si le patient est au cabinet ; les reporter dans le dossier.',
      '4. Demander au patient s’il a remarqué des effets indésirables ou un changement de traitement par un autre ' +
        'médecin.',
      '5. Préparer l’ordonnance à l’identique dans le logiciel métier, sans la signer.',
      '6. Soumettre la tâche au médecin référent, qui relit, signe ou modifie.',
      '',
      '## Ce que l’assistant·e ne fait pas',
      '- Changer une posologie, ajouter ou retirer un médicament.',
      '- Renouveler un stupéfiant, un anticoagulant ou un traitement de moins de six mois.',
      '',
      '## Retour immédiat au médecin',
      'Tension au-dessus de 160/100, effets indésirables rapportés, grossesse possible, allergie nouvelle.',
    ].join('\n'),
    taskType: 'prescription_renewal',
    executingRoles: ['medical_assistant'],
    professions: ['general_practitioner', 'medical_assistant'],
    validationCircuit: 'referent_review',
    alertThresholds: {
      categories: [],
      flags: ['abnormal_result', 'side_effect'],
      keywords: ['effets indésirables', 'grossesse', 'allergie', 'malaise'],
    },
    deadlineHours: 24,
  },
  {
    title: 'Rappel des patients après message',
    mission:
      'Le secrétariat ou l’assistant·e médical·e rappelle le patient qui a laissé un message, traite les demandes ' +
      'administratives et oriente vers le médecin toute demande médicale.',
    procedure: [
      '## Champ',
      'Messages laissés au standard ou au secrétariat virtuel : rendez-vous, documents, résultats, renouvellements.',
      '',
      '## Étapes',
      '1. Rappeler le patient dans les 4 heures ouvrées ; à défaut de réponse, laisser un message neutre (« le cabinet ' +
        'a cherché à vous joindre ») et retenter une fois.',
      '2. Vérifier l’identité (nom, prénom, date de naissance) avant toute information.',
      '3. Traiter les demandes administratives : rendez-vous, attestation, envoi d’un document déjà validé.',
      '4. Pour une demande de résultat ou de renouvellement, créer la tâche correspondante plutôt que répondre ' +
        'soi-même.',
      '5. Noter dans la tâche la réponse donnée et clore.',
      '',
      '## Ce que le rappel ne fait pas',
      '- Donner un conseil médical ou commenter un résultat.',
      '',
      '## Retour immédiat au médecin',
      'Douleur thoracique, essoufflement, saignement, fièvre chez un nourrisson, idées suicidaires : passer l’appel ' +
        'au médecin présent ou au 15, puis signaler la tâche.',
    ].join('\n'),
    taskType: 'phone_callback',
    executingRoles: ['secretary', 'medical_assistant'],
    professions: ['general_practitioner', 'medical_secretary', 'medical_assistant'],
    validationCircuit: 'none',
    alertThresholds: {
      categories: ['advice', 'emergency'],
      flags: ['patient_worried'],
      keywords: ['douleur thoracique', 'essoufflement', 'saignement', 'fièvre chez un nourrisson', 'idées suicidaires'],
    },
    deadlineHours: 4,
  },
  {
    title: 'Dossiers administratifs et formulaires (ALD, MDPH, assurances)',
    mission:
      'L’assistant·e médical·e prépare les formulaires et dossiers que les patients demandent — protocole de soins ' +
      'ALD, dossier MDPH ou APA, entente préalable, questionnaire d’assurance — à partir du dossier ; le médecin ' +
      'référent relit, complète le volet médical et signe.',
    procedure: [
      '## Champ',
      'Formulaires de l’Assurance Maladie, de la MDPH, du département et des assureurs demandés par un patient suivi ' +
        'à la MSP.',
      '',
      '## Étapes',
      '1. Vérifier l’identité du patient et la pièce demandée ; noter l’échéance dans la tâche.',
      '2. Pré-remplir le volet administratif depuis le dossier (identité, droits, antécédents déjà saisis).',
      '3. Rassembler les comptes rendus utiles et les joindre.',
      '4. Soumettre la tâche au médecin référent, qui relit, rédige le volet médical et signe.',
      '5. Envoyer ou remettre le dossier après signature ; noter l’envoi.',
      '',
      '## Ce que l’assistant·e ne fait pas',
      '- Rédiger un certificat ou le volet médical d’un dossier.',
      '- Transmettre une pièce médicale à un tiers sans l’accord du médecin.',
      '',
      '## Retour immédiat au médecin',
      'Demande de certificat de décès, de coups et blessures ou sur réquisition ; demande de pièces médicales par un ' +
        'tiers.',
    ].join('\n'),
    taskType: 'insurance_files',
    executingRoles: ['medical_assistant'],
    professions: ['general_practitioner', 'medical_assistant'],
    validationCircuit: 'referent_review',
    alertThresholds: {
      categories: [],
      flags: ['third_party_request'],
      keywords: ['certificat de décès', 'coups et blessures', 'réquisition'],
    },
    deadlineHours: 120,
  },
  {
    title: 'Classement des résultats et courriers au dossier',
    mission:
      'Le secrétariat classe chaque jour les résultats et courriers reçus pour chaque médecin — messagerie ' +
      'sécurisée, serveur du laboratoire, courrier papier — au dossier et au DMP ; le médecin relit la liste chaque ' +
      'semaine.',
    procedure: [
      '## Champ',
      'Résultats de biologie et d’imagerie, comptes rendus et courriers de spécialistes et d’établissements.',
      '',
      '## Étapes',
      '1. Chaque matin, relever la messagerie sécurisée, le serveur du laboratoire et le courrier papier.',
      '2. Numériser le papier ; rattacher chaque document au dossier du patient et à la consultation d’origine.',
      '3. Verser au DMP ce qui doit l’être.',
      '4. Signaler aussitôt au médecin tout document marqué urgent ou tout résultat critique, sans attendre la relecture.',
      '5. Clore la tâche ; la liste de la semaine est relue par le médecin à la revue hebdomadaire.',
      '',
      '## Ce que le secrétariat ne fait pas',
      '- Lire ou commenter un résultat au patient.',
    ].join('\n'),
    taskType: 'patient_records',
    executingRoles: ['secretary', 'medical_assistant'],
    professions: ['general_practitioner', 'medical_secretary'],
    validationCircuit: 'weekly_review',
    alertThresholds: { categories: [], flags: ['abnormal_result'], keywords: ['urgent', 'résultat critique'] },
    deadlineHours: 48,
  },
  {
    title: 'Suivi du tiers payant et des rejets',
    mission:
      'Le secrétariat suit les feuilles de soins rejetées et les parts de tiers payant impayées, met à jour les ' +
      'droits et relance les caisses et organismes complémentaires.',
    procedure: [
      '## Champ',
      'Rejets de feuilles de soins électroniques, impayés de la part obligatoire ou complémentaire.',
      '',
      '## Étapes',
      '1. Relever chaque semaine les rejets et impayés du logiciel de facturation.',
      '2. Vérifier les droits du patient (carte Vitale, attestation, organisme complémentaire).',
      '3. Corriger et renvoyer la feuille de soins, ou relancer l’organisme avec les pièces justificatives.',
      '4. Noter dans la tâche ce qui a été fait et clore.',
      '',
      '## Retour au médecin',
      'Un acte contesté par la caisse (cotation, prescription) : le médecin répond lui-même.',
    ].join('\n'),
    taskType: 'billing',
    executingRoles: ['secretary'],
    professions: ['general_practitioner', 'medical_secretary'],
    validationCircuit: 'none',
    alertThresholds: { categories: [], flags: ['contested_act'], keywords: ['acte contesté', 'indu'] },
    deadlineHours: null,
  },
];

/** Who a demo task goes to: the medical assistant by name, or a pool. */
export type DemoTaskTarget = 'assistant' | 'assistant_pool' | 'secretary_pool';

export interface DemoTask {
  /** Under the demo protocol adopted for this task type, or the catalogue's type when no demo protocol covers it. */
  taskType: string;
  to: DemoTaskTarget;
  title: string;
  description: string;
  priority: 'low' | 'normal' | 'high' | 'urgent';
}

/** A morning's board at the practice: nothing names a patient (the demo tasks carry no patient id). */
export const DEMO_TASKS: readonly DemoTask[] = [
  {
    taskType: 'exam_follow_up',
    to: 'assistant',
    title: 'Relancer le laboratoire : bilan lipidique attendu depuis 8 jours',
    description:
      'Prescrit en consultation de suivi cardiovasculaire ; aucun résultat reçu sur le serveur du laboratoire.',
    priority: 'normal',
  },
  {
    taskType: 'exam_follow_up',
    to: 'assistant',
    title: 'Échographie abdominale : récupérer le compte rendu du cabinet de radiologie',
    description:
      'Examen fait la semaine dernière. Le laboratoire a signalé par téléphone un résultat anormal sur le bilan ' +
      'hépatique associé : à présenter au médecin référent.',
    priority: 'high',
  },
  {
    taskType: 'exam_follow_up',
    to: 'assistant_pool',
    title: 'Avis cardiologique demandé en mars : courrier de réponse non reçu',
    description: 'Appeler le secrétariat du cardiologue ; demander l’envoi du courrier par messagerie sécurisée.',
    priority: 'normal',
  },
  {
    taskType: 'prescription_renewal',
    to: 'assistant',
    title: 'Préparer le renouvellement du traitement antihypertenseur (ordonnance échue vendredi)',
    description:
      'Patient vu il y a 4 mois ; dernière kaliémie de janvier. Prendre la tension à son passage demain matin.',
    priority: 'high',
  },
  {
    taskType: 'prescription_renewal',
    to: 'assistant_pool',
    title: 'Renouvellement de contraception orale demandé par message',
    description: 'Vérifier la date du dernier frottis et la dernière tension relevée avant de préparer l’ordonnance.',
    priority: 'normal',
  },
  {
    taskType: 'phone_callback',
    to: 'secretary_pool',
    title: 'Rappeler : demande d’attestation de présence pour l’employeur',
    description: 'Message laissé hier soir au standard. Attestation à préparer pour la consultation de lundi.',
    priority: 'normal',
  },
  {
    taskType: 'phone_callback',
    to: 'secretary_pool',
    title: 'Rappeler la pharmacie du Colombier : ordonnance du 12 incomplète',
    description: 'La pharmacie demande la durée du traitement, absente de l’ordonnance. Voir avec le prescripteur.',
    priority: 'high',
  },
  {
    taskType: 'patient_records',
    to: 'secretary_pool',
    title: 'Numériser et classer les courriers de spécialistes reçus ce matin',
    description: 'Six courriers papier dans la bannette du secrétariat ; les rattacher au dossier et au DMP.',
    priority: 'low',
  },
];
