// Security headers for every page and API. Two of helmet's defaults only make sense over TLS:
// `upgrade-insecure-requests` makes the browser rewrite the page's own fetches and form posts to
// https, and HSTS pins the host to https. On plain HTTP at a LAN address (a phone on the mission's
// Wi-Fi) the first leaves the chat empty and the console's sign-in blocked, so both are sent only
// when the request came over TLS — the socket's, or the proxy's X-Forwarded-Proto when TRUST_PROXY
// lets Fastify believe it (request.protocol).
// The platforms' webhooks (/webhooks/*) are called by servers, not browsers, and answer JSON or a
// word: no header here means anything to a caller that renders nothing, so they go without, and
// each update saves helmet's dozen header writes.
import helmet from '@fastify/helmet';
import type { FastifyInstance, FastifyRequest } from 'fastify';

const HSTS = 'max-age=31536000; includeSubDomains';
const MACHINE_ROUTES = '/webhooks/';

const forMachines = (url: string | undefined) => url?.startsWith(MACHINE_ROUTES) === true;

export async function registerSecurityHeaders(app: FastifyInstance): Promise<void> {
  // Before helmet's own onRoute hook, which reads the route's `helmet` option.
  app.addHook('onRoute', (route) => {
    if (forMachines(route.url) && route.helmet === undefined) route.helmet = false;
  });
  await app.register(helmet, {
    hsts: false,
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        // The chat page and the console are single files with their script inline.
        scriptSrc: ["'self'", "'unsafe-inline'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:'],
        // What workers send plays in the console's transcript, from the console's own address.
        mediaSrc: ["'self'"],
        connectSrc: ["'self'"],
        frameAncestors: ["'none'"],
        formAction: ["'self'"],
        upgradeInsecureRequests: null,
      },
    },
  });
  app.addHook('onSend', async (req, reply) => {
    if (!overTls(req) || forMachines(req.routeOptions.url)) return;
    reply.header('strict-transport-security', HSTS);
    const csp = reply.getHeader('content-security-policy');
    if (typeof csp === 'string' && !csp.includes('upgrade-insecure-requests')) reply.header('content-security-policy', `${csp};upgrade-insecure-requests`);
  });
}

function overTls(req: FastifyRequest): boolean {
  return req.protocol === 'https';
}
