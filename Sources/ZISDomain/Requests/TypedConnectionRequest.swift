/// Create and update bodies of api_key, basic_auth and bearer_token connections (spec §4).
enum TypedConnectionRequest {
    /// The fields each type accepts, besides `name` and `allowed_domain`.
    static func ownFields(of type: ConnectionType) -> [String] {
        switch type {
        case .apiKey: ["api_key", "header_name"]
        case .basicAuth: ["username", "password"]
        case .bearerToken: ["token"]
        case .oauth: []
        }
    }

    static func allowedFields(of type: ConnectionType) -> [String] {
        ["name", "allowed_domain"] + ownFields(of: type)
    }

    /// A new connection from a POST body; every field is required and non-empty.
    static func create(type: ConnectionType, fields: RequestFields, now: String) throws(ZISError) -> Connection {
        try fields.rejectUnknown(allowed: allowedFields(of: type))
        let name = try fields.requiredString("name")
        try validateName(name)
        let domain = try fields.requiredString("allowed_domain")
        try validateDomain(domain)
        let payload: ConnectionPayload
        switch type {
        case .apiKey:
            let apiKey = try fields.requiredString("api_key")
            let headerName = try fields.requiredString("header_name")
            try validateHeaderName(headerName)
            payload = .apiKey(APIKeyFields(allowedDomain: domain, headerName: headerName, apiKey: apiKey))
        case .basicAuth:
            let username = try fields.requiredString("username")
            let password = try fields.requiredString("password")
            payload = .basicAuth(BasicAuthFields(allowedDomain: domain, username: username, password: password))
        case .bearerToken:
            payload = .bearerToken(BearerTokenFields(allowedDomain: domain, token: try fields.requiredString("token")))
        case .oauth:
            throw .notFound(detail: "OAuth connections are created with the OAuth flow")
        }
        return Connection(name: name, createdAt: now, updatedAt: now, payload: payload)
    }

    /// Applies a PATCH body: secrets, `header_name` and `username` may change; `name` and
    /// `allowed_domain` may be repeated unchanged but not changed [doc: Admin Center].
    static func update(_ connection: Connection, fields: RequestFields, now: String) throws(ZISError) -> Connection {
        try fields.rejectUnknown(allowed: allowedFields(of: connection.type))
        if let name = try fields.string("name"), name != connection.name {
            throw .badRequest(detail: "name cannot be changed after creation")
        }
        if let domain = try fields.string("allowed_domain"), domain != connection.allowedDomain {
            throw .badRequest(detail: "allowed_domain cannot be changed after creation")
        }
        var updated = connection
        switch connection.payload {
        case .apiKey(var values):
            if let apiKey = try fields.nonEmptyString("api_key") { values.apiKey = apiKey }
            if let headerName = try fields.nonEmptyString("header_name") {
                try validateHeaderName(headerName)
                values.headerName = headerName
            }
            updated.payload = .apiKey(values)
        case .basicAuth(var values):
            if let username = try fields.nonEmptyString("username") { values.username = username }
            if let password = try fields.nonEmptyString("password") { values.password = password }
            updated.payload = .basicAuth(values)
        case .bearerToken(var values):
            if let token = try fields.nonEmptyString("token") { values.token = token }
            updated.payload = .bearerToken(values)
        case .oauth:
            throw ZISService.unknownConnection(connection.name)
        }
        updated.updatedAt = now
        return updated
    }

    static func validateName(_ name: String) throws(ZISError) {
        guard NameRules.isValidConnectionName(name) else { throw .badRequest(detail: NameRules.connectionNameRule) }
    }

    static func validateDomain(_ domain: String) throws(ZISError) {
        guard HostName.isValid(domain) else { throw .badRequest(detail: HostName.rule) }
    }

    /// An HTTP field name (RFC 9110 token characters) [ours], since it is sent as a header.
    static func validateHeaderName(_ name: String) throws(ZISError) {
        let isTokenByte = { (byte: UInt8) -> Bool in
            switch byte {
            case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "0")...UInt8(ascii: "9"):
                true
            default:
                "!#$%&'*+-.^_`|~".utf8.contains(byte)
            }
        }
        guard name.utf8.allSatisfy(isTokenByte) else {
            throw .badRequest(detail: "header_name must be an HTTP header name (letters, digits and !#$%&'*+-.^_`|~)")
        }
    }
}

extension Connection {
    /// The `allowed_domain` of the three typed kinds; OAuth connections have none.
    var allowedDomain: String? {
        switch payload {
        case .apiKey(let fields): fields.allowedDomain
        case .basicAuth(let fields): fields.allowedDomain
        case .bearerToken(let fields): fields.allowedDomain
        case .oauth: nil
        }
    }
}
