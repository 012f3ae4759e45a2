import type { z } from "zod";
import { ErreurLogsoc } from "../errors.ts";
import { schemaBareme, schemaVersion } from "./schema.ts";
import {
  schemaValeursDureesApurement,
  schemaValeursEchelleOcde,
  schemaValeursForfaitCharges,
  schemaValeursPlafonds,
  schemaValeursReperes,
  schemaValeursRsa,
  schemaValeursRsaMajore,
  schemaValeursSaisie,
  schemaValeursSeuilPauvrete,
  schemaValeursSmic,
} from "./valeurs.ts";
import { rsaMontantForfaitaire } from "./donnees/rsaMontantForfaitaire.ts";
import { rsaMajorationIsolement } from "./donnees/rsaMajorationIsolement.ts";
import { saisieRemuneration } from "./donnees/saisieRemuneration.ts";
import { plafondsRessourcesHlm } from "./donnees/plafondsRessourcesHlm.ts";
import { aplForfaitCharges } from "./donnees/aplForfaitCharges.ts";
import { smic } from "./donnees/smic.ts";
import { seuilPauvreteInsee } from "./donnees/seuilPauvreteInsee.ts";
import { echelleOcdeModifiee } from "./donnees/echelleOcdeModifiee.ts";
import { dureesApurement } from "./donnees/dureesApurement.ts";
import { reperesTauxEffort } from "./donnees/reperesTauxEffort.ts";
import { reperesResteAVivre } from "./donnees/reperesResteAVivre.ts";

/** Every scale LogSoc knows: its values schema and its bundled data file, in the order lists show them. */
export const DEFINITIONS = {
  rsa_montant_forfaitaire: { schemaValeurs: schemaValeursRsa, donnees: rsaMontantForfaitaire },
  saisie_remuneration: { schemaValeurs: schemaValeursSaisie, donnees: saisieRemuneration },
  plafonds_ressources_hlm: { schemaValeurs: schemaValeursPlafonds, donnees: plafondsRessourcesHlm },
  apl_forfait_charges: { schemaValeurs: schemaValeursForfaitCharges, donnees: aplForfaitCharges },
  smic: { schemaValeurs: schemaValeursSmic, donnees: smic },
  seuil_pauvrete_insee: { schemaValeurs: schemaValeursSeuilPauvrete, donnees: seuilPauvreteInsee },
  echelle_ocde_modifiee: { schemaValeurs: schemaValeursEchelleOcde, donnees: echelleOcdeModifiee },
  durees_apurement: { schemaValeurs: schemaValeursDureesApurement, donnees: dureesApurement },
  reperes_taux_effort: { schemaValeurs: schemaValeursReperes, donnees: reperesTauxEffort },
  reperes_reste_a_vivre: { schemaValeurs: schemaValeursReperes, donnees: reperesResteAVivre },
  rsa_majoration_isolement: { schemaValeurs: schemaValeursRsaMajore, donnees: rsaMajorationIsolement },
} as const;

export type IdBareme = keyof typeof DEFINITIONS;
export type ValeursDe<K extends IdBareme> = z.output<(typeof DEFINITIONS)[K]["schemaValeurs"]>;

export const IDS_BAREMES = Object.keys(DEFINITIONS) as IdBareme[];

export function estIdBareme(id: string): id is IdBareme {
  return Object.hasOwn(DEFINITIONS, id);
}

/** The known id for `id` (exact, or ignoring case and surrounding spaces), else BAREME_INCONNU. */
export function idBareme(id: string): IdBareme {
  if (estIdBareme(id)) return id;
  const normalise = id.trim().toLowerCase();
  if (estIdBareme(normalise)) return normalise;
  throw new ErreurLogsoc("BAREME_INCONNU", `Barème inconnu « ${id} ». Barèmes disponibles : ${IDS_BAREMES.join(", ")}.`, ["identifiant"]);
}

/** The schema of one scale's values: the Worker validates a published version's `valeurs` with it. */
export function schemaValeurs<K extends IdBareme>(id: K): (typeof DEFINITIONS)[K]["schemaValeurs"];
export function schemaValeurs(id: string): z.ZodType;
export function schemaValeurs(id: string): z.ZodType {
  return DEFINITIONS[idBareme(id)].schemaValeurs;
}

/** The schema of a whole version of one scale (date, values, source, status…), as published. */
export function schemaVersionDe(id: string) {
  return schemaVersion(schemaValeurs(id));
}

/** The schema of one scale's whole data file, used at load and in tests. */
export function schemaBaremeDe(id: string) {
  return schemaBareme(schemaValeurs(id));
}
