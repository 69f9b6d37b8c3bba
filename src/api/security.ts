// Security headers on every response (hono's secureHeaders), with a Content-Security-Policy that lets the
// dashboard load and ask only its own server: no script, style, image, font or request from anywhere else, no
// inline script or style attribute, no plugin, no framing. A report's text can then neither run nor phone home.
import type { MiddlewareHandler } from 'hono';
import { secureHeaders } from 'hono/secure-headers';

export const CONTENT_SECURITY_POLICY = {
  defaultSrc: ["'none'"],
  scriptSrc: ["'self'"],
  styleSrc: ["'self'"],
  imgSrc: ["'self'"],
  fontSrc: ["'self'"],
  connectSrc: ["'self'"],
  manifestSrc: ["'self'"],
  objectSrc: ["'none'"],
  baseUri: ["'none'"],
  formAction: ["'self'"],
  frameAncestors: ["'none'"],
};

export function securityHeaders(): MiddlewareHandler {
  return secureHeaders({
    contentSecurityPolicy: CONTENT_SECURITY_POLICY,
    referrerPolicy: 'no-referrer',
    // Served over plain HTTP on a local address: a Strict-Transport-Security header would mean nothing there.
    strictTransportSecurity: false,
  });
}
