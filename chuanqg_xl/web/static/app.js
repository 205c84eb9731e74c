// chuanqg-xl: the page's behaviour. Plain JavaScript, no library, nothing from the internet.
// Without JavaScript the page still works: the form posts and the download forms are links.
"use strict";

(function () {
  document.documentElement.classList.add("js");

  function texts() {
    var node = document.getElementById("texts");
    try { return JSON.parse(node ? node.textContent : "{}"); } catch (e) { return {}; }
  }

  function fill(template, values) {
    return String(template || "").replace(/\{(\w+)\}/g, function (all, key) {
      return values && key in values ? values[key] : all;
    });
  }

  function ready(fn) {
    if (document.readyState !== "loading") { fn(); } else { document.addEventListener("DOMContentLoaded", fn); }
  }

  ready(function () {
    var T = texts();
    var form = document.getElementById("upload");
    var input = document.getElementById("files");
    var drop = document.getElementById("drop");
    var results = document.getElementById("results");
    var progress = document.getElementById("progress");
    var bar = progress ? progress.querySelector(".bar span") : null;
    var status = progress ? progress.querySelector(".progress-text") : null;
    var busy = false;
    var POLL_MS = 400;
    if (!form || !input || !results) { return; }
    var limit = parseInt(form.getAttribute("data-limit"), 10) || 0;
    var maxFiles = parseInt(form.getAttribute("data-max-files"), 10) || 0;

    function showProgress(message, fraction) {
      if (!progress) { return; }
      progress.hidden = false;
      status.textContent = message;
      if (fraction === null || fraction === undefined) {
        progress.classList.add("indeterminate");
        bar.style.width = "";
      } else {
        progress.classList.remove("indeterminate");
        bar.style.width = Math.round(fraction * 100) + "%";
      }
    }

    function hideProgress() {
      if (progress) { progress.hidden = true; progress.classList.remove("indeterminate"); }
    }

    function showError(message) {
      var box = document.createElement("div");
      box.className = "alert";
      box.setAttribute("role", "alert");
      var p = document.createElement("p");
      p.className = "alert-text";
      p.textContent = message;
      box.appendChild(p);
      results.innerHTML = "";
      results.appendChild(box);
    }

    function updateLanguageLink(url) {
      var link = document.getElementById("lang-switch");
      if (!link || !url) { return; }
      var other = link.getAttribute("data-lang");
      link.href = url.replace(/([?&])lang=[a-z]+/, "$1lang=" + other);
    }

    function parse(request) {
      try { return JSON.parse(request.responseText); } catch (e) { return null; }
    }

    // The answer of a check (or of a job, once done): the result replaces what was there.
    function finish(answer) {
      busy = false;
      form.classList.remove("busy");
      hideProgress();
      input.value = "";
      if (answer && answer.html) {
        results.innerHTML = answer.html;
        if (answer.url && window.history && history.pushState) {
          history.pushState(null, "", answer.url);
          updateLanguageLink(answer.url);
        }
        var summary = document.getElementById("summary") || results.querySelector(".alert");
        if (summary && summary.scrollIntoView) { summary.scrollIntoView({ block: "start", behavior: "smooth" }); }
      } else if (answer && answer.url) {
        window.location.href = answer.url;            // shown already elsewhere: open its page
      } else {
        showError(T.failed);
      }
    }

    // A job on the server: ask how far it is until it is done; the bar shows files read, then writing.
    function follow(url) {
      var xhr = new XMLHttpRequest();
      xhr.onload = function () {
        var answer = parse(xhr);
        if (answer && answer.phase) {
          showProgress(answer.message, answer.fraction);
          setTimeout(function () { follow(url); }, POLL_MS);
          return;
        }
        finish(answer);
      };
      xhr.onerror = function () { finish(null); };
      xhr.open("GET", url);
      xhr.setRequestHeader("X-Requested-With", "fetch");
      xhr.send();
    }

    function send(files) {
      if (busy) { return; }
      if (!files || !files.length) { showError(T.no_file); return; }
      if (maxFiles && files.length > maxFiles) { showError(T.too_many); return; }
      for (var i = 0; i < files.length; i++) {
        if (limit && files[i].size > limit) { showError(fill(T.too_large, { name: files[i].name })); return; }
      }
      var data = new FormData();
      for (var j = 0; j < files.length; j++) { data.append("files", files[j], files[j].name); }
      var xhr = new XMLHttpRequest();
      busy = true;
      form.classList.add("busy");
      var checking = files.length > 1 ? fill(T.checking_many, { count: files.length }) : T.checking;
      showProgress(T.sending, 0);
      xhr.upload.onprogress = function (event) {
        if (event.lengthComputable) { showProgress(T.sending, event.loaded / event.total); }
      };
      xhr.upload.onload = function () { showProgress(checking, null); };
      xhr.onload = function () {
        var answer = parse(xhr);
        if (answer && answer.job && answer.poll) {      // a consolidation: follow it until it is done
          showProgress(checking, 0);
          follow(answer.poll);
          return;
        }
        finish(answer);
      };
      xhr.onerror = function () { finish(null); };
      xhr.open("POST", form.action);
      xhr.setRequestHeader("X-Requested-With", "fetch");
      xhr.send(data);
    }

    input.addEventListener("change", function () { send(input.files); });
    form.addEventListener("submit", function (event) { event.preventDefault(); send(input.files); });

    if (drop) {
      ["dragenter", "dragover"].forEach(function (name) {
        drop.addEventListener(name, function (event) {
          event.preventDefault();
          drop.classList.add("over");
        });
      });
      ["dragleave", "dragend"].forEach(function (name) {
        drop.addEventListener(name, function () { drop.classList.remove("over"); });
      });
      drop.addEventListener("drop", function (event) {
        event.preventDefault();
        drop.classList.remove("over");
        if (event.dataTransfer) { send(event.dataTransfer.files); }
      });
      // A file dropped beside the zone must not make the browser leave the page to open it.
      window.addEventListener("dragover", function (event) { event.preventDefault(); });
      window.addEventListener("drop", function (event) { event.preventDefault(); });
    }

    function fileName(header) {
      if (!header) { return "tep.xlsx"; }
      var star = /filename\*=UTF-8''([^;]+)/i.exec(header);
      if (star) { try { return decodeURIComponent(star[1]); } catch (e) { /* fall through */ } }
      var plain = /filename="([^"]+)"/i.exec(header);
      return plain ? plain[1] : "tep.xlsx";
    }

    // The date field: day/month/year in every language (a browser's own date field follows its locale, and an
    // English browser would ask for month/day/year). What was typed is read back in words as it is typed;
    // the server reads it the same way and says what is wrong when it cannot.
    function readDay(value) {
      var found = /^\s*(\d{1,2})\s*[\/.\-]\s*(\d{1,2})\s*[\/.\-]\s*(\d{4})\s*$/.exec(value);
      var day, month, year;
      if (found) {
        day = +found[1]; month = +found[2]; year = +found[3];
      } else {
        found = /^\s*(\d{4})-(\d{1,2})-(\d{1,2})\s*$/.exec(value);
        if (!found) { return null; }
        year = +found[1]; month = +found[2]; day = +found[3];
      }
      if (month < 1 || month > 12 || year < 2000 || year > 2100) { return null; }
      if (day < 1 || day > new Date(year, month, 0).getDate()) { return null; }
      return { day: day, month: month, year: year };
    }

    results.addEventListener("input", function (event) {
      var field = event.target;
      if (!field.classList || !field.classList.contains("date-field")) { return; }
      var out = document.getElementById(field.getAttribute("aria-describedby") || "");
      if (!out) { return; }
      var day = readDay(field.value);
      var months = String(T.months || "").split(",");
      if (day) {
        day.month_name = months[day.month - 1] || day.month;
        out.textContent = fill(T.date_read, day);
        out.classList.remove("unread");
      } else {
        out.textContent = T.date_unread;
        out.classList.add("unread");
      }
    });

    // Downloads: fetched, so that a slow one shows progress and a refusal shows its sentence in place.
    results.addEventListener("submit", function (event) {
      var target = event.target;
      if (!target.classList || !target.classList.contains("download")) { return; }
      event.preventDefault();
      var button = target.querySelector("button[type=submit]");
      var error = target.querySelector(".download-error");
      if (!button || button.disabled) { return; }
      var query = new URLSearchParams(new FormData(target)).toString();
      var url = target.action + (query ? (target.action.indexOf("?") < 0 ? "?" : "&") + query : "");
      var label = button.textContent;
      button.disabled = true;
      button.classList.add("working");
      button.textContent = T.making;
      if (error) { error.textContent = ""; }
      fetch(url, { headers: { "X-Requested-With": "fetch" }, credentials: "same-origin" })
        .then(function (response) {
          var type = response.headers.get("Content-Type") || "";
          if (!response.ok || type.indexOf("application/json") === 0) {
            return response.json().then(function (answer) {
              throw new Error(answer && answer.error ? answer.error : T.failed);
            }, function () { throw new Error(T.failed); });
          }
          var name = fileName(response.headers.get("Content-Disposition"));
          return response.blob().then(function (blob) {
            var link = document.createElement("a");
            link.href = URL.createObjectURL(blob);
            link.download = name;
            document.body.appendChild(link);
            link.click();
            setTimeout(function () { URL.revokeObjectURL(link.href); link.remove(); }, 60000);
          });
        })
        .catch(function (problem) {
          if (error) { error.textContent = problem && problem.message ? problem.message : T.failed; }
        })
        .then(function () {
          button.disabled = false;
          button.classList.remove("working");
          button.textContent = label;
        });
    });
  });
})();
