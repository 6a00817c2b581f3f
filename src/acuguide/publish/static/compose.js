// Making a session from the phone: the form and the screening answers go to the computer, which
// composes (or refuses, with the advice) and renders in the background; this page shows how far
// it is and links the session when it is ready.
(function () {
  "use strict";
  var W = JSON.parse(document.getElementById("acuguide-compose-words").textContent);
  var J = JSON.parse(document.getElementById("acuguide-words").textContent);
  var params = new URLSearchParams(location.search);
  var key = params.get("key") || "";
  try {
    if (key) localStorage.setItem("acuguide-key", key);
    key = key || localStorage.getItem("acuguide-key") || "";
  } catch (e) { /* private browsing: the key in the address only */ }
  var form = document.getElementById("compose"), box = document.getElementById("job");
  var error = form.querySelector(".form-error");
  var $ = function (name) { return box.querySelector(".job-" + name); };
  function say(name, values) {
    return W[name].replace(/\{(\w+)\}/g, function (all, field) { return values && field in values ? values[field] : all; });
  }

  // a follow-up question is asked only after a yes to the one it follows
  function toggle() {
    form.querySelectorAll("fieldset[data-follows]").forEach(function (set) {
      var parent = form.querySelector('input[name="q-' + set.dataset.follows + '"][value="yes"]');
      var shown = !!(parent && parent.checked);
      set.hidden = !shown;
      set.querySelectorAll("input").forEach(function (input) { input.required = shown && input.value === "yes"; });
    });
  }
  form.addEventListener("change", toggle);
  toggle();

  function fail(text) {
    error.hidden = false;
    error.textContent = text;
    error.scrollIntoView({ block: "center" });
  }

  form.addEventListener("submit", function (event) {
    event.preventDefault();
    error.hidden = true;
    var answers = {};
    form.querySelectorAll("fieldset.question").forEach(function (set) {
      if (set.hidden) return;
      var chosen = set.querySelector("input:checked");
      if (chosen) answers[set.dataset.id] = chosen.value === "yes";
    });
    var sent = {
      for: form.elements["for"].value,
      minutes: Number(form.elements.minutes.value),
      tools: Array.prototype.filter.call(form.querySelectorAll('input[name="tools"]'), function (i) { return i.checked; })
        .map(function (i) { return i.value; }),
      level: form.querySelector('input[name="level"]:checked').value,
      answers: answers,
    };
    var button = form.querySelector("button[type=submit]");
    button.disabled = true;
    fetch("api/compose", {
      method: "POST", headers: { "Content-Type": "application/json", "X-Acuguide-Key": key }, body: JSON.stringify(sent),
    }).then(function (response) {
      return response.json().then(function (body) { return { status: response.status, body: body }; });
    }).then(function (answer) {
      button.disabled = false;
      if (answer.status === 403) return fail(J["js.no_key"]);
      if (answer.status >= 400) return fail(answer.body.error);
      form.hidden = true;
      box.hidden = false;
      $("title").textContent = answer.body.title;
      show(answer.body);
      poll(answer.body.job);
    }).catch(function (e) {
      button.disabled = false;
      fail(String(e));
    });
  });

  function show(job) {
    box.dataset.state = job.state;
    var bar = $("bar");
    if (job.state === "queued") $("state").textContent = W["compose.queued"];
    if (job.state === "running") {
      $("state").textContent = job.stage ? say("compose.stage", { stage: job.stage, percent: Math.round(100 * job.progress) }) : W["compose.running"];
      if (job.stage) bar.value = job.progress; else bar.removeAttribute("value");
    }
    if (job.state === "done") {
      $("state").textContent = W["compose.done"];
      bar.max = 1; bar.value = 1;
      var link = document.createElement("a");
      link.className = "button primary";
      link.href = job.page;
      link.textContent = W["compose.open"];
      $("result").replaceChildren(link);
      job.notices.forEach(function (notice) { // how the words were read, a tool left unused: as the terminal says them
        var note = document.createElement("p");
        note.className = "job-note";
        note.textContent = notice;
        $("result").appendChild(note);
      });
    }
    if (job.state === "failed") {
      $("state").textContent = W["compose.failed"];
      bar.hidden = true;
      $("result").textContent = job.error;
    }
  }

  function poll(id) {
    fetch("api/jobs/" + encodeURIComponent(id), { headers: { "X-Acuguide-Key": key } })
      .then(function (r) { return r.json(); })
      .then(function (job) {
        show(job);
        if (job.state === "queued" || job.state === "running") setTimeout(poll, 700, id);
      })
      .catch(function () { setTimeout(poll, 2000, id); });
  }
})();
