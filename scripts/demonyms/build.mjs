// Builds internal/lexicon/data/{es,fr}/demonyms.tsv from the npm package i18n-nationality
// (MIT; https://github.com/widdix/i18n-nationality): each country's Spanish and French
// demonym, with the feminine and plural forms the languages make by rule, keyed by ISO 3166-1
// alpha-3, for the codes the English countries.tsv knows and the language's hand-written
// countries.tsv does not already give adjectives for. Run once, by hand, when the package
// changes:
//
//   cd scripts/demonyms && npm install --no-save i18n-nationality@1 && node build.mjs
import { readFileSync, writeFileSync, copyFileSync } from "node:fs";

const pkg = "node_modules/i18n-nationality";
const version = JSON.parse(readFileSync(`${pkg}/package.json`, "utf8")).version;
const codes = JSON.parse(readFileSync(`${pkg}/codes.json`, "utf8")); // [alpha2, alpha3, numeric]
const a3 = Object.fromEntries(codes.map((c) => [c[0], c[1]]));
const rows = (path) =>
  readFileSync(path, "utf8")
    .split("\n")
    .filter((l) => l.trim() && !l.startsWith("#"))
    .map((l) => l.split("\t"));
const known = new Set(rows("../../internal/lexicon/data/countries.tsv").map((r) => r[0].trim()));
const english = new Set(rows("../../internal/lexicon/data/countries.tsv").map((r) => r[1].trim().toLowerCase()));

// The forms of a French demonym from its masculine singular: "ghanéen" → "ghanéenne",
// "ghanéens", "ghanéennes"; "sénégalais" → "sénégalaise", "sénégalaises".
function french(m) {
  if (/(ais|ois)$/.test(m)) return [m, m + "e", m + "es"];
  if (/en$/.test(m)) return [m, m + "ne", m + "s", m + "nes"];
  if (/e$/.test(m)) return [m, m + "s"];
  if (/é$/.test(m)) return [m, m + "s", m + "e", m + "es"];
  return [m, m + "e", m + "s", m + "es"];
}

// The forms of a Spanish demonym from its masculine singular: "marfileño" → "marfileña",
// "marfileños", "marfileñas"; "senegalés" → "senegalesa", "senegaleses", "senegalesas".
function spanish(m) {
  const plain = (s) => s.replace(/á/g, "a").replace(/é/g, "e").replace(/í/g, "i").replace(/ó/g, "o").replace(/ú/g, "u");
  if (/o$/.test(m)) return [m, m.slice(0, -1) + "a", m + "s", m.slice(0, -1) + "as"];
  if (/(és|án|ín|ón)$/.test(m)) {
    const stem = m.slice(0, -2) + plain(m.slice(-2));
    return [m, stem + "a", stem + "es", stem + "as"];
  }
  if (/[íú]$/.test(m)) return [m, m + "es"];
  if (/[ea]$/.test(m)) return [m, m + "s"];
  return [];
}

for (const lang of ["es", "fr"]) {
  const dir = `../../internal/lexicon/data/${lang}`;
  const own = new Set(rows(`${dir}/countries.tsv`).map((r) => r[0].trim()));
  const names = new Set(rows(`${dir}/country-names.tsv`).flatMap((r) => r[1].split("|").map((n) => n.trim().toLowerCase())));
  const nat = JSON.parse(readFileSync(`${pkg}/langs/${lang}.json`, "utf8")).nationalities;
  const byForm = new Map();
  for (const [a2, v] of Object.entries(nat)) {
    const code = a3[a2];
    const m = String(v).trim().toLowerCase();
    // A demonym the package left as the country's name ("Ghana", "Malí") or in English, or
    // written in several words, is no demonym to read.
    if (!code || !known.has(code) || own.has(code) || /[\s()-]/.test(m) || names.has(m) || english.has(m)) continue;
    for (const f of lang === "es" ? spanish(m) : french(m)) {
      if (!byForm.has(f)) byForm.set(f, new Set());
      byForm.get(f).add(code);
    }
  }
  // "l'océan Indien" names no people.
  for (const f of ["indien"]) byForm.delete(f);
  const perCode = new Map();
  for (const [f, cs] of byForm) {
    if (cs.size !== 1) continue; // one form, two countries: read neither
    const code = [...cs][0];
    if (!perCode.has(code)) perCode.set(code, []);
    perCode.get(code).push(f);
  }
  const out = [
    `# Demonyms in ${lang === "es" ? "Spanish" : "French"}, from the npm package i18n-nationality ${version} (MIT, see`,
    "# demonyms.LICENSE), with the feminine and plural forms made by rule; built by",
    "# scripts/demonyms/build.mjs for the countries countries.tsv does not list; do not edit by hand.",
    "# code\tadjectives and demonyms (| separated)",
  ];
  for (const code of [...perCode.keys()].sort()) out.push(`${code}\t${perCode.get(code).join("|")}`);
  writeFileSync(`${dir}/demonyms.tsv`, out.join("\n") + "\n");
  copyFileSync(`${pkg}/LICENSE`, `${dir}/demonyms.LICENSE`);
}
