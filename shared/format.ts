import { arrondiCentime, dec, type DecimalInput } from "./money.ts";

/** "1 234,50 €" with a narrow no-break space, as French users read amounts. */
export function formatEuros(x: DecimalInput): string {
  const s = arrondiCentime(x).toFixed(2);
  const negatif = s.startsWith("-");
  const [ent, frac] = (negatif ? s.slice(1) : s).split(".") as [string, string];
  const groupes = ent.replace(/\B(?=(\d{3})+(?!\d))/g, "\u202f");
  return `${negatif ? "−" : ""}${groupes},${frac} €`;
}

export function formatNombre(x: DecimalInput): string {
  return dec(x).toString().replace(".", ",");
}
