import type { DateISO } from "../date.ts";
import type { CatalogueBaremes } from "../baremes/catalogue.ts";
import type { RoleExercice, TypeExercice } from "../exercices/enonce.ts";
import type { Constat, GenreConstat } from "./constats.ts";
import type { CelluleLue, LecteurClasseur, ValeurLue } from "./lecteur.ts";
import type { LigneMeta, MetaLue } from "./metadonnees.ts";
import type { Prepare } from "./preparation.ts";
import type { Disposition } from "./dispositions.ts";
import type { Controle, ModeleDossier } from "./rapport.ts";

/**
 * What the phases of a dossier's audit share (./phases/): the workbook, the template rebuilt from the
 * metadata, the names the sheets really got, and the report being written. Each phase reads it, adds
 * its findings and its checks, and marks the cells it found wrong.
 */
export class ContexteDossier {
  readonly lecteur: LecteurClasseur;
  readonly meta: MetaLue;
  readonly catalogue: CatalogueBaremes;
  readonly modele: ModeleDossier;
  readonly exercice: { type: TypeExercice; graine: number; role: RoleExercice } | null;
  readonly p: Prepare;
  /** Sheet key → the sheet's name in the workbook. */
  readonly noms: Record<string, string> = {};
  /** Keys of the template's sheets the workbook no longer has. */
  readonly feuillesAbsentes = new Set<string>();
  readonly constats: Constat[] = [];
  readonly controles: Controle[] = [];
  readonly notes: string[] = [];
  /**
   * Set when the dossier was generated before LogSoc learnt of some publication (its `genere_le` row):
   * `catalogue` is then the catalogue as known at `instant`, and `aujourdhui` the one known now.
   */
  connaissance: { instant: string; aujourdhui: CatalogueBaremes; disposition: Disposition; options: Readonly<Record<string, string | number>> } | null = null;
  /** Findings by cell (`cle!ref`): the skills check needs to know which results are wrong. */
  private readonly marques = new Map<string, GenreConstat[]>();

  constructor(lecteur: LecteurClasseur, meta: MetaLue, catalogue: CatalogueBaremes, modele: ModeleDossier, exercice: ContexteDossier["exercice"], p: Prepare) {
    this.lecteur = lecteur;
    this.meta = meta;
    this.catalogue = catalogue;
    this.modele = modele;
    this.exercice = exercice;
    this.p = p;
  }

  get dateBaremes(): DateISO {
    return this.modele.dateBaremes;
  }

  ligne(cle: string): LigneMeta | undefined {
    return this.meta.lignes.get(cle);
  }

  ajouter(c: Constat): void {
    this.constats.push(c);
  }

  marquer(cle: string, ref: string, g: GenreConstat): void {
    const k = `${cle}!${ref}`;
    this.marques.set(k, [...(this.marques.get(k) ?? []), g]);
  }

  genresDe(cle: string, ref: string): readonly GenreConstat[] {
    return this.marques.get(`${cle}!${ref}`) ?? [];
  }

  private readonly parCle = new Map<string, ReadonlyMap<string, CelluleLue>>();

  /** A cell of the template's sheet `cle`, as the workbook holds it. */
  lire(cle: string, ref: string): CelluleLue | undefined {
    let cellules = this.parCle.get(cle);
    if (cellules === undefined) {
      if (this.feuillesAbsentes.has(cle)) return undefined;
      this.parCle.set(cle, (cellules = this.lecteur.cellules(this.noms[cle]!)));
    }
    return cellules.get(ref);
  }

  /** What the workbook shows in the template's cell `id` (null when empty or absent). */
  lireId(id: string): ValeurLue | undefined {
    const t = this.p.indexBase.parId.get(id);
    if (!t) return null;
    const lu = this.lire(t.feuille.cle, t.cellule.ref);
    return lu === undefined ? null : lu.valeur;
  }

  /** Adds a check whose findings are those added since `debut` (an index in `constats`). */
  controle(debut: number, c: Omit<Controle, "statut" | "constats"> & { statut?: Controle["statut"] }): number {
    const k = this.constats.length - debut;
    this.controles.push({ ...c, statut: c.statut ?? (k > 0 ? "erreur" : "ok"), constats: k });
    return k;
  }
}
