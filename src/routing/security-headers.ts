import helmet from 'helmet';
import type { RequestHandler } from 'express';
import { replayHeaders } from './app-layers';

/**
 * The response headers of every JSON answer (the APIs, OAuth, the operational endpoints, errors):
 * the set the OWASP REST Security Cheat Sheet lists for APIs. `Cache-Control: no-store` keeps
 * account and transaction data out of every cache; `Content-Security-Policy: default-src 'none';
 * frame-ancestors 'none'` and `X-Frame-Options: DENY` stop a browser from rendering or framing an
 * answer; HSTS and nosniff as helmet sets them. Helmet's headers for HTML documents (COOP, CORP,
 * Origin-Agent-Cluster, Referrer-Policy, X-DNS-Prefetch-Control, X-Download-Options,
 * X-Permitted-Cross-Domain-Policies, X-XSS-Protection) do nothing for a JSON answer and go only
 * with the portal's pages (documentSecurityHeaders).
 */
export function apiSecurityHeaders(): RequestHandler {
  const headers = helmet({
    contentSecurityPolicy: { useDefaults: false, directives: { defaultSrc: ["'none'"], frameAncestors: ["'none'"] } },
    crossOriginEmbedderPolicy: false,
    crossOriginOpenerPolicy: false,
    crossOriginResourcePolicy: false,
    originAgentCluster: false,
    referrerPolicy: false,
    xDnsPrefetchControl: false,
    xDownloadOptions: false,
    xFrameOptions: { action: 'deny' },
    xPermittedCrossDomainPolicies: false,
    xXssProtection: false,
  });
  return replayHeaders((req, res, next) =>
    headers(req, res, (err?: unknown) => {
      if (err) return next(err);
      res.setHeader('Cache-Control', 'no-store');
      next();
    }),
  );
}

/**
 * The partner portal's pages and files (/docs): helmet's set for HTML documents instead of the API
 * set, without a Content-Security-Policy (Swagger UI's bundle is not written for one) and with the
 * portal's own caching (its pages say no-cache, Swagger UI's files are cached for a day).
 */
export function documentSecurityHeaders(): RequestHandler {
  const headers = helmet({ contentSecurityPolicy: false, crossOriginEmbedderPolicy: false });
  return replayHeaders((req, res, next) => {
    res.removeHeader('Content-Security-Policy');
    res.removeHeader('Cache-Control');
    headers(req, res, next);
  });
}
