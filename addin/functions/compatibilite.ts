/**
 * What the engine and the pane use that Safari 14 lacks (the webview of the oldest Macs the README lists:
 * Excel 2021 for Mac, Microsoft 365 on macOS 10.15). Loaded first by both bundles; a build test runs them
 * without these functions. Syntax is lowered by the build (target safari14); a regex lookbehind cannot be,
 * so the code uses none (also checked by that test).
 */
/* eslint-disable no-extend-native */
function definir(cible: object, nom: string, valeur: unknown): void {
  if (!(nom in cible)) Object.defineProperty(cible, nom, { value: valeur, writable: true, configurable: true, enumerable: false });
}

definir(Object, "hasOwn", (o: object, cle: PropertyKey) => Object.prototype.hasOwnProperty.call(Object(o), cle));

function at<T>(this: ArrayLike<T>, index: number): T | undefined {
  const n = Math.trunc(index) || 0;
  const i = n < 0 ? this.length + n : n;
  return i < 0 || i >= this.length ? undefined : this[i];
}
definir(Array.prototype, "at", at);
definir(String.prototype, "at", function (this: string, index: number) {
  return at.call(String(this), index);
});
