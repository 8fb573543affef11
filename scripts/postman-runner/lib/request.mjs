// Turns a collection request into what goes on the wire: {{variables}} substituted in the
// URL, headers, body and auth; the auth helper's header added; Postman's automatic
// Content-Type for raw bodies.
import { unsupported } from "./unsupported.mjs";

const REQUEST_KEYS = new Set(["method", "url", "header", "body", "auth", "description"]);
const RAW_LANGUAGES = { json: "application/json", text: "text/plain", javascript: "application/javascript", xml: "application/xml", html: "text/html" };

function attributes(list) {
    const values = {};
    for (const entry of list ?? []) values[entry.key] = entry.value;
    return values;
}

// The settings of Postman's "Get New Access Token" dialog: they tell the Postman app how to
// fetch a token and are not sent with requests; the request carries only `accessToken`.
const OAUTH2_TOKEN_SETTINGS = new Set(["tokenName", "grant_type", "authUrl", "accessTokenUrl", "clientId", "clientSecret",
    "scope", "state", "client_authentication", "useBrowser", "redirect_uri", "challengeAlgorithm", "code_verifier",
    "refreshRequestParams", "tokenRequestParams", "authRequestParams", "password", "username"]);

function authorization(auth, resolve) {
    const values = attributes(auth[auth.type]);
    switch (auth.type) {
    case "noauth":
        return undefined;
    case "bearer":
        return `Bearer ${resolve(values.token ?? "", "the bearer token")}`;
    case "basic": {
        const pair = `${resolve(values.username ?? "", "the basic auth username")}:${resolve(values.password ?? "", "the basic auth password")}`;
        return `Basic ${Buffer.from(pair, "utf8").toString("base64")}`;
    }
    case "oauth2": {
        for (const key of Object.keys(values)) {
            if (!OAUTH2_TOKEN_SETTINGS.has(key) && !["accessToken", "addTokenTo", "headerPrefix"].includes(key)) {
                throw unsupported(`the oauth2 auth setting "${key}"`);
            }
        }
        if ((values.addTokenTo ?? "header") !== "header") throw unsupported(`oauth2 auth with addTokenTo "${values.addTokenTo}"`);
        const token = resolve(values.accessToken ?? "", "the oauth2 access token");
        // Without a current token Postman sends nothing; a run would then test unauthenticated
        // answers by accident, so it is refused.
        if (!token) throw unsupported("oauth2 auth without an accessToken (fetching one is the Postman app's job)");
        return `${resolve(values.headerPrefix ?? "Bearer", "the oauth2 header prefix")} ${token}`;
    }
    default:
        throw unsupported(`"${auth.type}" auth`);
    }
}

/** { method, url: URL, headers: [[name, value]], body?: Buffer } for `entry` (from plan()). */
export function wireRequest(entry, variables) {
    const where = `request "${entry.name}"`;
    const resolve = (text, part) => variables.replaceIn(text, `${part} of ${where}`);
    const request = typeof entry.request === "string" ? { url: entry.request } : entry.request;
    for (const key of Object.keys(request)) if (!REQUEST_KEYS.has(key)) throw unsupported(`"${key}" in ${where}`);
    const rawUrl = typeof request.url === "string" ? request.url : request.url?.raw;
    if (typeof rawUrl !== "string") throw unsupported(`a URL without "raw" (${where})`);
    if (request.url?.variable?.length) throw unsupported(`path variables (:name) in ${where}`);
    const url = new URL(resolve(rawUrl, "the URL"));

    const headers = [];
    if (typeof request.header === "string") throw unsupported(`headers given as one string (${where})`);
    for (const header of request.header ?? []) {
        if (!header.disabled) headers.push([resolve(header.key, "a header name"), resolve(header.value ?? "", `header ${header.key}`)]);
    }
    const has = (name) => headers.some(([key]) => key.toLowerCase() === name.toLowerCase());

    const auth = authorization(entry.auth, resolve);
    if (auth !== undefined) {
        if (has("authorization")) throw unsupported(`an Authorization header beside "${entry.auth.type}" auth (${where})`);
        headers.push(["Authorization", auth]);
    }

    let body;
    if (request.body && !request.body.disabled) {
        if (request.body.mode !== "raw") throw unsupported(`"${request.body.mode}" request bodies (${where})`);
        body = Buffer.from(resolve(request.body.raw ?? "", "the body"), "utf8");
        const language = request.body.options?.raw?.language ?? "text";
        if (!RAW_LANGUAGES[language]) throw unsupported(`raw bodies in "${language}" (${where})`);
        if (!has("content-type")) headers.push(["Content-Type", RAW_LANGUAGES[language]]);
    }
    for (const [name, value] of [["User-Agent", "zis-mock-postman-runner"], ["Accept", "*/*"], ["Accept-Encoding", "gzip, deflate, br"]]) {
        if (!has(name)) headers.push([name, value]);
    }
    return { method: (request.method ?? "GET").toUpperCase(), url, headers, body };
}
