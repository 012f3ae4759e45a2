/**
 * A small seeded pseudo-random generator (sfc32, seeded through splitmix32): the same seed gives the
 * same case on every machine and every Node version, which Math.random cannot promise. Not for
 * anything secret.
 */
export interface Aleatoire {
  /** Uniform in [0, 1). */
  suivant(): number;
  /** Integer in [min, max], both included. */
  entier(min: number, max: number): number;
  /** Amount in euros to the cent, in [min, max]; `pas` rounds it (1 for whole euros, 0.01 by default). */
  montant(min: number, max: number, pas?: number): number;
  /** True with probability p. */
  chance(p: number): boolean;
  choix<T>(valeurs: readonly T[]): T;
  /** Picks by weight: [[value, weight], …]. */
  pondere<T>(valeurs: readonly (readonly [T, number])[]): T;
}

export const GRAINE_MAX = Number.MAX_SAFE_INTEGER;

function splitmix32(x: number): () => number {
  let a = x >>> 0;
  return () => {
    a = (a + 0x9e3779b9) >>> 0;
    let z = a;
    z = Math.imul(z ^ (z >>> 16), 0x21f0aaad) >>> 0;
    z = Math.imul(z ^ (z >>> 15), 0x735a2d97) >>> 0;
    return (z ^ (z >>> 15)) >>> 0;
  };
}

export function aleatoire(graine: number): Aleatoire {
  if (!Number.isSafeInteger(graine) || graine < 0) throw new RangeError(`La graine doit être un entier de 0 à ${GRAINE_MAX} (reçu : ${graine}).`);
  // Both halves of the seed feed the state, so seeds above 2^32 give other cases.
  const haut = Math.floor(graine / 2 ** 32);
  const m1 = splitmix32(graine >>> 0);
  const m2 = splitmix32((haut ^ 0x5bd1e995) >>> 0);
  let a = m1();
  let b = m2();
  let c = m1() ^ m2();
  let d = 1;
  const brut = () => {
    const t = (((a + b) >>> 0) + d) >>> 0;
    d = (d + 1) >>> 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) >>> 0;
    c = ((c << 21) | (c >>> 11)) >>> 0;
    c = (c + t) >>> 0;
    return t;
  };
  for (let i = 0; i < 12; i++) brut();
  const suivant = () => brut() / 2 ** 32;
  const entier = (min: number, max: number) => min + Math.floor(suivant() * (max - min + 1));
  return {
    suivant,
    entier,
    montant(min, max, pas = 0.01) {
      const n = Math.round(1 / pas);
      return entier(Math.round(min * n), Math.round(max * n)) / n;
    },
    chance: (p) => suivant() < p,
    choix: (valeurs) => valeurs[entier(0, valeurs.length - 1)]!,
    pondere(valeurs) {
      const total = valeurs.reduce((s, [, w]) => s + w, 0);
      let x = suivant() * total;
      for (const [v, w] of valeurs) {
        x -= w;
        if (x < 0) return v;
      }
      return valeurs.at(-1)![0];
    },
  };
}
