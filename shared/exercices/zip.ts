import { composantes, type DateISO } from "../date.ts";

/**
 * exceljs zips the workbook with the time of writing on every entry, so two runs never give the same
 * bytes. An exercise must be reproducible byte for byte: every entry gets the same date (the case's
 * date, at midnight). Only the date fields change; contents and checksums are untouched.
 */
export function figerDatesZip(octets: Uint8Array, date: DateISO): Uint8Array {
  const { annee, mois, jour } = composantes(date);
  const dosDate = ((Math.max(1980, annee) - 1980) << 9) | (mois << 5) | jour;
  const sortie = new Uint8Array(octets);
  const v = new DataView(sortie.buffer, sortie.byteOffset, sortie.byteLength);
  let fin = -1;
  for (let i = sortie.length - 22; i >= Math.max(0, sortie.length - 22 - 65_535); i--) {
    if (v.getUint32(i, true) === 0x06054b50) {
      fin = i;
      break;
    }
  }
  if (fin < 0) throw new Error("Archive zip illisible : fin du répertoire central introuvable.");
  const nombre = v.getUint16(fin + 10, true);
  let p = v.getUint32(fin + 16, true);
  for (let n = 0; n < nombre; n++) {
    if (v.getUint32(p, true) !== 0x02014b50) throw new Error("Archive zip illisible : répertoire central corrompu.");
    v.setUint16(p + 12, 0, true);
    v.setUint16(p + 14, dosDate, true);
    const local = v.getUint32(p + 42, true);
    if (v.getUint32(local, true) !== 0x04034b50) throw new Error("Archive zip illisible : en-tête local introuvable.");
    v.setUint16(local + 10, 0, true);
    v.setUint16(local + 12, dosDate, true);
    p += 46 + v.getUint16(p + 28, true) + v.getUint16(p + 30, true) + v.getUint16(p + 32, true);
  }
  return sortie;
}
