// Reads a Postman Collection v2.1 into the runner's plan: the requests in run order, each with
// its folders, its scripts (collection's, then each folder's, then its own) and the auth it
// inherits. Parts of the format this runner does not act on are refused by name.
import { unsupported } from "./unsupported.mjs";

const SCHEMA = "https://schema.getpostman.com/json/collection/v2.1.0/collection.json";
const LISTENERS = new Set(["prerequest", "test"]);

function refuseUnknown(object, known, where) {
    for (const key of Object.keys(object ?? {})) if (!known.has(key)) throw unsupported(`"${key}" in ${where}`);
}

function scriptsOf(owner, where) {
    const scripts = [];
    for (const event of owner.event ?? []) {
        if (event.disabled) continue;
        if (!LISTENERS.has(event.listen)) throw unsupported(`the "${event.listen}" event of ${where}`);
        const script = event.script ?? {};
        if (script.src) throw unsupported(`a script loaded from src (${where})`);
        if (script.type && script.type !== "text/javascript") throw unsupported(`a ${script.type} script (${where})`);
        const exec = Array.isArray(script.exec) ? script.exec.join("\n") : script.exec ?? "";
        scripts.push({ listen: event.listen, source: exec, origin: where });
    }
    return scripts;
}

const FOLDER_KEYS = new Set(["name", "description", "item", "event", "auth", "id", "_postman_id"]);
const ITEM_KEYS = new Set(["name", "description", "request", "response", "event", "id", "_postman_id", "protocolProfileBehavior"]);
const BEHAVIOURS = new Set(["followRedirects"]);
const COLLECTION_KEYS = new Set(["info", "item", "event", "variable", "auth"]);

/** The requests of `collection` in run order: [{ name, path, request, followRedirects, scripts, auth }]. */
export function plan(collection, folders = []) {
    if (collection?.info?.schema !== SCHEMA) throw unsupported(`a collection whose info.schema is ${JSON.stringify(collection?.info?.schema)} (v2.1.0 only)`);
    refuseUnknown(collection, COLLECTION_KEYS, "the collection");
    const requests = [];
    const found = new Set();
    const walk = (items, chain, selected) => {
        for (const item of items) {
            if (Array.isArray(item.item)) {
                refuseUnknown(item, FOLDER_KEYS, `folder "${item.name}"`);
                const here = [...chain, { name: item.name, scripts: scriptsOf(item, `folder "${item.name}"`), auth: item.auth }];
                const picked = selected || folders.includes(item.name);
                if (folders.includes(item.name)) found.add(item.name);
                walk(item.item, here, picked);
                continue;
            }
            refuseUnknown(item, ITEM_KEYS, `request "${item.name}"`);
            refuseUnknown(item.protocolProfileBehavior, BEHAVIOURS, `the protocolProfileBehavior of request "${item.name}"`);
            if (!selected) continue;
            const layers = [{ name: collection.info.name, scripts: scriptsOf(collection, "the collection"), auth: collection.auth }, ...chain];
            const own = { scripts: scriptsOf(item, `request "${item.name}"`), auth: item.request?.auth };
            requests.push({
                name: item.name,
                path: chain.map((folder) => folder.name),
                request: item.request,
                followRedirects: item.protocolProfileBehavior?.followRedirects !== false,
                scripts: [...layers, own].flatMap((layer) => layer.scripts),
                // The nearest auth wins; absent (or null) means "inherit from the parent".
                auth: [own, ...[...layers].reverse()].map((layer) => layer.auth).find((auth) => auth != null) ?? { type: "noauth" },
            });
        }
    };
    walk(collection.item ?? [], [], folders.length === 0);
    const missing = folders.filter((name) => !found.has(name));
    if (missing.length > 0) throw new Error(`no folder named ${missing.map((n) => JSON.stringify(n)).join(", ")} in the collection`);
    return requests;
}
