// Stand-in for Excel's JavaScript API in the task-pane browser tests, served inside the office.js stand-in
// (Microsoft's CDN cannot be reached). Plain browser script, no module: it runs before the pane's bundle.
//
// A recording workbook, window.__classeur: sheets with their cells (what was written: constants and
// formulas), number formats and formats per cell, workbook and sheet names, protection, visibility,
// tables. As office.js does, writes are queued and applied at context.sync(); properties are read after
// a sync. A sheet protected by the batch refuses later writes of values or formats (Excel's AccessDenied).
// Setting __classeur.refus to a message makes the next sync that carries writes fail with it, nothing
// of that batch applied. Formula results: the stand-in evaluates only text literals (="…"), single
// references (='Feuille'!$B$8, an empty cell reading 0) and calls =LOGSOC.F(…) of constants and references
// (through the custom functions the page registered); any other formula reads as the error #CALC!, unless
// the test gave the value Excel would have computed (__classeur.calculer). The selection is set by
// __classeur.selectionner and read through workbook.getSelectedRange().
(function () {
  var file = [];
  var c = {
    syncs: 0,
    feuilles: [],
    noms: [],
    tableaux: [],
    valeurs: {},
    active: null,
    refus: null,
    selection: { feuille: "Feuil1", ref: "A1" },
  };
  window.__classeur = c;

  function indexColonne(lettres) {
    var n = 0;
    for (var i = 0; i < lettres.length; i++) n = n * 26 + (lettres.charCodeAt(i) - 64);
    return n;
  }
  function lettreColonne(n) {
    var s = "";
    for (var x = n; x > 0; x = Math.floor((x - 1) / 26)) s = String.fromCharCode(65 + ((x - 1) % 26)) + s;
    return s;
  }
  /** "A1:D4", "$B$5", "B5" → rectangle; "A:A" → null (whole columns). */
  function rectangle(adresse) {
    var m = /^\$?([A-Z]{1,3})\$?(\d+)(?::\$?([A-Z]{1,3})\$?(\d+))?$/.exec(adresse.trim());
    if (!m) return null;
    var c1 = indexColonne(m[1]), l1 = Number(m[2]);
    var c2 = m[3] ? indexColonne(m[3]) : c1, l2 = m[4] ? Number(m[4]) : l1;
    return { c1: Math.min(c1, c2), l1: Math.min(l1, l2), c2: Math.max(c1, c2), l2: Math.max(l1, l2) };
  }
  function refs(adresses) {
    var r = [];
    adresses.split(",").forEach(function (a) {
      var p = rectangle(a);
      if (!p) return;
      for (var l = p.l1; l <= p.l2; l++) for (var col = p.c1; col <= p.c2; col++) r.push(lettreColonne(col) + l);
    });
    return r;
  }
  function absolue(adresse) {
    return adresse.split(":").map(function (x) { return x.replace(/^\$?([A-Z]{1,3})\$?(\d+)$/, "$$$1$$$2"); }).join(":");
  }
  function citer(nom) {
    return "'" + nom.replace(/'/g, "''") + "'";
  }
  function trouver(nom) {
    var bas = nom.toLowerCase();
    return c.feuilles.filter(function (f) { return f.nom.toLowerCase() === bas; })[0] || null;
  }

  function Feuille(nom) {
    this.nom = nom;
    this.cellules = {};
    this.noms = [];
    this.visibilite = "Visible";
    this.protegee = false;
    this.optionsProtection = null;
    this.colonnes = {};
    this.fusions = [];
    this.figees = 0;
    this.miseEnPage = {};
    this.sautsDePage = [];
  }
  Feuille.prototype.cellule = function (ref) {
    return this.cellules[ref] || (this.cellules[ref] = { contenu: "", nombre: "General", format: {} });
  };
  Feuille.prototype.modifiable = function (quoi) {
    if (this.protegee) throw new Error("AccessDenied : la feuille « " + this.nom + " » est protégée (" + quoi + ").");
  };
  c.feuilles.push(new Feuille("Feuil1"));

  /** A cell's result as Excel would show it: { v, t } with t an Excel.RangeValueType. */
  function resultat(feuille, ref, profondeur) {
    var x = feuille.cellules[ref];
    if (!x || x.contenu === "" || x.contenu === null || x.contenu === undefined) return { v: "", t: "Empty" };
    var k = x.contenu;
    if (typeof k === "string" && k.charAt(0) === "=") {
      if (x.calcule !== undefined) return { v: x.calcule, t: typeof x.calcule === "number" ? "Double" : typeof x.calcule === "boolean" ? "Boolean" : "String" };
      var f = k.slice(1);
      var appel = /^LOGSOC\.([A-Z_]+)\((.*)\)$/i.exec(f);
      if (appel && window.__fonctions && window.__fonctions[appel[1].toUpperCase()] && profondeur < 20) return appelLogsoc(feuille, appel[1].toUpperCase(), appel[2], profondeur);
      var texte = /^"((?:[^"]|"")*)"$/.exec(f);
      if (texte) return { v: texte[1].replace(/""/g, '"'), t: "String" };
      var m = /^(?:'((?:[^']|'')+)'!|([^'!]+)!)?\$?([A-Z]{1,3})\$?(\d+)$/.exec(f);
      if (m && profondeur < 20) {
        var cible = m[1] ? trouver(m[1].replace(/''/g, "'")) : m[2] ? trouver(m[2]) : feuille;
        if (cible) {
          var r = resultat(cible, m[3] + m[4], profondeur + 1);
          return r.t === "Empty" ? { v: 0, t: "Double" } : r;
        }
      }
      return { v: "#CALC!", t: "Error" };
    }
    return { v: k, t: typeof k === "number" ? "Double" : typeof k === "boolean" ? "Boolean" : "String" };
  }

  /** A plain argument list (no nested commas): constants and references, each range as the matrix Excel passes. */
  function appelLogsoc(feuille, nom, corps, profondeur) {
    var args = corps === "" ? [] : corps.split(",").map(function (a) {
      a = a.trim();
      if (a === "") return null;
      if (/^[+-]?\d+(\.\d+)?$/.test(a)) return Number(a);
      if (/^"(.*)"$/.test(a)) return a.slice(1, -1);
      if (/^(TRUE|FALSE)$/i.test(a)) return a.toUpperCase() === "TRUE";
      var m = /^(?:'((?:[^']|'')+)'!|([^'!]+)!)?(\$?[A-Z]{1,3}\$?\d+(?::\$?[A-Z]{1,3}\$?\d+)?)$/.exec(a);
      if (!m) return undefined;
      var cible = m[1] ? trouver(m[1].replace(/''/g, "'")) : m[2] ? trouver(m[2]) : feuille;
      return matrice(cible, m[3].replace(/\$/g, ""), profondeur + 1).map(function (l) { return l.map(function (x) { return x.t === "Empty" ? null : x.v; }); });
    });
    if (args.some(function (a) { return a === undefined; })) return { v: "#CALC!", t: "Error" };
    try {
      var r = window.__fonctions[nom].apply(null, args);
      if (Array.isArray(r)) r = r[0][0];
      // A formatted number (data type) shows, and reads through Range.values, as its plain value.
      if (r !== null && typeof r === "object" && "basicValue" in r) r = r.basicValue;
      return { v: r, t: typeof r === "number" ? "Double" : typeof r === "boolean" ? "Boolean" : "String" };
    } catch (e) {
      return { v: "#VALUE!", t: "Error" };
    }
  }

  /** Results of a rectangle, row by row. */
  function matrice(feuille, adresse, profondeur) {
    var p = rectangle(adresse), m = [];
    for (var l = p.l1; l <= p.l2; l++) {
      var ligne = [];
      for (var col = p.c1; col <= p.c2; col++) ligne.push(resultat(feuille, lettreColonne(col) + l, profondeur || 0));
      m.push(ligne);
    }
    return m;
  }

  /** A range as read back (after a sync): address, values, value types, formulas. */
  function lecture(feuille, adresse) {
    var r = { load: function () {}, isNullObject: false };
    Object.defineProperty(r, "address", { get: function () { return citer(feuille.nom) + "!" + adresse.replace(/\$/g, ""); } });
    Object.defineProperty(r, "values", { get: function () { return matrice(feuille, adresse).map(function (l) { return l.map(function (x) { return x.v; }); }); } });
    Object.defineProperty(r, "valueTypes", { get: function () { return matrice(feuille, adresse).map(function (l) { return l.map(function (x) { return x.t; }); }); } });
    Object.defineProperty(r, "formulas", {
      get: function () {
        var p = rectangle(adresse), m = [];
        for (var l = p.l1; l <= p.l2; l++) {
          var ligne = [];
          for (var col = p.c1; col <= p.c2; col++) { var x = feuille.cellules[lettreColonne(col) + l]; ligne.push(x ? x.contenu : ""); }
          m.push(ligne);
        }
        return m;
      },
    });
    return r;
  }
  var NUL = { load: function () {}, isNullObject: true };

  function format(feuille, cibles, colonnes) {
    function poser(cle, v) {
      file.push(function () {
        feuille.modifiable("format " + cle);
        if (cibles) cibles.forEach(function (r) { feuille.cellule(r).format[cle] = v; });
        else feuille.colonnes[colonnes + " " + cle] = v;
      });
    }
    function objet(prefixe) {
      return new Proxy({}, { set: function (_t, p, v) { poser(prefixe + "." + String(p), v); return true; } });
    }
    return new Proxy({}, {
      get: function (_t, p) {
        if (p === "font" || p === "fill" || p === "protection") return objet(p);
        if (p === "borders") return { getItem: function (cote) { return objet("border." + cote); } };
        if (p === "autofitColumns") return function () {};
        return undefined;
      },
      set: function (_t, p, v) { poser(String(p), v); return true; },
    });
  }

  function ecrireMatrice(feuille, adresse, m, champ) {
    var p = rectangle(adresse);
    file.push(function () {
      feuille.modifiable(champ);
      if (champ === "values") c.valeurs[feuille.nom + "!" + adresse] = m;
      m.forEach(function (ligne, i) {
        ligne.forEach(function (v, j) {
          var x = feuille.cellule(lettreColonne(p.c1 + j) + (p.l1 + i));
          if (champ === "numberFormat") x.nombre = v;
          else x.contenu = v;
        });
      });
    });
  }

  function plage(feuille, adresse) {
    if (adresse === undefined) {
      return { clear: function () { file.push(function () { feuille.modifiable("effacer"); feuille.cellules = {}; }); } };
    }
    var rect = rectangle(adresse);
    var p = { format: format(feuille, rect ? refs(adresse) : null, adresse), __ref: citer(feuille.nom) + "!" + absolue(adresse) };
    var lue = rect ? lecture(feuille, adresse) : null;
    p.load = function () {};
    Object.defineProperty(p, "values", { get: function () { return lue.values; }, set: function (m) { ecrireMatrice(feuille, adresse, m, "values"); } });
    Object.defineProperty(p, "valueTypes", { get: function () { return lue.valueTypes; } });
    Object.defineProperty(p, "address", { get: function () { return lue.address; } });
    Object.defineProperty(p, "formulas", { set: function (m) { ecrireMatrice(feuille, adresse, m, "formulas"); } });
    Object.defineProperty(p, "numberFormat", { set: function (m) { ecrireMatrice(feuille, adresse, m, "numberFormat"); } });
    Object.defineProperty(p, "hyperlink", { set: function (l) { file.push(function () { feuille.modifiable("lien"); feuille.cellule(adresse).lien = l; }); } });
    Object.defineProperty(p, "columnHidden", { set: function (v) { file.push(function () { feuille.colonnes[adresse + " masquées"] = v; }); } });
    p.merge = function () { file.push(function () { feuille.fusions.push(adresse); }); };
    p.clear = function () { file.push(function () { feuille.modifiable("effacer"); refs(adresse).forEach(function (r) { delete feuille.cellules[r]; }); }); };
    return p;
  }

  function collectionNoms(proprietaire) {
    return {
      load: function () {},
      getItemOrNullObject: function (nom) {
        return {
          getRangeOrNullObject: function () {
            var n = proprietaire.noms.filter(function (x) { return x.nom.toUpperCase() === nom.toUpperCase(); })[0];
            var m = n && /^(?:'((?:[^']|'')+)'|([^'!]+))!(.+)$/.exec(n.ref);
            var f = m && trouver(m[1] ? m[1].replace(/''/g, "'") : m[2]);
            return f ? lecture(f, m[3].replace(/\$/g, "")) : NUL;
          },
        };
      },
      get items() {
        return proprietaire.noms.map(function (n) { return { name: n.nom, type: "Range", formula: "=" + n.ref }; });
      },
      add: function (nom, reference, commentaire) {
        var ref = typeof reference === "string" ? reference.replace(/^=/, "") : reference.__ref;
        file.push(function () {
          if (proprietaire.noms.some(function (n) { return n.nom.toUpperCase() === nom.toUpperCase(); })) throw new Error("InvalidArgument : le nom " + nom + " existe déjà.");
          proprietaire.noms.push({ nom: nom, ref: ref, commentaire: commentaire });
        });
      },
    };
  }

  function ecrite(feuille) {
    var ws = {
      getRange: function (adresse) { return plage(feuille, adresse); },
      getRanges: function (adresses) {
        var cibles = refs(adresses);
        var dv = {};
        ["rule", "errorAlert", "prompt", "ignoreBlanks"].forEach(function (cle) {
          Object.defineProperty(dv, cle, {
            set: function (v) {
              file.push(function () {
                feuille.modifiable("validation");
                cibles.forEach(function (r) { var x = feuille.cellule(r); x.validation = x.validation || {}; x.validation[cle] = v; });
              });
            },
          });
        });
        return { format: format(feuille, cibles, adresses), dataValidation: dv };
      },
      names: collectionNoms(feuille),
      tables: {
        add: function (adresse) {
          var t = { adresse: adresse };
          file.push(function () { c.tableaux.push(t); });
          return t;
        },
      },
      freezePanes: { freezeRows: function (n) { file.push(function () { feuille.figees = n; }); } },
      // Page setup (ExcelApi 1.9): recorded as set, applied at sync like any write.
      pageLayout: (function () {
        function noter(cle, v) { file.push(function () { feuille.miseEnPage[cle] = v; }); }
        var pieds = new Proxy({}, { set: function (_t, p, v) { noter("pied." + String(p), v); return true; } });
        return new Proxy({
          setPrintArea: function (plage) { noter("zoneImpression", plage); },
          setPrintTitleRows: function (lignes) { noter("titres", lignes); },
          headersFooters: { defaultForAllPages: pieds },
        }, {
          set: function (_t, p, v) { noter(String(p), v); return true; },
        });
      })(),
      horizontalPageBreaks: { add: function (plage) { file.push(function () { feuille.sautsDePage.push(plage); }); } },
      protection: {
        protect: function (options) { file.push(function () { feuille.protegee = true; feuille.optionsProtection = options || {}; }); },
        unprotect: function () { file.push(function () { feuille.protegee = false; }); },
        // Read back after a sync, as office.js does (the check verifies the protection it restored).
        load: function () {},
        get protected() { return feuille.protegee; },
      },
      activate: function () { file.push(function () { c.active = feuille.nom; }); },
    };
    Object.defineProperty(ws, "visibility", { set: function (v) { file.push(function () { feuille.visibilite = v; }); } });
    return ws;
  }

  function lue(feuille) {
    return {
      name: feuille.nom,
      visibility: feuille.visibilite,
      protection: { protected: feuille.protegee, options: feuille.optionsProtection || {} },
      names: collectionNoms(feuille),
      getUsedRangeOrNullObject: function () {
        var r = { load: function () {} };
        function bornes() {
          var b = null;
          Object.keys(feuille.cellules).forEach(function (ref) {
            var x = feuille.cellules[ref];
            if (x.contenu === "" || x.contenu === null || x.contenu === undefined) return;
            var p = rectangle(ref);
            b = b ? { c1: Math.min(b.c1, p.c1), l1: Math.min(b.l1, p.l1), c2: Math.max(b.c2, p.c2), l2: Math.max(b.l2, p.l2) } : p;
          });
          return b;
        }
        function matrice(f) {
          var b = bornes(), m = [];
          for (var l = b.l1; l <= b.l2; l++) {
            var ligne = [];
            for (var col = b.c1; col <= b.c2; col++) ligne.push(f(lettreColonne(col) + l));
            m.push(ligne);
          }
          return m;
        }
        Object.defineProperty(r, "isNullObject", { get: function () { return bornes() === null; } });
        Object.defineProperty(r, "address", { get: function () { var b = bornes(); return citer(feuille.nom) + "!" + lettreColonne(b.c1) + b.l1 + ":" + lettreColonne(b.c2) + b.l2; } });
        Object.defineProperty(r, "values", { get: function () { return matrice(function (ref) { return resultat(feuille, ref, 0).v; }); } });
        Object.defineProperty(r, "valueTypes", { get: function () { return matrice(function (ref) { return resultat(feuille, ref, 0).t; }); } });
        Object.defineProperty(r, "formulas", { get: function () { return matrice(function (ref) { var x = feuille.cellules[ref]; return x ? x.contenu : ""; }); } });
        return r;
      },
    };
  }

  var contexte = {
    workbook: {
      worksheets: {
        load: function () {},
        get items() { return c.feuilles.map(lue); },
        add: function (nom) {
          var f = new Feuille(nom);
          file.push(function () {
            if (trouver(nom)) throw new Error("ItemAlreadyExists : la feuille « " + nom + " » existe déjà.");
            c.feuilles.push(f);
          });
          return ecrite(f);
        },
        getItem: function (nom) {
          var f = trouver(nom);
          if (!f) throw new Error("ItemNotFound : " + nom);
          return ecrite(f);
        },
      },
      names: collectionNoms(c),
      getSelectedRange: function () {
        var f = trouver(c.selection.feuille);
        return lecture(f, c.selection.ref);
      },
      tables: { load: function () {}, get items() { return c.tableaux.map(function (t) { return { name: t.name }; }); } },
    },
    sync: function () {
      c.syncs++;
      var lot = file.splice(0);
      if (c.refus !== null && lot.length > 0) return Promise.reject(new Error(c.refus));
      try {
        lot.forEach(function (op) { op(); });
      } catch (e) {
        return Promise.reject(e);
      }
      return Promise.resolve();
    },
  };

  window.Excel = {
    run: function (lot) {
      file.splice(0);
      return Promise.resolve().then(function () { return lot(contexte); });
    },
  };

  // For the tests, read through page.evaluate: plain data only.
  c.resume = function () {
    return c.feuilles.map(function (f) { return { nom: f.nom, visibilite: f.visibilite, protegee: f.protegee, cellules: Object.keys(f.cellules).length }; });
  };
  c.contenus = function (nom) {
    var f = trouver(nom), r = {};
    Object.keys(f.cellules).forEach(function (ref) { if (f.cellules[ref].contenu !== "") r[ref] = f.cellules[ref].contenu; });
    return r;
  };
  c.cellule = function (nom, ref) {
    var x = trouver(nom).cellules[ref];
    return x ? JSON.parse(JSON.stringify(x)) : null;
  };
  c.nomsDefinis = function () {
    return c.noms.map(function (n) { return { nom: n.nom, ref: n.ref }; });
  };
  /** The adviser clicks a cell (or selects a range). */
  c.selectionner = function (nom, ref) {
    c.selection = { feuille: nom, ref: ref };
  };
  /** The value Excel would show for a formula cell once recalculated. */
  c.calculer = function (nom, ref, valeur) {
    trouver(nom).cellule(ref).calcule = valeur;
  };
  /** What an adviser types into an unlocked cell. */
  c.saisir = function (nom, ref, valeur) {
    trouver(nom).cellule(ref).contenu = valeur;
  };
})();
