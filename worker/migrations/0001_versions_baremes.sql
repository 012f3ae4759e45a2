-- Barème versions published after release, layered over the sourced data bundled with the engine
-- (shared/baremes): a published version applies from its date d'effet.
-- Append-only: a version is never updated nor deleted; the triggers refuse both, whatever the client.
CREATE TABLE versions_baremes (
  numero      INTEGER PRIMARY KEY AUTOINCREMENT,
  bareme      TEXT NOT NULL,          -- scale id (shared/baremes/definitions.ts)
  date_effet  TEXT NOT NULL,          -- AAAA-MM-JJ, the day the version applies from
  version     TEXT NOT NULL,          -- JSON of the whole version (valeurs, source, statut…), validated against the scale's schema
  publie_par  TEXT NOT NULL,          -- who published it, as declared by the publisher
  publie_le   TEXT NOT NULL,          -- ISO 8601 instant (UTC), set by the Worker
  UNIQUE (bareme, date_effet)
);

CREATE TRIGGER versions_baremes_sans_modification
BEFORE UPDATE ON versions_baremes
BEGIN
  SELECT RAISE(ABORT, 'versions_baremes est en ajout seul');
END;

CREATE TRIGGER versions_baremes_sans_suppression
BEFORE DELETE ON versions_baremes
BEGIN
  SELECT RAISE(ABORT, 'versions_baremes est en ajout seul');
END;
