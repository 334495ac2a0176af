/**
 * Invented-person name material for the demo data: family names common in Brittany and in France, first names by the
 * decade people were born in (a 90-year-old is rarely called Enzo). Accents, apostrophes-free particles ("Le Gall") and
 * compound first names are deliberate: search and display must cope with them.
 */
export const FAMILY_NAMES: readonly string[] = [
  'Le Gall', 'Le Goff', 'Le Roux', 'Le Bihan', 'Le Corre', 'Le Floch', 'Le Hénaff', 'Le Guen', 'Le Bris', 'Le Moal',
  'Guillou', 'Tanguy', 'Hamon', 'Hervé', 'Jégou', 'Morvan', 'Riou', 'Cadiou', 'Quéré', 'Guégan',
  'Thébault', 'Daniélou', 'Kerhervé', 'Prigent', 'Le Meur', 'Gouézec', 'Briand', 'Rouxel', 'Lebreton', 'Pichon',
  'Lucas', 'Daniel', 'Gautier', 'Chevalier', 'Bertrand', 'Rolland', 'Perrin', 'Charpentier', 'Mahé', 'Josse',
  'Martin', 'Bernard', 'Dubois', 'Thomas', 'Robert', 'Richard', 'Petit', 'Durand', 'Leroy', 'Moreau',
  'Simon', 'Laurent', 'Lefèvre', 'Michel', 'Garcia', 'David', 'Fournier', 'Girard', 'Bonnet', 'Dupont',
  'Lambert', 'Fontaine', 'Rousseau', 'Vincent', 'Muller', 'Lemaître', 'Ménard', 'Bénard', 'Prévost', 'Gérard',
  'Lévêque', 'Bréhier', 'Mérel', 'Séverin', 'Brégeon', 'Géraud', 'Lelièvre', 'Legrand', 'Leclerc', 'Boucher',
  'Renaud', 'Picard', 'Barbier', 'Aubry', 'Caron', 'Huet', 'Carré', 'Bouvier', 'Collin', 'Poirier',
  'Besnard', 'Desbois', 'Hémery', 'Pasquier', 'Rémond', 'Texier', 'Gicquel', 'Le Cornec', 'Salaün', 'Nédélec',
  'Ollivier', 'Guillemot', 'Jaouen', 'Toullec', 'Le Dantec', 'Kervella', 'Cloarec', 'Rivière', 'Bénéteau', 'Ferré',
];

type Sex = 'F' | 'M';

/** First names by birth year (inclusive lower bound of each generation). */
const GENERATIONS: ReadonlyArray<{ from: number; F: readonly string[]; M: readonly string[] }> = [
  {
    from: 0,
    F: ['Marie', 'Jeanne', 'Yvonne', 'Germaine', 'Simone', 'Suzanne', 'Madeleine', 'Marguerite', 'Odette', 'Paulette', 'Lucienne', 'Renée', 'Andrée', 'Thérèse', 'Marcelle', 'Anne-Marie'],
    M: ['Jean', 'Louis', 'Pierre', 'Joseph', 'René', 'Marcel', 'André', 'Henri', 'Roger', 'Robert', 'Maurice', 'Raymond', 'Georges', 'Albert', 'Francis', 'Yves'],
  },
  {
    from: 1940,
    F: ['Monique', 'Jacqueline', 'Françoise', 'Michèle', 'Colette', 'Nicole', 'Danielle', 'Annick', 'Josiane', 'Marie-Thérèse', 'Geneviève', 'Christiane', 'Gisèle', 'Anne', 'Huguette'],
    M: ['Michel', 'Jean-Claude', 'Bernard', 'Alain', 'Gérard', 'Jacques', 'Daniel', 'Claude', 'Guy', 'Yvon', 'Jean-Yves', 'Joël', 'Roland', 'Jean-Paul', 'Noël'],
  },
  {
    from: 1955,
    F: ['Catherine', 'Martine', 'Sylvie', 'Brigitte', 'Christine', 'Véronique', 'Dominique', 'Chantal', 'Évelyne', 'Pascale', 'Isabelle', 'Nadine', 'Marie-Christine', 'Maryvonne', 'Annie'],
    M: ['Philippe', 'Patrick', 'Jean-Pierre', 'Thierry', 'Pascal', 'Éric', 'Dominique', 'Didier', 'Hervé', 'Jean-Luc', 'Gilles', 'Denis', 'Bruno', 'Loïc', 'Jean-François'],
  },
  {
    from: 1970,
    F: ['Nathalie', 'Sandrine', 'Valérie', 'Stéphanie', 'Céline', 'Sophie', 'Karine', 'Delphine', 'Virginie', 'Aurélie', 'Émilie', 'Gaëlle', 'Laurence', 'Cécile', 'Séverine'],
    M: ['Stéphane', 'Christophe', 'Sébastien', 'Frédéric', 'Laurent', 'Olivier', 'Nicolas', 'David', 'Jérôme', 'Cédric', 'Yann', 'Erwan', 'Ludovic', 'Fabrice', 'Arnaud'],
  },
  {
    from: 1985,
    F: ['Julie', 'Camille', 'Marine', 'Laura', 'Pauline', 'Élodie', 'Mélanie', 'Anaïs', 'Justine', 'Morgane', 'Claire', 'Charlotte', 'Clémence', 'Océane', 'Maëlle'],
    M: ['Thomas', 'Kévin', 'Maxime', 'Julien', 'Alexandre', 'Romain', 'Anthony', 'Guillaume', 'Florian', 'Quentin', 'Benjamin', 'Jérémy', 'Mickaël', 'Gwendal', 'Antoine'],
  },
  {
    from: 2000,
    F: ['Léa', 'Manon', 'Chloé', 'Emma', 'Camille', 'Clara', 'Sarah', 'Inès', 'Lucie', 'Océane', 'Maëlys', 'Lisa', 'Jade', 'Zoé', 'Noémie'],
    M: ['Lucas', 'Hugo', 'Théo', 'Enzo', 'Mathis', 'Nathan', 'Clément', 'Baptiste', 'Louis', 'Tom', 'Maël', 'Évan', 'Noah', 'Raphaël', 'Corentin'],
  },
  {
    from: 2013,
    F: ['Louise', 'Alice', 'Jade', 'Rose', 'Ambre', 'Anna', 'Lina', 'Mila', 'Léonie', 'Romane', 'Juliette', 'Nina', 'Lou', 'Iris', 'Élise'],
    M: ['Gabriel', 'Léo', 'Raphaël', 'Arthur', 'Jules', 'Louis', 'Adam', 'Maël', 'Gabin', 'Noé', 'Sacha', 'Tiago', 'Timéo', 'Malo', 'Éden'],
  },
];

export function firstNamesFor(birthYear: number, sex: Sex): readonly string[] {
  let generation = GENERATIONS[0];
  for (const g of GENERATIONS) if (birthYear >= g.from) generation = g;
  return generation[sex];
}

/** "Le Hénaff" → "le-henaff", "Anne-Marie" → "anne-marie": for e-mail local parts. */
export function asciiSlug(value: string): string {
  return value
    .normalize('NFD')
    .replace(/\p{Diacritic}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
}
