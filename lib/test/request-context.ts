// The request a server action runs in, for integration tests: next/headers reads from here
// (see integration-setup.ts), so actions authenticate through the real better-auth session check.
let current = new Headers();

export function setRequestHeaders(headers: Headers) {
  current = headers;
}

export function requestHeaders() {
  return current;
}
