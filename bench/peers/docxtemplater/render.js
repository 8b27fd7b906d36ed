// The peer: docxtemplater (with pizzip) filling an equivalent .docx template with the same rows, timed the same
// way as our renderer (at least a second of warm-up, so V8 has optimised it, then the median of N renders). Prints one
// JSON line.
'use strict';
const fs = require('fs');
const PizZip = require('pizzip');
const Docxtemplater = require('docxtemplater');

const [templatePath, dataPath, iterationsText] = process.argv.slice(2);
const template = fs.readFileSync(templatePath);
const data = JSON.parse(fs.readFileSync(dataPath, 'utf8'));
const iterations = Number(iterationsText || '20');

function render() {
  const doc = new Docxtemplater(new PizZip(template), { paragraphLoop: true, linebreaks: true });
  doc.render(data);
  return doc.getZip().generate({ type: 'nodebuffer', compression: 'DEFLATE' });
}

const warmUntil = process.hrtime.bigint() + 1_000_000_000n;
for (let i = 0; i < 3 || process.hrtime.bigint() < warmUntil; i++) render();
const times = [];
let size = 0;
for (let i = 0; i < iterations; i++) {
  const start = process.hrtime.bigint();
  size = render().length;
  times.push(Number(process.hrtime.bigint() - start) / 1e6);
}
times.sort((a, b) => a - b);
console.log(JSON.stringify({ medianMs: times[Math.floor(times.length / 2)], size }));
