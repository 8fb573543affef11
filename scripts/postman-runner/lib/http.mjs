// Sends one request the way Postman's runtime does by default: it follows redirects unless the
// request's protocolProfileBehavior says not to (at most 10; 301/302/303 turn into GET, as
// followOriginalHttpMethod is off), asks for gzip/deflate and decodes it, and reports the time
// to the last byte.
import http from "node:http";
import https from "node:https";
import zlib from "node:zlib";

const MAX_REDIRECTS = 10;
const DECODERS = { gzip: zlib.gunzipSync, deflate: zlib.inflateSync, br: zlib.brotliDecompressSync };

/** [[name, value]] as Node's request options take them: a repeated name gets an array of values. */
function headerObject(pairs) {
    const object = {};
    for (const [name, value] of pairs) {
        const key = Object.keys(object).find((k) => k.toLowerCase() === name.toLowerCase()) ?? name;
        object[key] = key in object ? [].concat(object[key], value) : value;
    }
    return object;
}

function once({ method, url, headers, body, timeoutMs }) {
    const client = url.protocol === "https:" ? https : url.protocol === "http:" ? http : null;
    if (!client) return Promise.reject(new Error(`unsupported URL scheme ${url.protocol}`));
    return new Promise((resolve, reject) => {
        const request = client.request(url, { method, headers, timeout: timeoutMs }, (response) => {
            const chunks = [];
            response.on("data", (chunk) => chunks.push(chunk));
            response.on("error", reject);
            response.on("end", () => resolve({ response, raw: Buffer.concat(chunks) }));
        });
        request.on("timeout", () => request.destroy(new Error(`no answer within ${timeoutMs} ms`)));
        request.on("error", reject);
        request.end(body);
    });
}

/**
 * Sends `request` ({ method, url: URL, headers: [[name, value]], body?: Buffer }) and answers
 * { code, reason, headers: [[name, value]], body: Buffer, timeMs, url }.
 */
export async function send(request, { timeoutMs, followRedirects }) {
    const started = process.hrtime.bigint();
    let { method, url, headers, body } = request;
    for (let hop = 0; ; hop++) {
        const { response, raw } = await once({ method, url, headers: headerObject(headers), body, timeoutMs });
        const location = response.headers.location;
        if (followRedirects && [301, 302, 303, 307, 308].includes(response.statusCode) && location && hop < MAX_REDIRECTS) {
            const next = new URL(location, url);
            if (response.statusCode <= 303 && method !== "HEAD") [method, body] = ["GET", undefined];
            // Credentials stay with the host they were meant for.
            if (next.host !== url.host) headers = headers.filter(([name]) => name.toLowerCase() !== "authorization");
            if (body === undefined) headers = headers.filter(([name]) => !/^content-(type|length)$/i.test(name));
            url = next;
            continue;
        }
        const encoding = String(response.headers["content-encoding"] ?? "").trim().toLowerCase();
        const decoded = DECODERS[encoding] ? DECODERS[encoding](raw) : raw;
        const pairs = [];
        for (let i = 0; i < response.rawHeaders.length; i += 2) pairs.push([response.rawHeaders[i], response.rawHeaders[i + 1]]);
        return {
            code: response.statusCode,
            reason: response.statusMessage,
            headers: pairs,
            body: decoded,
            timeMs: Number((process.hrtime.bigint() - started) / 1_000_000n),
            url,
        };
    }
}
