/**
 * Security headers (@fastify/helmet) that still let Excel show the task pane: a Content-Security-Policy whose
 * `frame-ancestors` lists the Office hosts (Excel on the web frames the pane from these origins; desktop Excel uses
 * a webview that has none), scripts from this origin and Microsoft's Office.js CDN, inline styles (Fluent UI injects
 * them). No X-Frame-Options (it cannot list several hosts; frame-ancestors does), nosniff, a referrer policy, HSTS
 * when this process or its proxy speaks HTTPS, and Cross-Origin-Resource-Policy cross-origin so Office may load
 * the manifest's icons.
 */
import helmet from "@fastify/helmet";
import fp from "fastify-plugin";

/** Where Office hosts the task pane in a browser (Microsoft's list for add-ins, Excel on the web). */
export const OFFICE_FRAME_ANCESTORS = [
  "https://*.officeapps.live.com",
  "https://*.office.com",
  "https://*.office365.com",
  "https://*.cloud.microsoft",
  "https://*.sharepoint.com",
  "https://*.microsoft.com",
];

const OFFICE_JS = "https://appsforoffice.microsoft.com";

export interface SecurityOptions {
  /** send Strict-Transport-Security (HTTPS here, or at the proxy in front) */
  hsts: boolean;
}

export const securityPlugin = fp(
  async (app, opts: SecurityOptions) => {
    await app.register(helmet, {
      contentSecurityPolicy: {
        useDefaults: false,
        directives: {
          defaultSrc: ["'self'"],
          scriptSrc: ["'self'", OFFICE_JS],
          styleSrc: ["'self'", "'unsafe-inline'"],
          imgSrc: ["'self'", "data:"],
          fontSrc: ["'self'", "data:"],
          connectSrc: ["'self'", OFFICE_JS],
          frameSrc: ["'self'", OFFICE_JS],
          frameAncestors: ["'self'", ...OFFICE_FRAME_ANCESTORS],
          objectSrc: ["'none'"],
          baseUri: ["'self'"],
          formAction: ["'self'"],
        },
      },
      frameguard: false,
      crossOriginEmbedderPolicy: false,
      crossOriginOpenerPolicy: false,
      crossOriginResourcePolicy: { policy: "cross-origin" },
      referrerPolicy: { policy: "strict-origin-when-cross-origin" },
      strictTransportSecurity: opts.hsts ? { maxAge: 31_536_000, includeSubDomains: true } : false,
      xContentTypeOptions: true,
    });
  },
  { name: "chitieu-security", fastify: "5.x" },
);
