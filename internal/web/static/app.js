// Alboran dashboard: a click on a highlighted span shows its record in the side panel.
// Without this script the link jumps to the record, which CSS marks.
document.addEventListener("click", function (e) {
  var a = e.target.closest("a.hl");
  if (!a) return;
  var rec = document.getElementById("rec-" + a.dataset.rec);
  var panel = document.getElementById("record");
  if (!rec || !panel) return;
  e.preventDefault();
  panel.textContent = "";
  panel.appendChild(rec.cloneNode(true)).removeAttribute("id");
  panel.hidden = false;
  panel.scrollIntoView({ block: "nearest" });
});
