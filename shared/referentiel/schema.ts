import { z } from "zod";
import { estDateISO } from "../date.ts";

/**
 * Zod schemas of the competency referential. The data is typed by hand in `donnees.ts`; these schemas
 * check it at load (and in tests) so a slip in an id, a numbering gap or a stray line break from the
 * PDF extraction fails loudly instead of reaching a grille de compétences.
 */

const deuxChiffres = (n: number) => String(n).padStart(2, "0");

/** A text shown to users: one line, trimmed, single spaces (what is left of a PDF line break is a defect). */
export const texte = z
  .string()
  .min(1, { error: "Le texte ne peut pas être vide." })
  .refine((s) => s === s.trim() && !/\s{2}|[\n\r\t\u00a0]/.test(s), {
    error: "Le texte doit tenir sur une ligne, sans espace superflu.",
  });

export const dateIsoReferentiel = z.string().refine(estDateISO, { error: "Date attendue au format AAAA-MM-JJ." });

export const idDomaine = z.string().regex(/^D\d$/, { error: "Identifiant de domaine attendu : D1, D2…" });
export const idActivite = z.string().regex(/^A\d{2}$/, { error: "Identifiant d'activité attendu : A01, A02…" });
export const idCompetence = z.string().regex(/^A\d{2}-C\d{2}$/, { error: "Identifiant de compétence attendu : A01-C01…" });

// Key order is the order of DESIGN.md §5.2: zod outputs an object's keys in the order of its shape.
export const CompetenceSchema = z.strictObject({
  id: idCompetence,
  libelle: texte,
});

export const ActiviteSchema = z.strictObject({
  id: idActivite,
  numero: z.number().int().min(1),
  intitule: texte,
  competences: z.array(CompetenceSchema).min(1),
});

export const DomaineSchema = z.strictObject({
  id: idDomaine,
  intitule: texte,
  activites: z.array(ActiviteSchema).min(1),
});

/**
 * Ids are positional and therefore stable as long as the referential does not change: domaines D1…,
 * activités numbered 1… across the domains with id A01…, compétences A01-C01… in the order of the source.
 */
export const DomainesSchema = z
  .array(DomaineSchema)
  .min(1)
  .superRefine((domaines, ctx) => {
    let numeroAttendu = 1;
    domaines.forEach((d, i) => {
      if (d.id !== `D${i + 1}`) {
        ctx.addIssue({ code: "custom", message: `Le domaine n°${i + 1} doit avoir l'identifiant D${i + 1}, pas ${d.id}.`, path: [i, "id"] });
      }
      d.activites.forEach((a, j) => {
        if (a.numero !== numeroAttendu) {
          ctx.addIssue({ code: "custom", message: `L'activité ${a.id} doit porter le numéro ${numeroAttendu}, pas ${a.numero}.`, path: [i, "activites", j, "numero"] });
        }
        if (a.id !== `A${deuxChiffres(a.numero)}`) {
          ctx.addIssue({ code: "custom", message: `L'activité n°${a.numero} doit avoir l'identifiant A${deuxChiffres(a.numero)}, pas ${a.id}.`, path: [i, "activites", j, "id"] });
        }
        a.competences.forEach((c, k) => {
          const attendu = `${a.id}-C${deuxChiffres(k + 1)}`;
          if (c.id !== attendu) {
            ctx.addIssue({ code: "custom", message: `La compétence n°${k + 1} de ${a.id} doit avoir l'identifiant ${attendu}, pas ${c.id}.`, path: [i, "activites", j, "competences", k, "id"] });
          }
        });
        numeroAttendu++;
      });
    });
  });

/** The certification's metadata, in the words of the source (the CNCP Inventaire sheet). */
export const CertificationSchema = z.strictObject({
  intitule: texte,
  /** Code in France Compétences' Répertoire spécifique (RS), the successor of the CNCP Inventaire. */
  identifiant: z.string().regex(/^RS\d+$/),
  /** « Identifiant : 3474 » as the source writes it. */
  numeroFiche: z.string().regex(/^\d+$/),
  categorie: texte,
  objectifs: texte,
  dateCreation: dateIsoReferentiel,
  dateVersion: dateIsoReferentiel,
  /** What the source calls the « composantes de la certification »: one per domaine. */
  composantes: z.array(z.strictObject({ domaine: idDomaine, libelle: texte })).min(1),
  certificationComplete: texte,
  certificationPartielle: z.strictObject({
    possible: z.boolean(),
    /** Each domaine can be certified on its own. */
    parDomaine: z.boolean(),
    etendue: texte,
    modalitesPourCompleter: z.array(texte).min(1),
  }),
  validite: z.strictObject({
    certification: texte,
    composantesAcquises: texte,
    delaiPourValiderComposantesManquantes: z.strictObject({ libelle: texte, annees: z.number().int().positive() }),
  }),
  materialisation: texte,
  source: z.strictObject({
    document: texte,
    editeur: texte,
    editeLe: dateIsoReferentiel,
    fichier: texte,
  }),
});

export const ReferentielSchema = z
  .strictObject({
    domaines: DomainesSchema,
    certification: CertificationSchema,
  })
  .superRefine((r, ctx) => {
    const ids = r.domaines.map((d) => d.id);
    const composantes = r.certification.composantes.map((c) => c.domaine);
    if (composantes.join() !== ids.join()) {
      ctx.addIssue({
        code: "custom",
        message: `Les composantes (${composantes.join(", ")}) doivent correspondre une à une aux domaines (${ids.join(", ")}).`,
        path: ["certification", "composantes"],
      });
    }
  });

export type Competence = z.output<typeof CompetenceSchema>;
export type Activite = z.output<typeof ActiviteSchema>;
export type Domaine = z.output<typeof DomaineSchema>;
export type Certification = z.output<typeof CertificationSchema>;
export type Referentiel = z.output<typeof ReferentielSchema>;
