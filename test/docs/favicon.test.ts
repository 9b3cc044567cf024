import request from 'supertest';
import { startGateway, type TestGateway } from '../helpers/gateway';

/** Browsers ask every site for /favicon.ico: the gateway serves an icon instead of a 404 in their console. */
const binary = (res: NodeJS.ReadableStream & { setEncoding: (e: string) => void }, cb: (err: Error | null, body: Buffer) => void) => {
  const chunks: Buffer[] = [];
  res.on('data', (c: Buffer) => chunks.push(c));
  res.on('end', () => cb(null, Buffer.concat(chunks)));
};

describe('the icon', () => {
  let t: TestGateway;
  beforeAll(async () => {
    t = await startGateway();
  }, 60_000);
  afterAll(async () => {
    await t.close();
  });

  it.each(['/favicon.ico', '/docs/favicon.ico'])('when a browser asks for %s, then it gets an ICO whose images are PNGs of 16 and 32 px', async (url) => {
    const res = await request(t.app).get(url).buffer(true).parse(binary as any);
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toMatch(/^image\/x-icon/);
    const ico = res.body as Buffer;
    expect([ico.readUInt16LE(0), ico.readUInt16LE(2), ico.readUInt16LE(4)]).toEqual([0, 1, 2]);
    for (let i = 0; i < 2; i++) {
      const entry = 6 + 16 * i;
      const [size, length, offset] = [ico.readUInt8(entry), ico.readUInt32LE(entry + 8), ico.readUInt32LE(entry + 12)];
      const png = ico.subarray(offset, offset + length);
      expect(png.subarray(0, 8).toString('hex')).toBe('89504e470d0a1a0a');
      // the PNG's IHDR width and height are the entry's size
      expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([size, size]);
    }
  });

  it('when a portal page is read, then it names its icons, and both answer', async () => {
    const html = (await request(t.app).get('/docs')).text;
    const icons = [...html.matchAll(/<link rel="icon" href="([^"]+)"/g)].map((m) => m[1]);
    expect(icons).toEqual(['/docs/favicon.ico', '/docs/assets/favicon.svg']);
    const svg = await request(t.app).get('/docs/assets/favicon.svg').buffer(true).parse(binary as any);
    expect(svg.status).toBe(200);
    expect(svg.headers['content-type']).toMatch(/^image\/svg\+xml/);
    expect((svg.body as Buffer).toString('utf8')).toMatch(/^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg"/);
  });
});
