import Decimal from "decimal.js";

/**
 * Every amount in LogSoc is a Decimal: euros as decimal fractions cannot be represented by
 * binary floats, and a family's file must never show 0.30000000000000004 €.
 * A private clone keeps our precision and rounding settings away from any other user of decimal.js.
 */
export const D = Decimal.clone({ precision: 40, rounding: Decimal.ROUND_HALF_UP });
export type Montant = InstanceType<typeof D>;
export type DecimalInput = Montant | number | string;

export const ZERO = new D(0);

export function dec(x: DecimalInput): Montant {
  return x instanceof D ? x : new D(x);
}

/**
 * The amount expressed in cents, exactly. A number that holds whole cents (what a cell or a JSON body
 * almost always holds) takes decimal.js's integer fast path: the double nearest to c/100 stands for
 * exactly c/100, so no precision is lost, only the string round trip of `new Decimal(1800.37)`.
 */
export function centimesExacts(x: DecimalInput): Montant {
  const c = typeof x === "number" ? centimesEntiers(x) : null;
  return c === null ? dec(x).times(100) : new D(c);
}

/** The whole number of cents a number stands for, or null when it holds a fraction of a cent. */
export function centimesEntiers(x: number): number | null {
  const c = Math.round(x * 100);
  return c / 100 === x && Number.isSafeInteger(c) ? c : null;
}

/** Half-up to the cent: the only rounding applied to an amount, and only at the edge. */
export function arrondiCentime(x: DecimalInput): Montant {
  return dec(x).toDecimalPlaces(2, D.ROUND_HALF_UP);
}

/** Rounds up to the cent (towards +∞), used for instalments so that a plan never runs longer than asked. */
export function arrondiCentimeSuperieur(x: DecimalInput): Montant {
  return dec(x).toDecimalPlaces(2, D.ROUND_CEIL);
}

export function arrondi(x: DecimalInput, decimales: number): Montant {
  return dec(x).toDecimalPlaces(decimales, D.ROUND_HALF_UP);
}

export function somme(valeurs: readonly DecimalInput[]): Montant {
  return valeurs.reduce<Montant>((acc, v) => acc.plus(dec(v)), ZERO);
}

/** Number of whole cents in an amount already rounded to the cent. */
export function enCentimes(x: DecimalInput): bigint {
  const c = dec(x).times(100);
  if (!c.isInteger()) throw new RangeError(`${dec(x).toString()} n'est pas un montant au centime`);
  return BigInt(c.toFixed(0));
}

export function depuisCentimes(c: bigint): Montant {
  return new D(c.toString()).dividedBy(100);
}

/**
 * Splits `total` (to the cent) in proportion to `poids` by the largest-remainder method, so the parts
 * add up to the total exactly: no cent is created or lost. Ties go to the earliest share, which keeps
 * the result deterministic.
 */
export function repartir(total: DecimalInput, poids: readonly DecimalInput[]): Montant[] {
  if (poids.length === 0) throw new RangeError("répartition sans part");
  const w = poids.map(dec);
  if (w.some((p) => p.isNegative())) throw new RangeError("poids négatif dans une répartition");
  const sommePoids = somme(w);
  if (sommePoids.isZero()) throw new RangeError("poids tous nuls dans une répartition");
  const totalCents = enCentimes(arrondiCentime(total));
  const negatif = totalCents < 0n;
  const abs = negatif ? -totalCents : totalCents;
  const exact = w.map((p) => new D(abs.toString()).times(p).dividedBy(sommePoids));
  const base = exact.map((e) => BigInt(e.floor().toFixed(0)));
  let reste = abs - base.reduce((a, b) => a + b, 0n);
  const ordre = exact
    .map((e, i) => ({ i, frac: e.minus(e.floor()) }))
    .sort((a, b) => b.frac.comparedTo(a.frac) || a.i - b.i);
  for (const { i } of ordre) {
    if (reste === 0n) break;
    base[i] = (base[i] ?? 0n) + 1n;
    reste -= 1n;
  }
  return base.map((c) => depuisCentimes(negatif ? -c : c));
}
