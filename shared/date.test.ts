import { describe, expect, it } from "vitest";
import { ajouterMois, depuisSerieExcel, versSerieExcel, parseDateISO, aujourdhui, type DateISO } from "#shared/date.ts";
import { ErreurLogsoc } from "#shared/errors.ts";

describe("dates", () => {
  // Excel (système 1900) : 45292 = 01/01/2024, 1 = 01/01/1900, 61 = 01/03/1900 (60 est le 29/02/1900 fictif).
  it.each([
    [45292, "2024-01-01"],
    [45322, "2024-01-31"],
    [45351, "2024-02-29"],
    [61, "1900-03-01"],
    [46357, "2026-12-01"],
  ])("série Excel %d = %s, dans les deux sens", (serie, iso) => {
    expect(depuisSerieExcel(serie)).toBe(iso);
    expect(versSerieExcel(iso as DateISO)).toBe(serie);
  });

  it("une série avec une heure garde le jour (45292,75 = 01/01/2024 18:00)", () => {
    expect(depuisSerieExcel(45292.75)).toBe("2024-01-01");
  });

  it("refuse les séries avant mars 1900 et les dates impossibles", () => {
    expect(() => depuisSerieExcel(60)).toThrow(ErreurLogsoc);
    expect(() => parseDateISO("2025-02-29")).toThrow(/pas une date valide/);
    expect(() => parseDateISO("31/01/2025")).toThrow(/AAAA-MM-JJ/);
    expect(parseDateISO("2024-02-29")).toBe("2024-02-29");
  });

  it("ajouterMois borne au dernier jour du mois et repart du jour d'origine", () => {
    expect(ajouterMois("2023-01-31" as DateISO, 1)).toBe("2023-02-28");
    expect(ajouterMois("2023-01-31" as DateISO, 2)).toBe("2023-03-31");
    expect(ajouterMois("2100-01-29" as DateISO, 1)).toBe("2100-02-28"); // 2100 n'est pas bissextile
    expect(ajouterMois("2000-01-30" as DateISO, 1)).toBe("2000-02-29"); // 2000 l'est
  });

  it("aujourd'hui se lit à l'heure de Paris (31/12/2025 23:30 UTC = 01/01/2026 à Paris)", () => {
    expect(aujourdhui(new Date("2025-12-31T23:30:00Z"))).toBe("2026-01-01");
  });
});
