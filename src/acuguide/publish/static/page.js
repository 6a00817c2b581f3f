// The phone pages' script: keeps the key serve printed, marks what is done on the index, and on a
// session's page runs the follow-along view (from the JSON timeline beside the audio) with the
// diary's check-ins before and after. Check-ins wait in this phone's storage until the computer
// takes them, each with an id made here, so one sent twice is kept once.
// Everything from a routine goes in with textContent, never as markup.
(function () {
  "use strict";
  var W = JSON.parse(document.getElementById("acuguide-words").textContent);
  var KEY = "acuguide-key", QUEUE = "acuguide-queue";
  function say(name, values) {
    return W[name].replace(/\{(\w+)\}/g, function (all, field) { return values && field in values ? values[field] : all; });
  }
  function load(name, fallback) {
    try { var v = localStorage.getItem(name); return v === null ? fallback : v; } catch (e) { return fallback; }
  }
  function keep(name, value) {
    try { localStorage.setItem(name, value); } catch (e) { /* private browsing: nothing is kept */ }
  }

  // The key arrives once in the address serve printed; it is kept, and taken out of the address bar.
  // One the computer refuses (mistyped, or from before `key` was deleted) does not replace the kept one.
  var params = new URLSearchParams(location.search), offered = params.get("key");
  if (offered) {
    var kept = load(KEY, "");
    keep(KEY, offered);
    params.delete("key");
    var rest = params.toString();
    if (history.replaceState) history.replaceState(null, "", location.pathname + (rest ? "?" + rest : "") + location.hash);
    if (document.querySelector("nav.app, [data-served=yes]")) { // served by acuguide serve, not a static site
      fetch("api/checkins", { headers: { "X-Acuguide-Key": offered } }).then(function (response) {
        if (response.status !== 403) return;
        if (kept) keep(KEY, kept); else try { localStorage.removeItem(KEY); } catch (e) { /* nothing kept */ }
        var note = document.createElement("p");
        note.className = "key-refused";
        note.setAttribute("role", "alert");
        note.textContent = W["js.bad_key"];
        document.body.insertBefore(note, document.body.firstChild);
      }).catch(function () { /* the computer is out of reach: the key is checked when a check-in is sent */ });
    }
  }
  var key = load(KEY, "");
  document.querySelectorAll("nav.app a").forEach(function (link) {
    if (!key) return;
    var url = new URL(link.getAttribute("href"), location.href);
    url.searchParams.set("key", key); // the diary is a page without script: it reads the key from its address
    link.href = url.pathname.replace(/^\//, "") + url.search;
  });

  function queued() {
    try { return JSON.parse(load(QUEUE, "[]")) || []; } catch (e) { return []; }
  }
  var flushing = null;
  // Send every queued check-in; resolves to "saved", "queued" (the computer is unreachable) or "no_key".
  function flush() {
    if (flushing) return flushing.then(flush);
    flushing = (async function () {
      for (var checkin of queued()) {
        var response;
        try {
          response = await fetch("api/checkins", {
            method: "POST", headers: { "Content-Type": "application/json", "X-Acuguide-Key": key }, body: JSON.stringify(checkin),
          });
        } catch (error) {
          return "queued";
        }
        if (response.status === 403) return "no_key";
        if (response.status >= 500) return "queued";
        // kept, kept before (the same id), or refused as invalid (sending it again would not help): out of the queue
        keep(QUEUE, JSON.stringify(queued().filter(function (c) { return c.id !== checkin.id; })));
      }
      return "saved";
    })();
    return flushing.finally(function () { flushing = null; });
  }
  function newId() {
    var bytes = new Uint8Array(16);
    crypto.getRandomValues(bytes); // randomUUID needs a secure context; a home server is plain http
    return Array.prototype.map.call(bytes, function (b) { return ("0" + b.toString(16)).slice(-2); }).join("");
  }
  function record(checkin) {
    keep(QUEUE, JSON.stringify(queued().concat([checkin])));
    return flush();
  }
  window.addEventListener("online", flush);
  setInterval(function () { if (queued().length) flush(); }, 30000);

  // The index: with the key, the list as the diary sees it (what is done, which week is next),
  // asked of the server once the check-ins still on this phone are sent.
  var listing = document.querySelector(".listing");
  if (listing && key) {
    flush().then(function () {
      return fetch("./", { headers: { "X-Acuguide-Key": key } });
    }).then(function (r) {
      if (!r.ok) throw new Error(r.status);
      return r.text();
    }).then(function (html) {
      var fresh = new DOMParser().parseFromString(html, "text/html").querySelector(".listing");
      if (fresh) listing.replaceChildren.apply(listing, Array.prototype.slice.call(fresh.childNodes));
      listing.dataset.diary = "yes";
    }).catch(function () { /* unreachable: the list as it came */ });
  }

  var article = document.querySelector("article.session");
  if (!article) return;
  var points = JSON.parse(document.getElementById("acuguide-points").textContent);
  var view = document.getElementById("follow");
  var audio = article.querySelector("audio.player"); // the page's one player: the view drives it
  var $ = function (name) { return view.querySelector(".follow-" + name); };
  var diary = article.dataset.served === "yes";
  var current = null; // {data, chapter}
  var visit = null; // this time through: {before, after, asked}
  var told = document.querySelector(".checkin-said");

  function chapterAt(t) {
    var chapters = current.data.chapters, found = 0;
    for (var i = 0; i < chapters.length; i++) if (chapters[i].start <= t + 0.05) found = i;
    return found;
  }

  function update() {
    if (!current) return;
    var data = current.data, t = audio.currentTime || 0;
    var index = chapterAt(t), chapter = data.chapters[index];
    var code = chapter.point, info = code && points[code]; // the timeline names each chapter's point and side
    if (index !== current.chapter) {
      current.chapter = index;
      // a hold on one side shows that side's marker alone
      $("picture").src = info ? (info.sides && info.sides[chapter.side]) || info.picture : current.cover;
      $("picture").alt = info ? say("js.where", { code: code, name: info.name }) : W["js.cover"];
      $("name").textContent = chapter.title;
      $("find").textContent = info ? info.find : "";
      $("count").textContent = say("js.chapter", { n: index + 1, of: data.chapters.length });
    }
    var said = "";
    data.cues.forEach(function (cue) {
      if (cue.kind !== "bell" && cue.kind !== "tone" && cue.start >= chapter.start - 0.01 && cue.start <= t + 0.05) said = cue.text;
    });
    if (!said) {
      var first = data.cues.filter(function (c) { return c.kind !== "bell" && c.kind !== "tone" && c.start >= chapter.start - 0.01 && c.start < chapter.end; })[0];
      said = first ? first.text : "";
    }
    $("do").textContent = said;
    var hold = (data.holds || []).filter(function (h) { return h.start <= t && t < h.end; })[0];
    var next = (data.holds || []).filter(function (h) { return h.start > t && h.start < chapter.end; })[0];
    if (hold) {
      $("left").textContent = say("js.left", { n: Math.ceil(hold.end - t) });
    } else if (next) {
      var side = next.side && next.side !== "center" ? (next.side === "both" ? W["js.side_both"] : say("js.side_one", { side: W["side." + next.side] || next.side })) : "";
      $("left").textContent = say("js.next_hold", { n: Math.round(next.end - next.start) }) + side;
    } else {
      $("left").textContent = "";
    }
    view.dataset.point = code || "";
    view.dataset.holding = hold ? "yes" : "no";
    $("progress").style.width = (100 * t / (data.duration || audio.duration || 1)) + "%";
    var play = view.querySelector(".play");
    view.dataset.playing = audio.paused ? "no" : "yes";
    play.lastChild.textContent = audio.paused ? W["js.play"] : W["js.pause"];
    play.setAttribute("aria-label", audio.paused ? W["js.play"] : W["js.pause"]);
  }

  // The check-in: one tap on 0-10, or skip; the view itself hides meanwhile.
  function ask(when) {
    view.querySelectorAll(".checkin").forEach(function (box) { box.hidden = box.dataset.when !== when; });
    view.querySelector(".follow-main").hidden = !!when;
    view.dataset.asking = when || "";
  }
  function answered(when, score) {
    visit[when] = score;
    if (when === "before") {
      ask(null);
      audio.play().catch(update);
    } else {
      finish();
      shut();
    }
  }
  view.querySelectorAll(".checkin").forEach(function (box) {
    box.querySelectorAll(".score").forEach(function (button) {
      button.addEventListener("click", function () { answered(box.dataset.when, Number(button.dataset.score)); });
    });
    box.querySelector(".skip").addEventListener("click", function () { answered(box.dataset.when, null); });
  });
  function finish() {
    if (!visit || (visit.before === null && visit.after === null)) { visit = null; return; }
    var checkin = { id: newId(), session: article.dataset.slug, before: visit.before, after: visit.after, at: new Date().toISOString() };
    visit = null;
    told.hidden = false;
    return record(checkin).then(function (how) {
      told.textContent = W[how === "saved" ? "js.saved" : how === "no_key" ? "js.no_key" : "js.queued"];
      told.dataset.state = how;
    });
  }

  var pushed = false; // whether opening the view added its own history entry
  function open(autoplay) {
    var timeline = article.dataset.timeline;
    return fetch(timeline).then(function (r) {
      if (!r.ok) throw new Error(timeline + ": " + r.status);
      return r.json();
    }).then(function (data) {
      current = { data: data, chapter: -1, cover: article.querySelector("img.cover").getAttribute("src") };
      $("title").textContent = article.dataset.title;
      view.hidden = false;
      document.body.classList.add("following");
      // its own entry in the history, so the phone's Back closes the view instead of leaving the page
      pushed = location.hash !== "#follow" && !!history.pushState;
      if (pushed) history.pushState(null, "", "#follow");
      update();
      if (diary && !visit) {
        visit = { before: null, after: null };
        ask("before");
        return;
      }
      ask(null);
      if (autoplay) return audio.play().catch(function () { update(); });
    }).catch(function (error) {
      view.hidden = true;
      alert(say("js.no_timeline", { error: error.message }));
    });
  }

  function shut() {
    audio.pause();
    ask(null);
    view.hidden = true;
    document.body.classList.remove("following");
    current = null;
    if (location.hash !== "#follow") return; // Back already took the entry away
    if (pushed) history.back(); // the entry the view added goes, so Back then leaves the page
    else if (history.replaceState) history.replaceState(null, "", location.pathname);
    pushed = false;
  }
  // Leaving the view after starting asks the second question first; leaving that question skips it.
  function close() {
    if (visit && view.dataset.asking !== "after" && (visit.before !== null || audio.currentTime > 0)) {
      audio.pause();
      ask("after");
      return;
    }
    if (view.dataset.asking === "after") finish();
    else visit = null;
    shut();
  }

  function seekChapter(step) {
    if (!current) return;
    var chapters = current.data.chapters, t = audio.currentTime || 0, index = chapterAt(t);
    if (step < 0 && t - chapters[index].start > 3) index += 1; // back: to this chapter's start first
    var target = Math.max(0, Math.min(chapters.length - 1, index + step));
    audio.currentTime = chapters[target].start + 0.01;
    update();
  }

  article.querySelector("a.follow-link").addEventListener("click", function (event) {
    event.preventDefault();
    open(true);
  });
  article.querySelector("a.print").addEventListener("click", function (event) {
    event.preventDefault();
    window.print();
  });
  view.querySelector(".close").addEventListener("click", close);
  view.querySelector(".prev").addEventListener("click", function () { seekChapter(-1); });
  view.querySelector(".next").addEventListener("click", function () { seekChapter(1); });
  view.querySelector(".play").addEventListener("click", function () {
    if (audio.paused) audio.play(); else audio.pause();
  });
  audio.addEventListener("ended", function () { if (current && visit) ask("after"); });
  ["timeupdate", "seeked", "play", "pause", "loadedmetadata"].forEach(function (name) { audio.addEventListener(name, update); });
  setInterval(function () { if (current && !audio.paused) update(); }, 250);
  document.addEventListener("keydown", function (event) {
    if (view.hidden) return;
    if (event.key === "Escape") close();
    if (event.key === "ArrowLeft") seekChapter(-1);
    if (event.key === "ArrowRight") seekChapter(1);
  });

  window.addEventListener("popstate", function () {
    if (view.hidden || location.hash === "#follow") return;
    close();
    if (!view.hidden && history.pushState) history.pushState(null, "", "#follow"); // it asks first; Back again leaves
  });
  // Leaving the page (a reload, another page, the browser closing the tab) keeps a score given before.
  window.addEventListener("pagehide", function () {
    if (visit && visit.before !== null) finish();
  });

  if (location.hash === "#follow") open(false); // a reload inside the view stays in it
  flush();
  window.acuguideFollow = { open: open, update: update, audio: audio, close: close, flush: flush, queued: queued };
})();
