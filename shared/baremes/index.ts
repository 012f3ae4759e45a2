export { STATUTS, LIBELLES_STATUT, statutLePlusFaible, schemaSource, schemaStatut, schemaVersion, schemaBareme } from "./schema.ts";
export type { Statut, Source, StatutCellule, ValeurBareme, VersionBareme, Bareme } from "./schema.ts";
export { DEFINITIONS, IDS_BAREMES, estIdBareme, idBareme, schemaValeurs, schemaVersionDe, schemaBaremeDe } from "./definitions.ts";
export type { IdBareme, ValeursDe } from "./definitions.ts";
export { FINANCEMENTS, ZONES, LIBELLES_ZONE, plafondPlsDepuisPlus } from "./valeurs.ts";
export type {
  Financement,
  Zone,
  GrillePlafonds,
  ValeursRsa,
  ValeursSaisie,
  ValeursPlafonds,
  ValeursForfaitCharges,
  ValeursSmic,
  ValeursSeuilPauvrete,
  ValeursEchelleOcde,
  ValeursDureesApurement,
  ValeursReperes,
} from "./valeurs.ts";
export { CATALOGUE, baremeAt, creerCatalogue, dateFr, instantConnaissance, instantFr, validerVersionPubliee } from "./catalogue.ts";
export type { BaremeEnCatalogue, CatalogueBaremes, OptionsCatalogue, OrigineVersion, Publication, ReferenceVersion, Remplacement, VersionEnCatalogue, VersionPubliee } from "./catalogue.ts";
export { PUBLICATION_INTEGREE } from "./schema.ts";
export { RefusPublication, schemaDemandePublication, verifierPublication } from "./publication.ts";
export type { ChampRefuse, CodeRefus, DemandePublication } from "./publication.ts";
export { clesFeuilles, noteDeCle, statutDeCle, statutGlobal, valeurParCle } from "./cle.ts";
export type { Scalaire, ValeurTrouvee } from "./cle.ts";
