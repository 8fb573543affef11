// Whatever the runner does not implement fails the run by name: a collection that passes here
// must not pass only because part of it was ignored (issue 18). Every such error is also kept
// in a run-wide list, so a script that catches it still fails the run.

export class UnsupportedPostmanApi extends Error {
    constructor(what) {
        super(`${what} is not implemented by this runner (scripts/postman-runner)`);
        this.name = "UnsupportedPostmanApi";
    }
}

const noticed = [];

/** Records and returns the error for `what`, for the caller to throw. */
export function unsupported(what) {
    const error = new UnsupportedPostmanApi(what);
    noticed.push(error);
    return error;
}

/** The UnsupportedPostmanApi errors raised so far in this process, reported or not. */
export function unsupportedUses() {
    return [...noticed];
}

// Reads that JavaScript itself makes on any object (printing, awaiting, coercion) are not a
// script using an API, so they answer undefined instead of failing.
const LANGUAGE_PROBES = new Set(["then", "toJSON", "constructor", "inspect", "nodeType", "asymmetricMatch"]);

/**
 * Wraps `target` so that reading a string-named member it lacks throws UnsupportedPostmanApi
 * naming `path.member`. Writing members is refused the same way.
 */
export function strict(target, path) {
    return new Proxy(target, {
        get(object, key, receiver) {
            if (typeof key === "symbol" || key in object) return Reflect.get(object, key, receiver);
            if (LANGUAGE_PROBES.has(key)) return undefined;
            throw unsupported(`${path}.${key}`);
        },
        set(_object, key) {
            throw unsupported(`assigning ${path}.${String(key)}`);
        },
    });
}
