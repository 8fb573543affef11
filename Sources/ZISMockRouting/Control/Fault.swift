import ZISDomain
import ZISMockBasics

/// Which requests a fault rule applies to. Every field left nil matches anything.
public struct FaultMatch: Sendable, Equatable {
    /// `GET`, `POST`, …; compared exactly.
    public var method: String?
    /// A route template such as `/api/services/zis/integrations/{integration}/connections/all`
    /// (compared with the matched route's template), or a literal path compared with the
    /// request's decoded path. Paths without `{` are literal.
    public var path: String?
    /// The `{integration}` of the matched route.
    public var integration: String?
    /// `api_key`, `basic_auth`, `bearer_token` or `oauth`: the typed routes' `{type}`, and `oauth`
    /// for the OAuth client and connection routes.
    public var connectionType: String?

    public init(method: String? = nil, path: String? = nil, integration: String? = nil, connectionType: String? = nil) {
        self.method = method
        self.path = path
        self.integration = integration
        self.connectionType = connectionType
    }

    /// Every request outside `/__admin/`.
    public static let anyRequest = FaultMatch()
    /// `GET …/integrations/{integration}/connections/all` (spec §3).
    public static let allConnections = FaultMatch(path: ConnectionsEndpoints.allConnections)

    public static func path(_ path: String, method: String? = nil) -> FaultMatch {
        FaultMatch(method: method, path: path)
    }

    public static func integration(_ name: String) -> FaultMatch {
        FaultMatch(integration: name)
    }

    func matches(method requestMethod: String, decodedPath: String, routeTemplate: String?, parameters: PathParameters) -> Bool {
        if let method, method != requestMethod { return false }
        if let path {
            if path.contains("{") {
                guard path == routeTemplate else { return false }
            } else if path != decodedPath {
                return false
            }
        }
        if let integration, integration != parameters["integration"] { return false }
        if let connectionType, connectionType != Self.connectionType(routeTemplate: routeTemplate, parameters: parameters) {
            return false
        }
        return true
    }

    private static func connectionType(routeTemplate: String?, parameters: PathParameters) -> String? {
        let type = parameters["type"]
        if !type.isEmpty { return type }
        guard let routeTemplate, routeTemplate.hasPrefix("/api/services/zis/connections/") else { return nil }
        return "oauth"
    }
}

/// What a fault does to a matching request. Composable: a delay may precede a status.
public struct FaultAction: Sendable, Equatable {
    /// The longest delay the mock will apply; see `delayMilliseconds`.
    public static let maximumDelayMilliseconds = 5_000

    /// Answer with this status in the Zendesk error envelope instead of the real answer.
    public var status: Int?
    /// `Retry-After` seconds on the injected answer (429 and 503 typically carry one).
    public var retryAfterSeconds: Int?
    /// Wait before answering, at most `maximumDelayMilliseconds`. Only this connection waits (and
    /// the requests pipelined behind it); the event loop goes on serving the others.
    public var delayMilliseconds: Int
    /// Close the connection without answering (`drop`) or with a TCP reset (`reset`), or send a
    /// body shorter than its `Content-Length` and close (`truncateBody`).
    public var connection: ConnectionFault?
    public var truncateBody: Bool

    public enum ConnectionFault: String, Sendable, Equatable {
        case drop
        case reset
    }

    public init(
        status: Int? = nil, retryAfterSeconds: Int? = nil, delayMilliseconds: Int = 0, connection: ConnectionFault? = nil,
        truncateBody: Bool = false
    ) {
        self.status = status
        self.retryAfterSeconds = retryAfterSeconds
        self.delayMilliseconds = delayMilliseconds
        self.connection = connection
        self.truncateBody = truncateBody
    }

    /// An error status in the Zendesk envelope, e.g. `.status(429, retryAfter: 2)` or `.status(503)`.
    public static func status(_ status: Int, retryAfter: Int? = nil) -> FaultAction {
        FaultAction(status: status, retryAfterSeconds: retryAfter)
    }

    /// The real answer, late.
    public static func delay(milliseconds: Int) -> FaultAction {
        FaultAction(delayMilliseconds: milliseconds)
    }

    /// Why the action cannot be applied, or nil when it can.
    public var problem: ZISError? {
        if let status, !(400...599).contains(status) {
            return .badRequest(detail: "status must be an error status from 400 to 599")
        }
        if let retryAfterSeconds, retryAfterSeconds < 0 { return .badRequest(detail: "retry_after must not be negative") }
        if retryAfterSeconds != nil, status == nil { return .badRequest(detail: "retry_after needs a status") }
        if delayMilliseconds < 0 || delayMilliseconds > Self.maximumDelayMilliseconds {
            return .badRequest(detail: "delay_ms must be from 0 to \(Self.maximumDelayMilliseconds)")
        }
        if connection != nil, status != nil || truncateBody {
            return .badRequest(detail: "drop and reset send no answer, so they take no status and no truncate")
        }
        if status == nil, delayMilliseconds == 0, connection == nil, !truncateBody {
            return .badRequest(detail: "a fault needs a status, a delay, drop, reset or truncate")
        }
        return nil
    }

    /// The injected answer for `status`, in the Zendesk envelope (spec §1).
    func error(status: Int) -> ZISError {
        let (code, title) = StatusTable.error(status)
        let headers = retryAfterSeconds.map { [HeaderField(name: "Retry-After", value: String($0))] } ?? []
        return ZISError(status: status, code: code, title: title, headers: headers)
    }
}

/// A fault rule as stored: the request `after` matching requests pass untouched, then the next
/// `times` get the action (0 = every one from then on).
public struct FaultRule: Sendable, Equatable {
    public let id: Int
    public let match: FaultMatch
    public let action: FaultAction
    public let times: Int
    public let after: Int
    /// Matching requests seen so far, and how many of them the action was applied to.
    public internal(set) var matched = 0
    public internal(set) var applied = 0

    /// nil when unlimited.
    public var remaining: Int? {
        times == 0 ? nil : max(0, times - applied)
    }

    var isExhausted: Bool { times != 0 && applied >= times }
}
