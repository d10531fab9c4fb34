// A real OpenID Connect provider for tests: `oidc-provider` on 127.0.0.1, one confidential client, an
// in-memory account store whose claims include email, name and groups, and the package's development
// login form (any password; the login is the account's id, which is also its `sub`). Consent is granted without a screen.
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import Provider from "oidc-provider";

export type IdpUser = { id: string; email: string; name: string; groups: string[]; emailVerified?: boolean };

export type TestOidcProvider = {
  issuer: string;
  clientId: string;
  clientSecret: string;
  /** Adds or replaces an account (by id); the next sign-in sees its new claims. */
  upsertUser: (user: IdpUser) => void;
  stop: () => Promise<void>;
};

export async function startOidcProvider(options: {
  redirectUris: string[];
  /** Default: a free port chosen by the system. */
  port?: number;
  clientId?: string;
  clientSecret?: string;
  users?: IdpUser[];
}): Promise<TestOidcProvider> {
  const clientId = options.clientId ?? "liftoff-test";
  const clientSecret = options.clientSecret ?? "liftoff-test-secret-0123456789";
  const users = new Map<string, IdpUser>();
  const upsertUser = (user: IdpUser) => void users.set(user.id, user);
  options.users?.forEach(upsertUser);

  // The issuer names the port, so the port is taken first and the provider mounted on it after.
  const server: Server = createServer();
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port ?? 0, "127.0.0.1", () => resolve());
  });
  const issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  const provider = new Provider(issuer, {
    clients: [
      {
        client_id: clientId,
        client_secret: clientSecret,
        redirect_uris: options.redirectUris,
        grant_types: ["authorization_code"],
        response_types: ["code"],
        token_endpoint_auth_method: "client_secret_basic",
      },
    ],
    scopes: ["openid", "email", "profile", "groups"],
    claims: { openid: ["sub"], email: ["email", "email_verified"], profile: ["name"], groups: ["groups"] },
    ttl: { Interaction: 600, Grant: 600, Session: 3600, AccessToken: 600, AuthorizationCode: 60, IdToken: 600 },
    cookies: { keys: ["oidc-test-cookie-key-0123456789"] },
    features: { devInteractions: { enabled: true } },
    // The development login form makes what is typed the account id (the `sub`), so accounts are found by id.
    findAccount: async (_ctx: unknown, id: string) => {
      const user = users.get(id);
      if (!user) return undefined;
      return {
        accountId: user.id,
        claims: async () => ({ sub: user.id, email: user.email, email_verified: user.emailVerified ?? true, name: user.name, groups: user.groups }),
      };
    },
    // First-party client: every requested scope is granted, so no consent screen interrupts the flow.
    loadExistingGrant: async (ctx: LoadGrantContext) => {
      const grant = new ctx.oidc.provider.Grant({ clientId: ctx.oidc.client.clientId, accountId: ctx.oidc.session.accountId });
      grant.addOIDCScope(ctx.oidc.params.scope);
      await grant.save();
      return grant;
    },
    renderError: async (ctx: { type: string; body: string }, out: Record<string, string>) => {
      ctx.type = "text/plain";
      ctx.body = `oidc error: ${JSON.stringify(out)}`;
    },
  });
  server.on("request", provider.callback());

  return {
    issuer,
    clientId,
    clientSecret,
    upsertUser,
    stop: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

type LoadGrantContext = {
  oidc: {
    provider: { Grant: new (init: { clientId: string; accountId: string }) => { addOIDCScope: (scope: string) => void; save: () => Promise<string> } };
    client: { clientId: string };
    session: { accountId: string };
    params: { scope: string };
  };
};

/** A cookie jar of one origin, enough to drive a browser-less sign-in. */
export class CookieJar {
  private readonly cookies = new Map<string, string>();
  store(response: Response) {
    for (const line of response.headers.getSetCookie()) {
      const [pair] = line.split(";");
      const eq = pair.indexOf("=");
      const name = pair.slice(0, eq).trim();
      const value = pair.slice(eq + 1).trim();
      if (/max-age=0\b|expires=thu, 01 jan 1970/i.test(line) || value === "") this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
  }
  header() {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join("; ");
  }
}

/**
 * Follows an authorization URL through the provider's login form as `login` (no browser), and returns the
 * URL the provider redirects back to (the app's callback with code, state and iss).
 */
export async function loginAtProvider(authorizationUrl: string, login: string): Promise<string> {
  const jar = new CookieJar();
  const go = async (url: string, init: RequestInit = {}) => {
    const response = await fetch(url, { ...init, redirect: "manual", headers: { ...(init.headers as Record<string, string>), cookie: jar.header() } });
    jar.store(response);
    return response;
  };
  let response = await go(authorizationUrl);
  let url = authorizationUrl;
  for (let hop = 0; hop < 10; hop++) {
    if (response.status >= 300 && response.status < 400) {
      const next = new URL(response.headers.get("location") ?? "", url).toString();
      if (!next.startsWith(new URL(authorizationUrl).origin)) return next;
      url = next;
      response = await go(url);
      continue;
    }
    const html = await response.text();
    if (!/name="prompt" value="login"/.test(html)) throw new Error(`unexpected provider page (${response.status}): ${html.slice(0, 300)}`);
    const action = new URL(/action="([^"]+)"/.exec(html)?.[1] ?? "", url).toString();
    url = action;
    response = await go(action, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({ prompt: "login", login, password: "any" }).toString(),
    });
  }
  throw new Error("too many redirects at the provider");
}

/** The app's OIDC_* settings for a test provider, plus whatever else the test turns on. */
export const ssoSettings = (idp: TestOidcProvider, extra: Record<string, string> = {}): Record<string, string> => ({
  OIDC_ISSUER: idp.issuer,
  OIDC_CLIENT_ID: idp.clientId,
  OIDC_CLIENT_SECRET: idp.clientSecret,
  ...extra,
});
