// Renders Mermaid sequence diagrams to SVG with beautiful-mermaid (pure JavaScript, no browser).
// stdin: [{ "key": "...", "source": "sequenceDiagram ..." }]; stdout: { "<key>": "<svg...>" }.
// A separate Node process because the library is an ES module only (the portal is CommonJS).
import { renderMermaidSVG } from 'beautiful-mermaid';

const chunks = [];
for await (const c of process.stdin) chunks.push(c);
const out = {};
for (const { key, source } of JSON.parse(Buffer.concat(chunks).toString('utf8'))) {
  out[key] = renderMermaidSVG(source, { font: 'system-ui', fg: '#1d2733', muted: '#3d4d5c', accent: '#0b5cad', transparent: true });
}
process.stdout.write(JSON.stringify(out));
