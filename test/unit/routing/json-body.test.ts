import http from 'node:http';
import zlib from 'node:zlib';
import type { AddressInfo } from 'node:net';
import express, { type ErrorRequestHandler } from 'express';
import { jsonBody } from '../../../src/routing/json-body';

/** What a parser made of one raw request: the body, or the error's status/type/message. */
async function outcome(parser: express.RequestHandler, raw: { headers: Record<string, string>; body: Buffer | string; method?: string }) {
  const app = express();
  app.all('/p', parser, (req, res) => void res.json({ body: req.body === undefined ? '<undefined>' : req.body }));
  const onError: ErrorRequestHandler = (err, _req, res, _next) => void res.json({ status: err.status, type: err.type, message: err.message });
  app.use(onError);
  const server = app.listen(0, '127.0.0.1');
  await new Promise((r) => server.once('listening', r));
  try {
    return await new Promise<unknown>((resolve, reject) => {
      const req = http.request({ port: (server.address() as AddressInfo).port, host: '127.0.0.1', method: raw.method ?? 'POST', path: '/p', headers: raw.headers }, (res) => {
        let t = '';
        res.on('data', (c) => (t += c));
        res.on('end', () => resolve(JSON.parse(t)));
      });
      req.on('error', reject);
      req.end(raw.body);
    });
  } finally {
    server.close();
  }
}

const OPTIONS = { limit: '100b', type: ['application/json', 'application/*+json'] };
const json = (body: string | Buffer, headers: Record<string, string> = {}) => ({
  headers: { 'content-type': 'application/json', 'content-length': String(Buffer.byteLength(body)), ...headers },
  body,
});

const CASES: Array<[string, { headers: Record<string, string>; body: Buffer | string; method?: string }]> = [
  ['an object', json('{"Valor":100.5,"IDcuenta":"40010000001"}')],
  ['an array with charset', json('[1,2]', { 'content-type': 'application/json; charset=utf-8' })],
  ['upper-case type', json('{"a":1}', { 'content-type': 'Application/JSON' })],
  ['a leading BOM', json(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('{"a":"ñ"}')]))],
  ['an empty body', json('')],
  ['whitespace only', json('   ')],
  ['a bare string', json('"x"')],
  ['leading spaces then a number', json('  12')],
  ['malformed JSON', json('{"a":')],
  ['invalid UTF-8', json(Buffer.from([0x7b, 0x22, 0x61, 0x22, 0x3a, 0x22, 0xff, 0x22, 0x7d]))],
  ['too large', json(`{"a":"${'x'.repeat(200)}"}`)],
  ['latin1 charset', json('{"a":1}', { 'content-type': 'application/json; charset=latin1' })],
  ['a +json type', json('{"a":1}', { 'content-type': 'application/problem+json' })],
  ['text/plain', json('{"a":1}', { 'content-type': 'text/plain' })],
  ['gzip', json(zlib.gzipSync('{"a":1}'), { 'content-encoding': 'gzip' })],
  ['an unknown encoding', json('{"a":1}', { 'content-encoding': 'compress' })],
  ['absent (a GET)', { method: 'GET', headers: {}, body: '' }],
  ['absent (a GET with a content type)', { method: 'GET', headers: { 'content-type': 'application/json' }, body: '' }],
];

describe('jsonBody: the fast path answers as express.json() does', () => {
  it.each(CASES)('when the body is %s, then the outcome is the same', async (_name, raw) => {
    expect(await outcome(jsonBody(OPTIONS), raw)).toEqual(await outcome(express.json(OPTIONS), raw));
  });

  it('when a body is chunked (no Content-Length), then it is parsed like express.json() does', async () => {
    const raw = { headers: { 'content-type': 'application/json', 'transfer-encoding': 'chunked' }, body: '{"a":[1,{"b":null}]}' };
    expect(await outcome(jsonBody(OPTIONS), raw)).toEqual({ body: { a: [1, { b: null }] } });
  });
});
