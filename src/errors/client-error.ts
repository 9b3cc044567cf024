import http from 'node:http';
import type { Duplex } from 'node:stream';
import type { Logger } from '../observability/logger';
import { GatewayError } from './gateway-error';

/** The parser's reasons, in words a client can act on (never the parser's own message). */
const REASONS: Record<string, string> = {
  HPE_INVALID_METHOD: 'the method is not a valid HTTP token',
  HPE_INVALID_URL: 'the request target is not a valid URL',
  HPE_INVALID_VERSION: 'the request line does not end with a valid HTTP version',
  HPE_INVALID_CONSTANT: 'the request line is not "METHOD target HTTP/1.1"',
  HPE_INVALID_HEADER_TOKEN: 'a header name or value has a character HTTP does not allow',
  HPE_LF_EXPECTED: 'a line does not end with CRLF',
  HPE_CR_EXPECTED: 'a line does not end with CRLF',
  HPE_INVALID_CONTENT_LENGTH: 'Content-Length is not a valid number',
  HPE_UNEXPECTED_CONTENT_LENGTH: 'Content-Length and Transfer-Encoding are both sent',
  HPE_INVALID_TRANSFER_ENCODING: 'Transfer-Encoding is not valid',
  HPE_INVALID_CHUNK_SIZE: 'a chunk size is not valid',
};

/** The envelope error for an error of Node's HTTP parser (the codes Node itself answers). */
export function clientErrorAnswer(code: string | undefined): GatewayError {
  switch (code) {
    case 'HPE_HEADER_OVERFLOW':
      return GatewayError.of('HEADERS_TOO_LARGE');
    case 'HPE_CHUNK_EXTENSIONS_OVERFLOW':
      return GatewayError.of('PAYLOAD_TOO_LARGE', 'The request has chunk extensions larger than allowed');
    case 'ERR_HTTP_REQUEST_TIMEOUT':
      return GatewayError.of('REQUEST_TIMEOUT');
    default:
      return GatewayError.of('BAD_REQUEST', `Malformed HTTP request: ${REASONS[code ?? ''] ?? 'the request is not valid HTTP/1.1'}`);
  }
}

/** The whole HTTP/1.1 answer as bytes: the envelope, and the connection closed after it. */
export function clientErrorResponse(err: GatewayError): string {
  const body = JSON.stringify(err.envelope());
  return [
    `HTTP/1.1 ${err.status} ${http.STATUS_CODES[err.status] ?? 'Error'}`,
    'Content-Type: application/json; charset=utf-8',
    `Content-Length: ${Buffer.byteLength(body)}`,
    'Cache-Control: no-store',
    'X-Content-Type-Options: nosniff',
    'Connection: close',
    '',
    body,
  ].join('\r\n');
}

/**
 * The server's 'clientError' listener. Node answers its parser's rejections (431 for a 64 KB
 * header, 400 for a malformed request line) with a bare status line and no body, outside the
 * app; here they get the envelope, as every other rejection. Written only where the socket can
 * still take an answer (not after a response was started on it), then the connection is closed:
 * after a parse error the rest of the stream cannot be framed (RFC 9112 section 9.6).
 */
export function answerClientError(logger: Logger) {
  return (err: NodeJS.ErrnoException, socket: Duplex): void => {
    if (err.code === 'ECONNRESET' || !socket.writable) {
      socket.destroy();
      return;
    }
    const pending = (socket as Duplex & { _httpMessage?: { headersSent?: boolean } })._httpMessage;
    if (pending?.headersSent) {
      socket.destroy();
      return;
    }
    const answer = clientErrorAnswer(err.code);
    logger.info('request', { api: 'gateway', operation: 'unparsed', status: answer.status, errorCode: answer.errorCode, parserCode: err.code });
    socket.end(clientErrorResponse(answer), () => socket.destroy());
  };
}
