-- Barème versions published after release, layered over the sourced data bundled with the engine.
-- Append-only: a version is never updated nor deleted; the triggers refuse both, whatever the client.
CREATE TABLE versions_baremes (
  numero      INTEGER PRIMARY KEY AUTOINCREMENT,
  bareme      TEXT NOT NULL,
  date_effet  TEXT NOT NULL,          -- AAAA-MM-JJ, the day the version applies from
  valeurs     TEXT NOT NULL,          -- JSON, validated against the scale's schema before insertion
  source      TEXT NOT NULL,          -- legal source (décret, arrêté, article)
  statut      TEXT NOT NULL,
  publie_par  TEXT NOT NULL,          -- who published it (declared by the publisher)
  publie_le   TEXT NOT NULL,          -- ISO 8601 instant, set by the Worker
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
