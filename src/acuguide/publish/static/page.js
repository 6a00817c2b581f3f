// The session view: follows the audio with the JSON timeline written beside it.
// Everything from a routine goes in with textContent, never as markup.
(function () {
  "use strict";
  var points = JSON.parse(document.getElementById("acuguide-points").textContent);
  var view = document.getElementById("follow");
  var audio = view.querySelector(".follow-audio");
  var $ = function (name) { return view.querySelector(".follow-" + name); };
  var current = null; // {article, data, chapter}

  function pauseOthers(except) {
    document.querySelectorAll("audio").forEach(function (a) { if (a !== except) a.pause(); });
  }

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
      $("picture").alt = info ? "Where " + code + " " + info.name + " is" : "The points of this session";
      $("name").textContent = chapter.title;
      $("find").textContent = info ? info.find : "";
      $("count").textContent = "Chapter " + (index + 1) + " of " + data.chapters.length;
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
      $("left").textContent = Math.ceil(hold.end - t) + " s left in the hold";
    } else if (next) {
      $("left").textContent = "Next: a " + Math.round(next.end - next.start) + " s hold" + (next.side && next.side !== "center" ? ", " + next.side + (next.side === "both" ? " sides" : " side") : "");
    } else {
      $("left").textContent = "";
    }
    view.dataset.point = code || "";
    view.dataset.holding = hold ? "yes" : "no";
    $("progress").style.width = (100 * t / (data.duration || audio.duration || 1)) + "%";
    var play = view.querySelector(".play");
    view.dataset.playing = audio.paused ? "no" : "yes";
    play.lastChild.textContent = audio.paused ? "Play" : "Pause";
    play.setAttribute("aria-label", audio.paused ? "Play" : "Pause");
  }

  function open(article, autoplay) {
    var timeline = article.dataset.timeline;
    return fetch(timeline).then(function (r) {
      if (!r.ok) throw new Error(timeline + ": " + r.status);
      return r.json();
    }).then(function (data) {
      pauseOthers(audio);
      var listAudio = article.querySelector("audio");
      var start = listAudio && listAudio.currentTime > 0 ? listAudio.currentTime : 0;
      current = { article: article, data: data, chapter: -1, cover: article.querySelector("img.cover").getAttribute("src") };
      if (audio.getAttribute("src") !== article.dataset.audio) audio.src = article.dataset.audio;
      if (start) audio.currentTime = start;
      $("title").textContent = article.dataset.title;
      view.hidden = false;
      document.body.classList.add("following");
      if (history.replaceState) history.replaceState(null, "", "#follow-" + article.dataset.slug);
      update();
      if (autoplay) return audio.play().catch(function () { update(); });
    }).catch(function (error) {
      view.hidden = true;
      alert("This session's timeline could not be loaded (" + error.message + "); the player in the list still works.");
    });
  }

  function close() {
    audio.pause();
    view.hidden = true;
    document.body.classList.remove("following");
    if (current) {
      var slug = current.article.dataset.slug;
      current = null;
      if (history.replaceState) history.replaceState(null, "", "#" + slug);
      document.getElementById(slug).scrollIntoView();
    }
  }

  function seekChapter(step) {
    if (!current) return;
    var chapters = current.data.chapters, t = audio.currentTime || 0, index = chapterAt(t);
    if (step < 0 && t - chapters[index].start > 3) index += 1; // back: to this chapter's start first
    var target = Math.max(0, Math.min(chapters.length - 1, index + step));
    audio.currentTime = chapters[target].start + 0.01;
    update();
  }

  document.querySelectorAll("article.session").forEach(function (article) {
    article.querySelector("a.follow-link").addEventListener("click", function (event) {
      event.preventDefault();
      open(article, true);
    });
    article.querySelector("a.print").addEventListener("click", function (event) {
      event.preventDefault();
      document.body.dataset.print = article.dataset.slug;
      article.classList.add("printing");
      window.print();
    });
  });
  window.addEventListener("afterprint", function () {
    delete document.body.dataset.print;
    document.querySelectorAll(".printing").forEach(function (a) { a.classList.remove("printing"); });
  });
  view.querySelector(".close").addEventListener("click", close);
  view.querySelector(".prev").addEventListener("click", function () { seekChapter(-1); });
  view.querySelector(".next").addEventListener("click", function () { seekChapter(1); });
  view.querySelector(".play").addEventListener("click", function () {
    if (audio.paused) audio.play(); else audio.pause();
  });
  ["timeupdate", "seeked", "play", "pause", "loadedmetadata"].forEach(function (name) { audio.addEventListener(name, update); });
  setInterval(function () { if (current && !audio.paused) update(); }, 250);
  document.addEventListener("keydown", function (event) {
    if (view.hidden) return;
    if (event.key === "Escape") close();
    if (event.key === "ArrowLeft") seekChapter(-1);
    if (event.key === "ArrowRight") seekChapter(1);
  });

  // A link to #follow-<slug> opens that session's view (without starting the audio).
  var match = /^#follow-(.+)$/.exec(location.hash);
  var target = match && document.getElementById(decodeURIComponent(match[1]));
  if (target && target.classList.contains("session")) open(target, false);
  window.acuguideFollow = { open: open, update: update, audio: audio, close: close };
})();
