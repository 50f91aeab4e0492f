/*
 * pymdownx.tasklist (custom_checkbox) renders display-only checkboxes with
 * an empty <label>, so screen readers announce "checkbox" without a name
 * (axe: label, WCAG 4.1.2). Each box is named after the text of its item,
 * without the text of nested lists. A file, not inline: the portal's
 * Content Security Policy allows no inline script.
 */
document.querySelectorAll(".task-list-item > .task-list-control > input[type=checkbox]")
  .forEach(function (box) {
    var item = box.closest(".task-list-item");
    var text = "";
    item.childNodes.forEach(function (node) {
      if (node.nodeType === Node.ELEMENT_NODE &&
          (node.matches("ul, ol") || node.classList.contains("task-list-control"))) {
        return;
      }
      text += node.textContent;
    });
    box.setAttribute("aria-label", text.replace(/\s+/g, " ").trim());
  });
