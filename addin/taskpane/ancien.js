// Written in old JavaScript on purpose, and kept out of the page (the Worker's Content-Security-Policy allows no
// inline script): if the add-in's bundle could not run (a webview too old to parse it, or without the features
// it checks), the page says so instead of staying on "Chargement". The bundle marks the page when the document is
// read, before the load event.
window.addEventListener("load", function () {
  if (document.documentElement.getAttribute("data-logsoc") !== "demarre") {
    document.getElementById("navigateur-ancien").hidden = false;
    document.getElementById("chargement").hidden = true;
  }
});
