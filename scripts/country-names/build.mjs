// Builds internal/lexicon/data/{es,fr}/country-names.tsv from the npm package
// i18n-iso-countries (MIT; https://github.com/michaelwittig/node-i18n-iso-countries): each
// country's Spanish and French names, keyed by ISO 3166-1 alpha-3, for the codes the English
// countries.tsv knows. Run once, by hand, when the package changes:
//
//   cd scripts/country-names && npm install --no-save i18n-iso-countries@7 && node build.mjs
import { readFileSync, writeFileSync, copyFileSync } from "node:fs";

const pkg = "node_modules/i18n-iso-countries";
const version = JSON.parse(readFileSync(`${pkg}/package.json`, "utf8")).version;
const codes = JSON.parse(readFileSync(`${pkg}/codes.json`, "utf8")); // [alpha2, alpha3, numeric]
const a3 = Object.fromEntries(codes.map((c) => [c[0], c[1]]));
const known = new Set(
  readFileSync("../../internal/lexicon/data/countries.tsv", "utf8")
    .split("\n")
    .filter((l) => l && !l.startsWith("#"))
    .map((l) => l.split("\t")[0].trim()),
);
// Names that more often name something else in these languages' news: the Spanish city of
// Granada (Grenada in Spanish), the US state and the given name Georgia.
const ambiguous = new Set(["Granada", "Georgia", "Géorgie"]);
for (const lang of ["es", "fr"]) {
  const names = JSON.parse(readFileSync(`${pkg}/langs/${lang}.json`, "utf8")).countries;
  const out = [
    `# Country names in ${lang === "es" ? "Spanish" : "French"}, from the npm package i18n-iso-countries ${version} (MIT,`,
    "# see country-names.LICENSE), built by scripts/country-names/build.mjs; do not edit by hand.",
    "# code\tnames (| separated)",
  ];
  for (const [a2, v] of Object.entries(names).sort((x, y) => a3[x[0]].localeCompare(a3[y[0]]))) {
    const code = a3[a2];
    if (!known.has(code)) continue;
    const list = (Array.isArray(v) ? v : [v]).filter((n) => !n.includes("|") && !ambiguous.has(n));
    if (list.length > 0) out.push(`${code}\t${list.join("|")}`);
  }
  writeFileSync(`../../internal/lexicon/data/${lang}/country-names.tsv`, out.join("\n") + "\n");
  copyFileSync(`${pkg}/LICENSE`, `../../internal/lexicon/data/${lang}/country-names.LICENSE`);
}
