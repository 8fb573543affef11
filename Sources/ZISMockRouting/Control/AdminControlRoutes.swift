import ZISDomain
import ZISMockHTTP

/// The control plane under `/__admin/` (issue 5): state, journal, faults, rate limit. Every route
/// calls `MockControl`, which the Swift embedding API calls too. Admin calls are not journaled.
package enum AdminControlRoutes {
    /// `ready` only: for `--no-admin`, where the control plane is off but probes still work.
    package static func registerReadiness(on router: inout Router) {
        // The seed is parsed and installed before the listener opens, so serving means ready.
        router.add("GET", "/__admin/ready", in: .admin) { _, _ in .json(200, Array(#"{"status":"ready"}"#.utf8)) }
    }

    package static func register(on router: inout Router, control: MockControl) {
        registerReadiness(on: &router)
        registerState(on: &router, control: control)
        registerJournal(on: &router, control: control)
        registerFaults(on: &router, control: control)
        registerRateLimit(on: &router, control: control)
        registerClock(on: &router, service: control.service)
        OAuthProviderControl.register(on: &router, service: control.service)
    }

    /// The service's time, movable so token expiry is testable in milliseconds (issue 15):
    /// `POST {"advance_seconds": N}` moves it, and the rate limiter's windows, forward.
    private static func registerClock(on router: inout Router, service: ZISService) {
        router.add("GET", "/__admin/clock", in: .admin) { _, _ in .json(200, clockBody(service)) }
        router.add("POST", "/__admin/clock", in: .admin) { request, _ in
            do throws(ZISError) {
                let fields = try AdminJSON.object(request.body, allowed: ["advance_seconds"])
                // Bounded, in all, so the service's time can never overflow (Int.max once crashed it).
                guard let seconds = try AdminJSON.integer(fields["advance_seconds"], "advance_seconds"),
                    seconds >= 0, seconds <= maximumOffsetSeconds - service.offsetSeconds
                else {
                    throw .badRequest(
                        detail: "advance_seconds must be a whole number from 0 to \(maximumOffsetSeconds - service.offsetSeconds) (the clock moves forward only, 100 years in all)")
                }
                service.advanceClock(by: seconds)
                return .json(200, clockBody(service))
            } catch {
                return HTTPResponse(error)
            }
        }
    }

    /// A hundred years in all: far beyond any token's life, and far from overflowing the time.
    static let maximumOffsetSeconds = 3_153_600_000

    static func clockBody(_ service: ZISService) -> [UInt8] {
        var writer = JSONWriter()
        writer.raw("{\"now\":")
        writer.string(Timestamp.format(secondsSinceEpoch: service.now()))
        writer.raw(",\"offset_seconds\":")
        writer.integer(service.offsetSeconds)
        writer.raw("}")
        return writer.bytes
    }

    private static func registerState(on router: inout Router, control: MockControl) {
        router.add("POST", "/__admin/reset", in: .admin) { request, _ in
            var parts = Set(MockControl.ResetPart.allCases)
            if let only = request.query.last(where: { $0.name == "only" })?.value {
                parts = []
                for name in only.split(separator: ",") {
                    guard let part = MockControl.ResetPart(rawValue: String(name)) else {
                        return HTTPResponse(.badRequest(detail: "only must be state, journal or faults (comma-separated)"))
                    }
                    parts.insert(part)
                }
            }
            control.reset(parts)
            var writer = JSONWriter()
            writer.raw("{\"reset\":[")
            for (index, part) in MockControl.ResetPart.allCases.filter(parts.contains).enumerated() {
                if index > 0 { writer.raw(",") }
                writer.string(part.rawValue)
            }
            writer.raw("]}")
            return .json(200, writer.bytes)
        }
        router.add("GET", "/__admin/state", in: .admin) { request, _ in
            let reveal = request.query.last(where: { $0.name == "secrets" })?.value == "true"
            do throws(ZISError) {
                let window = try StateWindow(query: request.query)
                return .json(200, SeedWriter.json(try window.apply(to: control.service.exportSeed()), revealSecrets: reveal))
            } catch {
                return HTTPResponse(error)
            }
        }
        router.add("GET", "/__admin/state/counts", in: .admin) { _, _ in .json(200, StateCounts.json(control.service.exportSeed())) }
        router.add("PUT", "/__admin/state", in: .admin) { request, _ in
            do throws(SeedError) {
                try control.load(json: request.body)
            } catch {
                return HTTPResponse(ZISError(status: 400, code: "InvalidSeed", title: "Invalid seed", detail: error.description))
            }
            let seed = control.service.exportSeed()
            var writer = JSONWriter()
            writer.raw("{\"integrations\":")
            writer.integer(seed.integrations.count)
            writer.raw(",\"connections\":")
            writer.integer(seed.integrations.reduce(0) { $0 + $1.connections.count })
            writer.raw(",\"tokens\":")
            writer.integer(seed.integrations.reduce(0) { $0 + $1.tokens.count })
            writer.raw("}")
            return .json(200, writer.bytes)
        }
    }

    private static func registerJournal(on router: inout Router, control: MockControl) {
        router.add("GET", "/__admin/requests", in: .admin) { request, _ in
            do throws(ZISError) {
                let (page, filter) = try JournalPage.parse(request.query)
                let entries = control.journal.entries(matching: filter, page: page)
                var writer = JSONWriter(reservingCapacity: 64 + entries.count * 512)
                writer.raw("{\"capacity\":")
                writer.integer(control.journal.capacity)
                writer.raw(",\"requests\":[")
                for (index, entry) in entries.enumerated() {
                    if index > 0 { writer.raw(",") }
                    writer.raw("\n")
                    entry.write(into: &writer)
                }
                writer.raw("]}")
                return .json(200, writer.bytes)
            } catch {
                return HTTPResponse(error)
            }
        }
        router.add("GET", "/__admin/requests/count", in: .admin) { request, _ in
            do throws(ZISError) {
                var writer = JSONWriter()
                writer.raw("{\"count\":")
                writer.integer(control.journal.count(matching: try JournalFilter(query: request.query)))
                writer.raw("}")
                return .json(200, writer.bytes)
            } catch {
                return HTTPResponse(error)
            }
        }
        router.add("DELETE", "/__admin/requests", in: .admin) { _, _ in
            control.journal.removeAll()
            return HTTPResponse(status: 204)
        }
    }

    private static func registerFaults(on router: inout Router, control: MockControl) {
        router.add("POST", "/__admin/faults", in: .admin) { request, _ in
            do throws(ZISError) {
                let (match, action, times, after) = try FaultRuleDocument.parse(request.body)
                let rule = try control.faults.add(match, action: action, times: times, after: after)
                var writer = JSONWriter()
                writer.raw("{\"fault\":")
                FaultRuleDocument.write(rule, into: &writer)
                writer.raw("}")
                return .json(201, writer.bytes)
            } catch {
                return HTTPResponse(error)
            }
        }
        router.add("GET", "/__admin/faults", in: .admin) { _, _ in
            var writer = JSONWriter()
            writer.raw("{\"faults\":[")
            for (index, rule) in control.faults.rules.enumerated() {
                if index > 0 { writer.raw(",") }
                FaultRuleDocument.write(rule, into: &writer)
            }
            writer.raw("]}")
            return .json(200, writer.bytes)
        }
        router.add("DELETE", "/__admin/faults", in: .admin) { _, _ in
            control.faults.removeAll()
            return HTTPResponse(status: 204)
        }
        router.add("DELETE", "/__admin/faults/{id}", in: .admin) { _, parameters in
            guard let id = Int(parameters["id"]), control.faults.remove(id: id) else {
                return HTTPResponse(.notFound(detail: "No fault rule \(parameters["id"])"))
            }
            return HTTPResponse(status: 204)
        }
    }

    private static func registerRateLimit(on router: inout Router, control: MockControl) {
        router.add("GET", "/__admin/rate-limit", in: .admin) { _, _ in .json(200, rateLimitBody(control.rateLimiter.limit)) }
        router.add("PUT", "/__admin/rate-limit", in: .admin) { request, _ in
            do throws(ZISError) {
                let limit = try parseRateLimit(request.body)
                control.rateLimiter.setLimit(limit)
                return .json(200, rateLimitBody(limit))
            } catch {
                return HTTPResponse(error)
            }
        }
    }

    /// `{"limit":"700/60s"}`, `{"requests":700,"window_seconds":60}`, or `{"limit":null}` to turn it off.
    static func parseRateLimit(_ body: [UInt8]) throws(ZISError) -> RateLimit? {
        let fields = try AdminJSON.object(body, allowed: ["limit", "requests", "window_seconds"])
        if let limit = fields["limit"] {
            if case .null = limit.kind { return nil }
            guard case .string(let text) = limit.kind, let parsed = RateLimit(parsing: text) else {
                throw .badRequest(detail: "limit must be \(RateLimit.syntax), or null to turn limiting off")
            }
            return parsed
        }
        guard let requests = try AdminJSON.integer(fields["requests"], "requests"), requests > 0,
            let window = try AdminJSON.integer(fields["window_seconds"], "window_seconds"), window > 0
        else { throw .badRequest(detail: "give limit (\(RateLimit.syntax)) or positive requests and window_seconds") }
        return RateLimit(requests: requests, windowSeconds: window)
    }

    static func rateLimitBody(_ limit: RateLimit?) -> [UInt8] {
        guard let limit else { return Array(#"{"limit":null,"requests":null,"window_seconds":null}"#.utf8) }
        var writer = JSONWriter()
        writer.raw("{\"limit\":")
        writer.string(limit.description)
        writer.raw(",\"requests\":")
        writer.integer(limit.requests)
        writer.raw(",\"window_seconds\":")
        writer.integer(limit.windowSeconds)
        writer.raw("}")
        return writer.bytes
    }
}

/// Fault rules as JSON, read and written with the same fields: `{"match":{"method","path","integration",
/// "connection_type"},"action":{"status","retry_after","delay_ms","drop","reset","truncate"},"times":1,"after":0}`.
enum FaultRuleDocument {
    static func parse(_ body: [UInt8]) throws(ZISError) -> (FaultMatch, FaultAction, times: Int, after: Int) {
        let fields = try AdminJSON.object(body, allowed: ["match", "action", "times", "after"])
        var match = FaultMatch()
        if let value = fields["match"] {
            let members = try AdminJSON.members(value, "match", allowed: ["method", "path", "integration", "connection_type"])
            match.method = try AdminJSON.string(members["method"], "match.method")
            match.path = try AdminJSON.string(members["path"], "match.path")
            match.integration = try AdminJSON.string(members["integration"], "match.integration")
            match.connectionType = try AdminJSON.string(members["connection_type"], "match.connection_type")
        }
        guard let actionValue = fields["action"] else { throw .badRequest(detail: "action is required") }
        let members = try AdminJSON.members(
            actionValue, "action", allowed: ["status", "retry_after", "delay_ms", "drop", "reset", "truncate"])
        var action = FaultAction()
        action.status = try AdminJSON.integer(members["status"], "action.status")
        action.retryAfterSeconds = try AdminJSON.integer(members["retry_after"], "action.retry_after")
        action.delayMilliseconds = try AdminJSON.integer(members["delay_ms"], "action.delay_ms") ?? 0
        if try AdminJSON.bool(members["drop"], "action.drop") { action.connection = .drop }
        if try AdminJSON.bool(members["reset"], "action.reset") { action.connection = .reset }
        action.truncateBody = try AdminJSON.bool(members["truncate"], "action.truncate")
        let times = try AdminJSON.integer(fields["times"], "times") ?? 1
        let after = try AdminJSON.integer(fields["after"], "after") ?? 0
        return (match, action, times, after)
    }

    static func write(_ rule: FaultRule, into writer: inout JSONWriter) {
        writer.raw("{\"id\":")
        writer.integer(rule.id)
        writer.raw(",\"match\":{\"method\":")
        writer.stringOrNull(rule.match.method)
        writer.raw(",\"path\":")
        writer.stringOrNull(rule.match.path)
        writer.raw(",\"integration\":")
        writer.stringOrNull(rule.match.integration)
        writer.raw(",\"connection_type\":")
        writer.stringOrNull(rule.match.connectionType)
        writer.raw("},\"action\":{\"status\":")
        if let status = rule.action.status { writer.integer(status) } else { writer.raw("null") }
        writer.raw(",\"retry_after\":")
        if let retryAfter = rule.action.retryAfterSeconds { writer.integer(retryAfter) } else { writer.raw("null") }
        writer.raw(",\"delay_ms\":")
        writer.integer(rule.action.delayMilliseconds)
        // As `parse` reads them, so a rule that drops, resets or truncates says so when listed.
        writer.raw(",\"drop\":")
        writer.bool(rule.action.connection == .drop)
        writer.raw(",\"reset\":")
        writer.bool(rule.action.connection == .reset)
        writer.raw(",\"truncate\":")
        writer.bool(rule.action.truncateBody)
        writer.raw("},\"times\":")
        writer.integer(rule.times)
        writer.raw(",\"after\":")
        writer.integer(rule.after)
        writer.raw(",\"matched\":")
        writer.integer(rule.matched)
        writer.raw(",\"applied\":")
        writer.integer(rule.applied)
        writer.raw(",\"remaining\":")
        if let remaining = rule.remaining { writer.integer(remaining) } else { writer.raw("null") }
        writer.raw("}")
    }
}

/// Typed reads of small admin request bodies, with 400s that name the field.
enum AdminJSON {
    static func object(_ body: [UInt8], allowed: [String]) throws(ZISError) -> [String: JSONValue] {
        let value: JSONValue
        do {
            value = try JSONParser.parse(body)
        } catch {
            throw .badRequest(detail: "body is not JSON: \(error.description)")
        }
        return try members(value, "body", allowed: allowed)
    }

    static func members(_ value: JSONValue, _ path: String, allowed: [String]) throws(ZISError) -> [String: JSONValue] {
        guard case .object(let members) = value.kind else { throw .badRequest(detail: "\(path) must be an object") }
        var fields: [String: JSONValue] = [:]
        for member in members {
            guard allowed.contains(member.key) else {
                throw .badRequest(detail: "\(path): unknown field \(member.key) (expected one of: \(allowed.joined(separator: ", ")))")
            }
            fields[member.key] = member.value
        }
        return fields
    }

    static func string(_ value: JSONValue?, _ path: String) throws(ZISError) -> String? {
        guard let value else { return nil }
        switch value.kind {
        case .null: return nil
        case .string(let text): return text
        default: throw .badRequest(detail: "\(path) must be a string")
        }
    }

    static func integer(_ value: JSONValue?, _ path: String) throws(ZISError) -> Int? {
        guard let value else { return nil }
        switch value.kind {
        case .null: return nil
        case .number(let lexeme):
            guard let number = Int(lexeme) else { throw .badRequest(detail: "\(path) must be a whole number") }
            return number
        default: throw .badRequest(detail: "\(path) must be a whole number")
        }
    }

    static func bool(_ value: JSONValue?, _ path: String) throws(ZISError) -> Bool {
        guard let value else { return false }
        switch value.kind {
        case .null: return false
        case .bool(let flag): return flag
        default: throw .badRequest(detail: "\(path) must be true or false")
        }
    }
}
