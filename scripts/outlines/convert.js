// Converts world-atlas's TopoJSON of Natural Earth's 1:110m countries into the compact file
// internal/geo/data/outlines.tsv, once: neither the build nor the tests need npm.
//
//   npm install --prefix /tmp/wa world-atlas@2.0.2
//   node scripts/outlines/convert.js /tmp/wa/node_modules/world-atlas/countries-110m.json > internal/geo/data/outlines.tsv
//
// One country a line: its ISO 3166-1 numeric code, its name, and its rings separated by "|",
// each ring "lon,lat lon,lat ..." in degrees with one decimal (about 11 km, finer than the
// map's pixels). Natural Earth is in the public domain; world-atlas is ISC (see ATTRIBUTION.md).
const fs = require("fs");
const topo = JSON.parse(fs.readFileSync(process.argv[2], "utf8"));
const [sx, sy] = topo.transform.scale, [tx, ty] = topo.transform.translate;
// Decode the delta-encoded, quantized arcs into degrees.
const arcs = topo.arcs.map((arc) => {
  let x = 0, y = 0;
  return arc.map(([dx, dy]) => { x += dx; y += dy; return [x * sx + tx, y * sy + ty]; });
});
function ring(ids) {
  const pts = [];
  for (const id of ids) {
    const a = id < 0 ? arcs[~id].slice().reverse() : arcs[id];
    pts.push(...(pts.length ? a.slice(1) : a));
  }
  const out = [];
  for (const [x, y] of pts) {
    const p = x.toFixed(1) + "," + y.toFixed(1);
    if (out[out.length - 1] !== p) out.push(p);
  }
  return out.length >= 4 ? out.join(" ") : null;
}
const lines = [];
for (const g of topo.objects.countries.geometries) {
  const polys = g.type === "Polygon" ? [g.arcs] : g.type === "MultiPolygon" ? g.arcs : [];
  const rings = [];
  for (const poly of polys) for (const r of poly) { const s = ring(r); if (s) rings.push(s); }
  if (!rings.length) continue;
  const name = (g.properties && g.properties.name) || "";
  lines.push([g.id || "-", name.replace(/[\t\n|]/g, " "), rings.join("|")].join("\t"));
}
lines.sort();
process.stdout.write("# Natural Earth 1:110m country outlines (public domain), through world-atlas 2.0.2; see ATTRIBUTION.md\n");
process.stdout.write(lines.join("\n") + "\n");
