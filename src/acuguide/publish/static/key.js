// The diary is drawn on the server and reads the key from its address. Opened without one
// (typed, or from the history) on a phone that keeps the key, it asks again with it; opened with
// it, the key is taken out of the address bar, as the index does.
(function () {
  "use strict";
  var params = new URLSearchParams(location.search), kept = null;
  try { kept = localStorage.getItem("acuguide-key"); } catch (e) { /* private browsing */ }
  if (document.querySelector("[data-refused]")) {
    if (kept && !params.get("key")) location.replace(location.pathname + "?key=" + encodeURIComponent(kept));
  } else if (params.get("key") && history.replaceState) {
    history.replaceState(null, "", location.pathname);
  }
})();
