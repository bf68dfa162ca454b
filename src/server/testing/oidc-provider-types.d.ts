// The few parts of `oidc-provider` (which ships no types) that the test provider uses.
declare module "oidc-provider" {
  import type { IncomingMessage, ServerResponse } from "node:http";

  type GrantInstance = { addOIDCScope(scope: string): void; save(): Promise<string> };
  type ProviderContext = {
    oidc: {
      session?: { accountId?: string };
      client?: { clientId: string };
      provider: { Grant: new (values: { accountId: string; clientId: string }) => GrantInstance };
    };
  };
  type Account = { accountId: string; claims(): Promise<Record<string, unknown>> };

  export type Configuration = {
    clients: Record<string, unknown>[];
    cookies?: { keys: string[] };
    claims?: Record<string, string[]>;
    features?: Record<string, unknown>;
    pkce?: { required(): boolean };
    jwks?: { keys: Record<string, unknown>[] };
    fetch?(url: string, init: RequestInit): Promise<Response>;
    findAccount(ctx: ProviderContext, id: string): Promise<Account | undefined>;
    loadExistingGrant?(ctx: ProviderContext): Promise<GrantInstance | undefined>;
  };

  export default class Provider {
    constructor(issuer: string, configuration: Configuration);
    callback(): (request: IncomingMessage, response: ServerResponse) => void;
  }
}
