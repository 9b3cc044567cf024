import fs from 'node:fs';
import request from 'supertest';
import { API_DEFINITIONS } from '../../apis';
import { loadDocApi } from '../../src/docs/model/contract-model';
import { FLOWS, type SequenceMessage } from '../../src/docs/model/flows';
import { DIAGRAMS_FILE, renderDiagrams } from '../../src/docs/diagrams/generate';
import { diagramKey } from '../../src/docs/diagrams/mermaid';
import { slug } from '../../src/docs/render/html';
import { startGateway, type TestGateway } from '../helpers/gateway';

/**
 * The documented flows as sequence diagrams: SVG rendered in Node at build time (beautiful-mermaid,
 * npm run docs:diagrams), committed, served by the portal with nothing fetched from elsewhere.
 */
const APIS = API_DEFINITIONS.map((d) => loadDocApi(d));
const DOCUMENTED = [
  ['facilito', 'Cash in'],
  ['facilito', 'Cash out'],
  ['facilito', 'Reversal'],
  ['transfers-management', 'Transfiya: send and accept'],
  ['transfers-management', 'Transfiya: request and pay'],
];
const escapeXml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

describe('flow sequence diagrams', () => {
  it('when the flows are rendered again, then they are exactly the committed SVGs (run npm run docs:diagrams)', () => {
    expect(renderDiagrams()).toBe(fs.readFileSync(DIAGRAMS_FILE, 'utf8'));
  }, 30_000);

  it('when the sequences are read, then the documented flows have one, their actors are declared and their calls are operations of the API', () => {
    for (const [api, title] of DOCUMENTED) expect(FLOWS[api].find((f) => f.title === title)?.sequence).toBeDefined();
    for (const api of APIS) {
      for (const f of (FLOWS[api.name] ?? []).filter((x) => x.sequence)) {
        const actors = f.sequence!.actors.map(([id]) => id);
        for (const m of f.sequence!.messages) {
          const used = 'note' in m ? m.over : [m.from, m.to];
          for (const a of used) expect({ flow: f.title, actor: a, declared: actors.includes(a) }).toEqual({ flow: f.title, actor: a, declared: true });
          const text = 'note' in m ? m.note : m.text;
          // Mermaid reads ; and # as syntax
          expect(text).not.toMatch(/[;#]/);
          if ('op' in m && m.op) expect(api.operations.map((o) => o.operationId)).toContain(m.op);
        }
      }
    }
  });

  it('when a diagram is read, then it draws every actor and every message of its flow, and loads nothing', () => {
    const committed = JSON.parse(fs.readFileSync(DIAGRAMS_FILE, 'utf8')) as Record<string, { svg: string }>;
    for (const api of APIS) {
      for (const f of (FLOWS[api.name] ?? []).filter((x) => x.sequence)) {
        const svg = committed[diagramKey(api.name, f)].svg;
        expect(svg).toMatch(/^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg"/);
        expect(svg.replace(/xmlns="http:\/\/www\.w3\.org\/2000\/svg"/, '')).not.toMatch(/https?:|@import|<script|<image|href=/i);
        for (const [, label] of f.sequence!.actors) expect(svg).toContain(`>${escapeXml(label)}<`);
        for (const m of f.sequence!.messages.filter((x): x is SequenceMessage => 'text' in x)) {
          const code = m.op ? api.operations.find((o) => o.operationId === m.op)!.code : undefined;
          expect(svg).toContain(`>${escapeXml(`${code ? `${code} ` : ''}${m.text}`)}<`);
        }
      }
    }
  });

  describe('on the portal', () => {
    let t: TestGateway;
    beforeAll(async () => {
      t = await startGateway();
    }, 60_000);
    afterAll(async () => {
      await t.close();
    });

    it.each(DOCUMENTED)('when the page of %s is read, then the flow "%s" shows its diagram, served as SVG', async (api, title) => {
      const html = (await request(t.app).get(`/docs/${api}`)).text;
      const src = `/docs/diagrams/${api}/${slug(title)}.svg`;
      expect(html).toMatch(new RegExp(`<figure class="sequence" id="diagram-${slug(title)}"><img src="${src}" width="[0-9]+" height="[0-9]+" alt="Sequence diagram of `));
      const svg = await request(t.app).get(src).buffer(true).parse((res, cb) => {
        let text = '';
        res.on('data', (c: Buffer) => (text += c.toString('utf8')));
        res.on('end', () => cb(null, text));
      });
      expect(svg.status).toBe(200);
      expect(svg.headers['content-type']).toMatch(/^image\/svg\+xml/);
      expect(svg.body).toMatch(/^<svg /);
    });

    it('when a diagram that does not exist is asked for, then the envelope answers 404', async () => {
      const res = await request(t.app).get('/docs/diagrams/facilito/nope.svg');
      expect(res.status).toBe(404);
      expect(res.body.responseType).toEqual({ value: 'ER' });
    });
  });
});
