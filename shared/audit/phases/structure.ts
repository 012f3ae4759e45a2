import { dateFr } from "../../baremes/catalogue.ts";
import { refAbsolue } from "../../modeles/formules.ts";
import { enConstat, memeConstante, valeurCellule } from "../comparaison.ts";
import type { ContexteDossier } from "../contexte.ts";
import { referenceNom } from "../formules.ts";
import { valeurLisible } from "../saisies.ts";
import { CLE_GENERE_LE } from "../connaissance.ts";

/**
 * Phase 2, the workbook's structure: every sheet of the template is there (under the name the
 * metadata record), the metadata rows are the template's, and every workbook name designates its cell.
 */
export function verifierStructure(ctx: ContexteDossier): void {
  const { actif } = ctx.p;
  const meta = ctx.meta;
  const debut = ctx.constats.length;
  const presentes = new Set(ctx.lecteur.feuilles().map((f) => f.nom));
  for (const f of actif.feuilles) {
    const l = ctx.ligne(`feuille.${f.cle}`);
    const nom = f.cle === "meta" ? meta.feuille : typeof l?.valeur === "string" && l.valeur !== "" ? l.valeur : f.nom;
    ctx.noms[f.cle] = nom;
    if (!presentes.has(nom)) {
      ctx.feuillesAbsentes.add(f.cle);
      ctx.ajouter({ genre: "metadonnees", feuille: meta.feuille, cellule: l?.ref ?? null, attendu: nom, trouve: null, message: `La feuille « ${nom} » du modèle est absente du classeur : elle a été supprimée ou renommée.` });
    }
  }
  const generateur = ctx.ligne("generateur")?.valeur;
  if (generateur !== "LogSoc") {
    ctx.ajouter({ genre: "metadonnees", feuille: meta.feuille, cellule: ctx.ligne("generateur")?.ref ?? null, attendu: "LogSoc", trouve: enConstat(generateur), message: "Métadonnées altérées : la ligne « generateur » ne vaut plus « LogSoc »." });
  }
  const feuilleMeta = actif.feuilles.find((f) => f.cle === "meta");
  for (const c of feuilleMeta?.cellules ?? []) {
    if (c.valeur === undefined || !/^B\d+$/.test(c.ref)) continue;
    const cleLigne = feuilleMeta!.cellules.find((x) => x.ref === `A${c.ref.slice(1)}`)?.valeur;
    // The generation instant is the dossier's own (read in phase 1), not the rebuilt template's.
    if (cleLigne === CLE_GENERE_LE) continue;
    const attendu = valeurCellule(c.valeur, ctx.noms);
    const lu = ctx.lecteur.cellule(meta.feuille, c.ref)?.valeur;
    if (!memeConstante(attendu, lu)) {
      ctx.ajouter({ genre: "metadonnees", feuille: meta.feuille, cellule: c.ref, attendu, trouve: enConstat(lu), message: `Métadonnées altérées : la ligne « ${String(cleLigne)} » vaut ${valeurLisible(lu, c.format)} au lieu de ${valeurLisible(attendu, c.format)}.` });
    }
  }
  verifierNoms(ctx);
  const { titre, version } = ctx.modele;
  const ex = ctx.exercice;
  const k = ctx.constats.length - debut;
  ctx.controle(debut, {
    libelle: `Classeur LogSoc : ${titre}, version ${version}, barèmes du ${dateFr(ctx.dateBaremes)}${ex ? ` (exercice, graine ${ex.graine}, ${ex.role === "enonce" ? "énoncé" : "corrigé"})` : ""}`,
    feuille: meta.feuille,
    cellule: "B3",
    detail: k > 0 ? "Métadonnées, feuilles ou noms définis altérés." : "Métadonnées, feuilles et noms définis conformes au modèle.",
  });
}

function verifierNoms(ctx: ContexteDossier): void {
  const nomsClasseur = new Map([...ctx.lecteur.nomsDefinis()].map(([n, r]) => [n.toUpperCase(), r]));
  for (const n of ctx.p.actif.noms) {
    const nomFeuille = ctx.noms[n.feuille]!;
    const attendu = `'${nomFeuille.replace(/'/g, "''")}'!${refAbsolue(n.ref)}`;
    const designe = (texte: string | undefined) => {
      const r = texte === undefined ? null : referenceNom(texte);
      return r !== null && r.feuille.toLowerCase() === nomFeuille.toLowerCase() && r.ref === n.ref;
    };
    // A second dossier in the same workbook gets its names on its own sheet (the add-in's renderer).
    const local = [...ctx.lecteur.nomsDeFeuille(nomFeuille)].find(([x]) => x.toUpperCase() === n.nom)?.[1];
    const global = nomsClasseur.get(n.nom);
    if (designe(global) || designe(local)) continue;
    const lu = local ?? global;
    ctx.ajouter(
      lu === undefined
        ? { genre: "metadonnees", feuille: nomFeuille, cellule: n.ref, attendu, trouve: null, message: `Le nom défini ${n.nom} (${n.description.replace(/\.$/, "")}) est absent du classeur.` }
        : { genre: "metadonnees", feuille: nomFeuille, cellule: n.ref, attendu, trouve: lu, message: `Le nom défini ${n.nom} désigne ${lu} au lieu de ${attendu} : les classeurs et partenaires qui s'y fient lisent une autre cellule.` },
    );
  }
}
