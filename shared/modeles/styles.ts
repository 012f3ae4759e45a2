/**
 * The few looks a template uses, shared by both renderers so that a sheet inserted by the add-in and a
 * file written by the CLI look the same. Colours are RGB hex without `#`. Input cells are the only
 * unlocked ones: a protected sheet lets the adviser type in them and nowhere else.
 */
export interface Style {
  gras?: boolean;
  italique?: boolean;
  taille?: number;
  couleur?: string;
  fond?: string;
  bordure?: boolean;
  /** Horizontal alignment. */
  alignement?: "gauche" | "centre" | "droite";
  retourALaLigne?: boolean;
  /** Unlocked: the adviser may type here even when the sheet is protected. */
  deverrouillee?: boolean;
}

export const STYLES = {
  titre: { gras: true, taille: 14, couleur: "1F3864" },
  sousTitre: { italique: true, couleur: "595959", retourALaLigne: true },
  section: { gras: true, couleur: "FFFFFF", fond: "1F4E79" },
  entete: { gras: true, fond: "D9E1F2", bordure: true, alignement: "centre", retourALaLigne: true },
  libelle: { retourALaLigne: true },
  libelleTotal: { gras: true },
  saisie: { fond: "FFF2CC", bordure: true, deverrouillee: true },
  saisieTexte: { fond: "FFF2CC", bordure: true, deverrouillee: true, retourALaLigne: true },
  calcul: { bordure: true },
  resultat: { gras: true, fond: "E2EFDA", bordure: true },
  note: { italique: true, couleur: "595959", retourALaLigne: true },
  alerte: { gras: true, couleur: "C00000", retourALaLigne: true },
  bareme: { bordure: true },
  /** A schedule line: no border, so that the signature block printed below the last instalment reads as text. */
  ligne: {},
} as const satisfies Record<string, Style>;

export type NomStyle = keyof typeof STYLES;

export const NOMS_STYLES = Object.keys(STYLES) as NomStyle[];

/** Number formats, in Excel's invariant notation (the file stores them so; French Excel shows « 1 234,56 € »). */
export const FORMATS = {
  montant: '#,##0.00 "€"',
  montantEntier: '#,##0 "€"',
  taux: "0.00%",
  ratio: "0.0000",
  entier: "0",
  uc: "0.0",
  date: "dd/mm/yyyy",
  fraction: "# ?/??",
  texte: "@",
} as const;

export type NomFormat = keyof typeof FORMATS;

export const VALEURS_FORMATS = new Set<string>(Object.values(FORMATS));
