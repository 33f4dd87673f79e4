// Builds pictograms.tsv: one pictographic code point Symbola draws, its CLDR short name, keywords.
const fs = require('fs');
const ann = JSON.parse(fs.readFileSync('package/annotations/en/annotations.json')).annotations.annotations;
const ranges = fs.readFileSync(process.argv[2], 'utf8').trim().split(/\s+/).map(r => {
  const [a, b] = r.split('-'); return [parseInt(a, 16), parseInt(b || a, 16)]; });
const inFont = cp => ranges.some(([a, b]) => cp >= a && cp <= b);
// Pictographs only: misc symbols/dingbats and the supplementary emoji blocks.
const pictographic = cp => (cp >= 0x2600 && cp <= 0x27bf) || (cp >= 0x1f300 && cp <= 0x1faff)
  || cp === 0x2328 || cp === 0x231a || cp === 0x231b || (cp >= 0x23e9 && cp <= 0x23fa) || cp === 0x2b50;
const rows = [];
for (const [k, v] of Object.entries(ann)) {
  const cps = [...k].map(c => c.codePointAt(0)).filter(c => c !== 0xfe0f);
  if (cps.length !== 1) continue;
  const cp = cps[0];
  if (!pictographic(cp) || !inFont(cp)) continue;
  const name = v.tts[0];
  const words = v.default.filter(w => w !== name);
  rows.push(cp.toString(16).toUpperCase() + '\t' + name + '\t' + words.join('|'));
}
rows.sort();
process.stdout.write(rows.join('\n') + '\n');
