// Draws the FACT sample's four diagrams as PNG files in src/FactFunctions.Core/Programme/Sample/ with headless Chromium
// (Debian's chromium, driven by the pinned playwright-core). They are simple, honest stand-ins for the diagrams of the
// October 2022 Select Committee paper: each shows what the paper's text says the diagram shows, and nothing more.
// Run: node tools/diagrams/diagrams.cjs   (the PNGs are committed; run again only to change a diagram).
const path = require('node:path');
const { chromium } = require('playwright-core');

const out = path.join(__dirname, '..', '..', 'src', 'FactFunctions.Core', 'Programme', 'Sample');
const box = (x, y, w, h, text, fill = '#dde5f2', stroke = '#1f3864', size = 20, bold = false) => {
  const lines = text.split('\n');
  const first = y + h / 2 - ((lines.length - 1) * size * 0.6);
  return `<rect x="${x}" y="${y}" width="${w}" height="${h}" rx="10" fill="${fill}" stroke="${stroke}" stroke-width="2"/>` +
    lines.map((l, i) => `<text x="${x + w / 2}" y="${first + i * size * 1.2}" font-size="${size}" text-anchor="middle" dominant-baseline="middle"${bold ? ' font-weight="bold"' : ''}>${l}</text>`).join('');
};
const arrow = (x1, y1, x2, y2) => `<line x1="${x1}" y1="${y1}" x2="${x2}" y2="${y2}" stroke="#1f3864" stroke-width="3" marker-end="url(#a)"/>`;
const svg = (w, h, body) => `<svg xmlns="http://www.w3.org/2000/svg" width="${w}" height="${h}" font-family="Liberation Sans, Arial, sans-serif">` +
  `<defs><marker id="a" markerWidth="10" markerHeight="10" refX="9" refY="5" orient="auto"><path d="M0,0 L10,5 L0,10 z" fill="#1f3864"/></marker></defs>` +
  `<rect width="${w}" height="${h}" fill="#ffffff"/>${body}</svg>`;

const workstreams = ['Community Safety\nfor Young People', 'A Good Education\nfor All', 'Best Start\nin Life', 'Integrated Multi-\nProfessional\nEarly Support', 'Whole Life\nPathway', 'Core Skills and\nSingle Approach'];
const diagrams = {
  'fact-workstreams-2020.png': svg(1200, 430,
    box(400, 20, 400, 70, 'FACT Programme (March 2020)', '#1f3864', '#1f3864', 24, true).replace('<text', '<text fill="#ffffff"') +
    workstreams.map((w, i) => arrow(600, 90, 100 + i * 200, 190) + box(10 + i * 200, 195, 180, 150, w)).join('') +
    '<text x="600" y="400" font-size="18" text-anchor="middle">Six workstreams, each with its own projects</text>'),
  'fact-priority-projects-2020.png': svg(1200, 520,
    '<rect x="20" y="20" width="1160" height="480" rx="16" fill="#f2f2f2" stroke="#7f7f7f" stroke-width="2"/>' +
    '<text x="600" y="55" font-size="20" text-anchor="middle">Projects considered by the Operational Board, summer and autumn 2020</text>' +
    '<rect x="60" y="80" width="1080" height="330" rx="16" fill="#fbe5e5" stroke="#c00000" stroke-width="4"/>' +
    '<text x="600" y="115" font-size="22" text-anchor="middle" font-weight="bold" fill="#8b0000">Red area: key priority projects</text>' +
    ['Early Support\nAssessment', 'Inclusive\nApproaches', 'Young People’s\nService', 'School Readiness', 'Joint Working', 'Transitional\nSafeguarding']
      .map((p, i) => box(100 + (i % 3) * 340, 140 + Math.floor(i / 3) * 130, 320, 110, p, '#ffffff', '#c00000')).join('') +
    '<text x="600" y="455" font-size="18" text-anchor="middle">Other projects the Board considered lay outside the red area and are not shown here.</text>'),
  'fact-outcomes-framework.png': svg(1200, 420,
    box(40, 40, 520, 130, 'Short-term, measurable outcomes\n(for example, school attendance)', '#e2efda', '#375623') +
    arrow(560, 105, 640, 105) +
    box(640, 40, 520, 130, 'Longer-term measures of social mobility\n(for example, community-level\nunemployment rates)', '#fff2cc', '#7f6000') +
    box(240, 250, 720, 120, 'Family Help outcomes framework (in development):\nchildren, young people and families get the right help\nat the right time', '#dde5f2', '#1f3864') +
    arrow(300, 170, 420, 250) + arrow(900, 170, 780, 250)),
  'fact-governance.png': svg(1200, 560,
    box(60, 60, 300, 100, 'FACT projects') +
    arrow(360, 110, 450, 110) +
    box(450, 30, 330, 160, 'FACT Operational Board\n(multi-agency, including\nsystem partners and\ncommissioned services)') +
    arrow(780, 110, 860, 110) +
    box(860, 30, 300, 160, 'FACT Executive Board\n(chaired by the council)') +
    '<text x="1010" y="230" font-size="18" text-anchor="middle">Attended by:</text>' +
    ['Wiltshire Council', 'Wiltshire Police', 'Integrated Care Board', 'Office of the Police and\nCrime Commissioner']
      .map((m, i) => box(860, 250 + i * 75, 300, 62, m, '#ffffff', '#1f3864', 17)).join('') +
    '<text x="420" y="300" font-size="18" text-anchor="middle">Recommendations for decisions go from the projects</text>' +
    '<text x="420" y="328" font-size="18" text-anchor="middle">to the Operational Board, and from there</text>' +
    '<text x="420" y="356" font-size="18" text-anchor="middle">to the Executive Board.</text>'),
};

(async () => {
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium', args: ['--no-sandbox'] });
  try {
    const page = await browser.newPage();
    for (const [name, markup] of Object.entries(diagrams)) {
      await page.setContent(`<html><body style="margin:0">${markup}</body></html>`);
      await page.locator('svg').screenshot({ path: path.join(out, name) });
      console.log(name);
    }
  } finally {
    await browser.close();
  }
})();
