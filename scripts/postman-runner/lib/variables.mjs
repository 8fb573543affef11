// Postman's variable scopes and {{name}} substitution. Precedence, narrowest first: local
// (pm.variables.set, for the run), environment, collection. Values are substituted again
// until none is left, so an environment's `base_url` may itself be "https://{{subdomain}}.zendesk.com".
import { strict, unsupported } from "./unsupported.mjs";

const REFERENCE = /\{\{([^{}]+)\}\}/g;
const MAX_DEPTH = 20; // as postman-collection's substitutor: deeper nesting is a loop

export class UnresolvedVariable extends Error {
    constructor(names, where) {
        super(`${where} uses ${names.map((n) => `{{${n}}}`).join(", ")}, defined in no scope`);
        this.name = "UnresolvedVariable";
    }
}

/** Reads a Postman environment file's enabled values into a Map. */
export function environmentValues(file) {
    const values = new Map();
    for (const entry of file.values ?? []) if (entry.enabled !== false) values.set(entry.key, entry.value);
    return values;
}

/** Reads a collection's `variable` list into a Map. */
export function collectionValues(collection) {
    const values = new Map();
    for (const entry of collection.variable ?? []) if (!entry.disabled) values.set(entry.key ?? entry.id, entry.value);
    return values;
}

export class Variables {
    constructor({ collection, environment, environmentName }) {
        this.scopes = { local: new Map(), environment, collection };
        this.environmentName = environmentName;
    }

    resolve(name) {
        for (const scope of [this.scopes.local, this.scopes.environment, this.scopes.collection]) {
            if (scope.has(name)) return { found: true, value: scope.get(name) };
        }
        return { found: false };
    }

    /** `text` with every {{name}} replaced; throws UnresolvedVariable naming what is missing. */
    replaceIn(text, where) {
        if (typeof text !== "string") return text;
        let current = text;
        for (let depth = 0; depth < MAX_DEPTH; depth++) {
            const missing = [];
            const next = current.replace(REFERENCE, (whole, name) => {
                if (name.startsWith("$")) throw unsupported(`the dynamic variable {{${name}}} (in ${where})`);
                const { found, value } = this.resolve(name);
                if (!found) missing.push(name);
                return found ? String(value) : whole;
            });
            if (missing.length > 0) throw new UnresolvedVariable([...new Set(missing)], where);
            if (next === current) return next;
            current = next;
        }
        throw new UnresolvedVariable([...current.matchAll(REFERENCE)].map((m) => m[1]), `${where} (nested over ${MAX_DEPTH} levels)`);
    }

    /** pm.environment, pm.collectionVariables and pm.variables as scripts see them. */
    sandboxScopes() {
        const { local, environment, collection } = this.scopes;
        const scope = (map, path, extra = {}) => strict({
            get: (key) => map.get(key),
            set: (key, value) => void map.set(key, value),
            has: (key) => map.has(key),
            unset: (key) => void map.delete(key),
            toObject: () => Object.fromEntries(map),
            ...extra,
        }, path);
        return {
            environment: scope(environment, "pm.environment", { name: this.environmentName }),
            collectionVariables: scope(collection, "pm.collectionVariables"),
            variables: strict({
                get: (key) => this.resolve(key).value,
                set: (key, value) => void local.set(key, value),
                has: (key) => this.resolve(key).found,
                toObject: () => Object.fromEntries([...collection, ...environment, ...local]),
                replaceIn: (text) => this.replaceIn(text, "pm.variables.replaceIn"),
            }, "pm.variables"),
        };
    }
}
