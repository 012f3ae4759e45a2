import { ClasseurIllisible } from "./lecteur.ts";
import type { Budget } from "./limites.ts";

/**
 * A small streaming XML reader for the parts of an .xlsx (SpreadsheetML is plain XML: elements,
 * attributes, text, comments, CDATA). It calls back for each start tag, end tag and text span, and
 * builds nothing: the caller keeps only what it needs, so memory stays that of the part's text. Names
 * lose their namespace prefix (`x:c` → `c`). A document type declaration is refused: a workbook never
 * has one, and its entities are the « billion laughs » attack.
 */

export interface Gestionnaire {
  /** The tag's attributes are `xml.slice(debut, fin)`, read with `attribut` or `attributs` (nothing is copied). */
  debut(nom: string, debut: number, fin: number, vide: boolean): void;
  fin(nom: string): void;
  /** Text between tags: `xml.slice(debut, fin)`, still escaped (`brut`: CDATA, not escaped). */
  texte(xml: string, debut: number, fin: number, brut: boolean): void;
}

function local(nom: string): string {
  const deuxPoints = nom.indexOf(":");
  return deuxPoints === -1 ? nom : nom.slice(deuxPoints + 1);
}

const malForme = (chemin: string, quoi: string) => new ClasseurIllisible(`Classeur endommagé : la partie « ${chemin} » n'est pas un XML lisible (${quoi}).`);

export function parcourirXml(xml: string, chemin: string, g: Gestionnaire, budget: Budget): void {
  const n = xml.length;
  let i = 0;
  let profondeur = 0;
  while (i < n) {
    const lt = xml.indexOf("<", i);
    if (lt === -1) {
      if (profondeur > 0) g.texte(xml, i, n, false);
      break;
    }
    if (lt > i && profondeur > 0) g.texte(xml, i, lt, false);
    budget.temps();
    const c = xml.charCodeAt(lt + 1);
    if (c === 47 /* / */) {
      const gt = xml.indexOf(">", lt);
      if (gt === -1) throw malForme(chemin, "balise fermante inachevée");
      g.fin(local(xml.slice(lt + 2, gt).trim()));
      profondeur--;
      i = gt + 1;
    } else if (c === 63 /* ? */) {
      const fin = xml.indexOf("?>", lt);
      if (fin === -1) throw malForme(chemin, "instruction inachevée");
      i = fin + 2;
    } else if (c === 33 /* ! */) {
      if (xml.startsWith("<!--", lt)) {
        const fin = xml.indexOf("-->", lt + 4);
        if (fin === -1) throw malForme(chemin, "commentaire inachevé");
        i = fin + 3;
      } else if (xml.startsWith("<![CDATA[", lt)) {
        const fin = xml.indexOf("]]>", lt + 9);
        if (fin === -1) throw malForme(chemin, "section CDATA inachevée");
        g.texte(xml, lt + 9, fin, true);
        i = fin + 3;
      } else {
        throw new ClasseurIllisible(`Classeur refusé : la partie « ${chemin} » contient une déclaration de type de document (DOCTYPE ou ENTITY), ce qu'un classeur Excel ne contient jamais (risque d'expansion d'entités).`);
      }
    } else {
      // The tag ends at the first `>` outside quotes (an attribute value may hold `>`).
      let j = lt + 1;
      let guillemet = 0;
      for (; j < n; j++) {
        const x = xml.charCodeAt(j);
        if (guillemet !== 0) {
          if (x === guillemet) guillemet = 0;
        } else if (x === 34 || x === 39) guillemet = x;
        else if (x === 62 /* > */) break;
      }
      if (j >= n) throw malForme(chemin, "balise inachevée");
      const vide = xml.charCodeAt(j - 1) === 47;
      const finContenu = vide ? j - 1 : j;
      let k = lt + 1;
      for (; k < finContenu; k++) {
        const x = xml.charCodeAt(k);
        if (x === 32 || x === 9 || x === 10 || x === 13 || x === 47) break;
      }
      const nom = local(xml.slice(lt + 1, k));
      if (nom === "") throw malForme(chemin, "balise sans nom");
      g.debut(nom, k, finContenu, vide);
      if (!vide) profondeur++;
      i = j + 1;
    }
  }
}

const ENTITES: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'" };

/** Decodes the 5 predefined entities and numeric character references; any other entity is an error. */
export function decoderTexte(s: string, chemin: string): string {
  if (!s.includes("&")) return s;
  return s.replace(/&([^;&\s]{1,10});/g, (tout, e: string) => {
    if (e.charCodeAt(0) === 35 /* # */) {
      const code = e[1] === "x" || e[1] === "X" ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10);
      if (!Number.isInteger(code) || code < 0 || code > 0x10ffff) throw malForme(chemin, `référence de caractère invalide ${tout}`);
      return String.fromCodePoint(code);
    }
    const v = ENTITES[e];
    if (v === undefined) throw malForme(chemin, `entité inconnue ${tout}`);
    return v;
  });
}

/** `_x000D_`: a character XML cannot hold, escaped the OOXML way (ECMA-376 ST_Xstring). */
export function sansEchappements(s: string): string {
  return s.includes("_x") ? s.replace(/_x([0-9A-Fa-f]{4})_/g, (_t, h: string) => String.fromCharCode(parseInt(h, 16))) : s;
}

const ATTRIBUT = /([^\s=]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g;

/** Every attribute of a tag, names without prefix (`r:id` → `id`), values decoded. */
export function attributs(xml: string, debut: number, fin: number, chemin: string): Map<string, string> {
  const m = new Map<string, string>();
  if (fin <= debut) return m;
  for (const a of xml.slice(debut, fin).matchAll(ATTRIBUT)) m.set(local(a[1]!), sansEchappements(decoderTexte(a[2] ?? a[3] ?? "", chemin)));
  return m;
}

const estEspace = (x: number) => x === 32 || x === 9 || x === 10 || x === 13;

/**
 * One attribute of a tag (`r`, `t`…; a prefixed `x:r` too), decoded; undefined when absent. Scans the
 * tag in place: the hot path of a sheet, called for each cell.
 */
export function attribut(xml: string, debut: number, fin: number, nom: string, chemin: string): string | undefined {
  // Attribute names start after a space (or a prefix's `:`); values are skipped whole, quotes and all.
  let i = debut;
  while (i < fin) {
    const x = xml.charCodeAt(i);
    if (x === 34 || x === 39) {
      const f = xml.indexOf(x === 34 ? '"' : "'", i + 1);
      if (f === -1 || f >= fin) return undefined;
      i = f + 1;
      continue;
    }
    if (estEspace(x) || x === 58) {
      i++;
      continue;
    }
    // An attribute name: [i, j).
    let j = i;
    while (j < fin) {
      const y = xml.charCodeAt(j);
      if (y === 61 || y === 58 || estEspace(y)) break;
      j++;
    }
    if (xml.charCodeAt(j) === 58) {
      i = j + 1; // a prefix: the local name follows
      continue;
    }
    const trouve = j - i === nom.length && xml.startsWith(nom, i);
    while (j < fin && estEspace(xml.charCodeAt(j))) j++;
    if (xml.charCodeAt(j) !== 61) return undefined;
    j++;
    while (j < fin && estEspace(xml.charCodeAt(j))) j++;
    const guillemet = xml.charCodeAt(j);
    if (guillemet !== 34 && guillemet !== 39) return undefined;
    const f = xml.indexOf(guillemet === 34 ? '"' : "'", j + 1);
    if (f === -1 || f >= fin) return undefined;
    if (trouve) {
      const v = xml.slice(j + 1, f);
      return v.includes("&") || v.includes("_x") ? sansEchappements(decoderTexte(v, chemin)) : v;
    }
    i = f + 1;
  }
  return undefined;
}
