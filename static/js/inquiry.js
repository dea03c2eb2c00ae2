// Sends the inquiry form without leaving the page, so that an answer that is not the
// site's (the edge's outage page, a body too large for a proxy, no network at all) leaves
// the visitor on this page with every field as they filled it, photos included, told
// that it was not sent and given the phone number. The site's own answers are shown as
// a plain form post shows them: the thank-you page after the redirect, or the form with
// what to correct. Nothing is written to the browser's storage or cookies: what was
// typed lives only in this open page. Without this script the form posts as before.
(function () {
  "use strict";
  if (!window.fetch || !window.FormData || !window.DOMParser || !window.AbortController) return;

  // The edge gives up on the app after 35 s; after this long, say so rather than wait.
  var PATIENCE_MS = 45000;
  var FORM = "form.inquiry-form";

  function setBusy(form, busy) {
    form.setAttribute("aria-busy", String(busy));
    form.querySelectorAll("button[type=submit]").forEach(function (button) {
      button.disabled = busy;
    });
  }

  // The notice is in the page from the start (hidden), so it needs nothing from a server.
  // `reason`: "too-large" (a 413: sending it again as it is would fail again), else
  // "unanswered".
  function showNotSent(reason) {
    var notice = document.getElementById("inquiry-not-sent");
    if (!notice) return;
    notice.querySelectorAll("[data-not-sent]").forEach(function (paragraph) {
      paragraph.hidden = paragraph.getAttribute("data-not-sent") !== reason;
    });
    notice.hidden = false;
    notice.focus();
  }

  function NotSent(reason) {
    this.reason = reason;
  }

  // The site's own answer with the form (what to correct, a refused security check, too
  // many messages): shown in place of this page's content, as a plain post would show it.
  function showAnswer(html) {
    var answer = new DOMParser().parseFromString(html, "text/html");
    var main = answer.querySelector("main");
    if (!main || !main.querySelector(FORM)) return false;
    document.title = answer.title;
    document.querySelector("main").replaceWith(document.adoptNode(main));
    var summary = document.getElementById("form-errors");
    if (summary) summary.focus();
    return true;
  }

  function send(form) {
    var stop = new AbortController();
    var timer = window.setTimeout(function () {
      stop.abort();
    }, PATIENCE_MS);
    setBusy(form, true);
    var notice = document.getElementById("inquiry-not-sent");
    if (notice) notice.hidden = true;
    fetch(form.action, {
      method: "POST",
      body: new FormData(form),
      credentials: "same-origin",
      signal: stop.signal,
    })
      .then(function (response) {
        // Saved: the site redirects to its thank-you page, which fetch() has followed.
        if (response.ok && response.redirected) {
          window.location.assign(response.url);
          return;
        }
        // A server error (the site's own or a proxy's) or a body refused for its size:
        // keep this page, which holds everything typed and every photo chosen.
        if (response.status === 413) throw new NotSent("too-large");
        if (response.status >= 500) throw new NotSent("unanswered");
        return response.text().then(function (html) {
          if (!showAnswer(html)) throw new NotSent("unanswered");
          setBusy(form, false);
        });
      })
      .catch(function (error) {
        // A network failure or the timeout rejects with the browser's own error.
        setBusy(form, false);
        showNotSent(error instanceof NotSent ? error.reason : "unanswered");
      })
      .finally(function () {
        window.clearTimeout(timer);
      });
  }

  // On the document, so that a form the site's answer put in the page is sent the same way.
  document.addEventListener("submit", function (event) {
    var form = event.target;
    if (!(form instanceof HTMLFormElement) || !form.matches(FORM)) return;
    event.preventDefault();
    if (form.getAttribute("aria-busy") !== "true") send(form);
  });
})();
