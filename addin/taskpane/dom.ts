/** A tiny element builder: text always goes through text nodes, so data from the API is never parsed as HTML. */
type Enfant = Node | string | number | null | undefined | false;

export function el<K extends keyof HTMLElementTagNameMap>(tag: K, attributs: Record<string, string | boolean | undefined> = {}, ...enfants: Enfant[]): HTMLElementTagNameMap[K] {
  const e = document.createElement(tag);
  for (const [nom, valeur] of Object.entries(attributs)) {
    if (valeur === undefined || valeur === false) continue;
    e.setAttribute(nom, valeur === true ? "" : valeur);
  }
  ajouter(e, ...enfants);
  return e;
}

export function ajouter(parent: Node, ...enfants: Enfant[]): void {
  for (const c of enfants) {
    if (c === null || c === undefined || c === false) continue;
    parent.appendChild(typeof c === "string" || typeof c === "number" ? document.createTextNode(String(c)) : c);
  }
}

export function remplacer(parent: Element, ...enfants: Enfant[]): void {
  parent.replaceChildren();
  ajouter(parent, ...enfants);
}
