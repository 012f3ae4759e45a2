-- Knowledge time (DESIGN §8): a published version is never changed; a correction (`remplace` + `motif`)
-- or a withdrawal (`retire`) is a new publication. versions_baremes allowed one version per date d'effet
-- (UNIQUE), which a correction at the same date needs: publications go to a new append-only table, which
-- starts with every row of the old one (same numero); the old table is kept, frozen.
CREATE TABLE publications_baremes (
  numero              INTEGER PRIMARY KEY AUTOINCREMENT,
  bareme              TEXT NOT NULL,        -- scale id (shared/baremes/definitions.ts)
  nature              TEXT NOT NULL CHECK (nature IN ('version', 'correction', 'retrait')),
  date_effet          TEXT,                 -- AAAA-MM-JJ of the version; NULL for a withdrawal
  version             TEXT,                 -- JSON of the whole version, validated against the scale's schema; NULL for a withdrawal
  remplace_date_effet TEXT,                 -- correction or withdrawal: the version concerned (date d'effet…
  remplace_publie_le  TEXT,                 -- …and when it was published: AAAA-MM-JJ for a bundled version, ISO instant otherwise)
  motif               TEXT,                 -- correction or withdrawal: why
  publie_par          TEXT NOT NULL,        -- who published it, as declared by the publisher
  publie_le           TEXT NOT NULL,        -- ISO 8601 instant (UTC), set by the Worker
  CHECK ((nature = 'retrait') = (version IS NULL)),
  CHECK ((nature = 'version') = (remplace_date_effet IS NULL)),
  CHECK (nature = 'version' OR motif IS NOT NULL)
);

INSERT INTO publications_baremes (numero, bareme, nature, date_effet, version, publie_par, publie_le)
  SELECT numero, bareme, 'version', date_effet, version, publie_par, publie_le FROM versions_baremes ORDER BY numero;

CREATE TRIGGER publications_baremes_sans_modification
BEFORE UPDATE ON publications_baremes
BEGIN
  SELECT RAISE(ABORT, 'publications_baremes est en ajout seul');
END;

CREATE TRIGGER publications_baremes_sans_suppression
BEFORE DELETE ON publications_baremes
BEGIN
  SELECT RAISE(ABORT, 'publications_baremes est en ajout seul');
END;

-- The old table receives nothing more: an older Worker still deployed cannot publish beside the new one.
CREATE TRIGGER versions_baremes_fermee
BEFORE INSERT ON versions_baremes
BEGIN
  SELECT RAISE(ABORT, 'versions_baremes est fermée : les publications vont dans publications_baremes');
END;
