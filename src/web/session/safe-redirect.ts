/**
 * Where to go after signing in. Only paths inside this app are accepted, so a crafted
 * `?redirect=https://evil.example` link cannot send someone elsewhere.
 */
export function safeRedirectTarget(redirect: string | undefined): string {
  if (!redirect?.startsWith("/") || redirect.startsWith("//") || redirect.startsWith("/\\")) {
    return "/";
  }
  if (redirect.startsWith("/sign-in") || redirect.startsWith("/setup")) return "/";
  return redirect;
}
