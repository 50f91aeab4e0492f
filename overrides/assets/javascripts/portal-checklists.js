/* Checklists readers can tick (portal.checklists gives each box an id, a
   label and a stable key in data-portal-task).

   Ticks stay in this browser only: localStorage, one entry per page, one
   value per item key, never sent anywhere. Without JavaScript the boxes stay
   disabled and the list reads as a list. The words come from the page
   (partials/checklists.html, portal.labels), in the page's language.

   Loaded as a file, never inline: the portal's Content Security Policy
   allows no inline script. */
(function () {
  "use strict";

  var words = document.getElementById("portal-checklist-words");
  var lists = Array.prototype.filter.call(
    document.querySelectorAll("ul.portal-checklist, ol.portal-checklist"),
    function (list) { return list.querySelector("input[data-portal-task]"); }
  );
  if (!words || !lists.length) {
    return;
  }
  var storageKey = "portal-checklists:" + location.pathname;
  var lang = document.documentElement.lang || "de";

  function word(name) {
    return words.getAttribute("data-" + name) || "";
  }

  function load() {
    try {
      var value = JSON.parse(localStorage.getItem(storageKey) || "{}");
      return value && typeof value === "object" ? value : {};
    } catch (error) {
      return {};
    }
  }

  function save(state) {
    try {
      if (Object.keys(state).length) {
        localStorage.setItem(storageKey, JSON.stringify(state));
      } else {
        localStorage.removeItem(storageKey);
      }
    } catch (error) {
      /* Storage off or full: ticks last until the page is left. */
    }
  }

  function boxes(list) {
    return Array.prototype.slice.call(list.querySelectorAll("input[data-portal-task]"));
  }

  function progress(list) {
    var all = boxes(list);
    var done = all.filter(function (box) { return box.checked; }).length;
    return word("progress").replace("{done}", done).replace("{total}", all.length);
  }

  /* The text of an item without its nested lists. */
  function itemText(box) {
    var label = document.querySelector('label[for="' + box.id + '"]');
    return label ? label.textContent.replace(/\s+/g, " ").trim() : "";
  }

  /* The heading a list stands under, and a short lead-in such as "Woche 1:". */
  function titleOf(list) {
    var parts = [];
    for (var node = list.previousElementSibling; node; node = node.previousElementSibling) {
      if (/^H[1-6]$/.test(node.tagName)) {
        parts.unshift(node.textContent.replace(/\u00b6/g, "").trim());
        break;
      }
      if (!parts.length && node.tagName === "P" && node.textContent.length < 80) {
        parts.unshift(node.textContent.trim());
      }
    }
    return parts.join(" – ");
  }

  var state = load();
  var defaults = {};

  lists.forEach(function (list, index) {
    boxes(list).forEach(function (box) {
      var key = box.getAttribute("data-portal-task");
      defaults[key] = box.defaultChecked;
      if (Object.prototype.hasOwnProperty.call(state, key)) {
        box.checked = state[key] === true;
      }
      box.disabled = false;
    });

    var tools = document.createElement("div");
    tools.className = "portal-checklist-tools";
    var status = document.createElement("p");
    status.className = "portal-checklist-progress";
    status.id = "portal-checklist-progress-" + (index + 1);
    status.setAttribute("role", "status");
    status.textContent = progress(list);
    var reset = document.createElement("button");
    reset.type = "button";
    reset.className = "md-button portal-checklist-reset";
    reset.textContent = word("reset");
    reset.setAttribute("aria-describedby", status.id);
    var print = document.createElement("button");
    print.type = "button";
    print.className = "md-button portal-checklist-export";
    print.textContent = word("export");
    var note = document.createElement("p");
    note.className = "portal-checklist-note";
    note.textContent = word("stored");
    tools.appendChild(status);
    tools.appendChild(reset);
    tools.appendChild(print);
    tools.appendChild(note);
    list.parentNode.insertBefore(tools, list.nextSibling);

    list.addEventListener("change", function (event) {
      var box = event.target;
      if (!box.matches || !box.matches("input[data-portal-task]")) {
        return;
      }
      state[box.getAttribute("data-portal-task")] = box.checked;
      save(state);
      status.textContent = progress(list);
    });

    reset.addEventListener("click", function () {
      if (!window.confirm(word("confirm"))) {
        return;
      }
      boxes(list).forEach(function (box) {
        var key = box.getAttribute("data-portal-task");
        delete state[key];
        box.checked = defaults[key];
      });
      save(state);
      status.textContent = progress(list);
    });

    print.addEventListener("click", printSummary);
  });

  /* One's progress on this page as a short printable page of its own. */
  function printSummary() {
    var old = document.getElementById("portal-progress-summary");
    if (old) {
      old.remove();
    }
    var summary = document.createElement("section");
    summary.id = "portal-progress-summary";
    summary.className = "portal-progress-summary md-typeset";
    var heading = document.createElement("h1");
    var pageTitle = document.querySelector(".md-content h1");
    heading.textContent = word("summary") + ": " +
      (pageTitle ? pageTitle.textContent.replace(/\u00b6/g, "").trim() : document.title);
    summary.appendChild(heading);
    var date = document.createElement("p");
    date.textContent = word("date").replace(
      "{date}", new Date().toLocaleDateString(lang, { day: "2-digit", month: "2-digit", year: "numeric" })
    ) + " · " + location.href.split("#")[0];
    summary.appendChild(date);
    lists.forEach(function (list) {
      var title = document.createElement("h2");
      title.textContent = titleOf(list) + " (" + progress(list) + ")";
      summary.appendChild(title);
      var items = document.createElement("ul");
      boxes(list).forEach(function (box) {
        var item = document.createElement("li");
        item.className = box.checked ? "portal-summary-done" : "portal-summary-open";
        var mark = document.createElement("span");
        mark.className = "portal-summary-mark";
        mark.textContent = box.checked ? word("done") : word("open");
        item.appendChild(mark);
        item.appendChild(document.createTextNode(" " + itemText(box)));
        items.appendChild(item);
      });
      summary.appendChild(items);
    });
    document.body.appendChild(summary);
    document.documentElement.classList.add("portal-printing-summary");
    window.addEventListener("afterprint", function done() {
      window.removeEventListener("afterprint", done);
      document.documentElement.classList.remove("portal-printing-summary");
    });
    window.print();
  }
})();
