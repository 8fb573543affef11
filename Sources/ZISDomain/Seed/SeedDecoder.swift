/// Reads one seed document straight from its bytes into a `Seed`, enforcing every load-time rule
/// of spec §7 (which includes the §4 rules for connections). The document is never held as a
/// JSON tree: connections, which are nearly all of a big seed, are read field by field from the
/// scanner; only the small parts (names, tokens, OAuth clients) are parsed into `JSONValue`s.
/// Errors come in document order, each with its file, line, column and path. Names that must be
/// unique across files (integrations, tokens) are tracked in `claimed`, which the loader carries
/// from file to file.
struct SeedDecoder {
    /// Where a unique name was first seen, for "already defined at …" messages.
    struct ClaimedNames {
        var integrations: [String: String] = [:]
        var tokens: [String: String] = [:]
        var admins: [String: String] = [:]
        /// Account-wide members (`zendesk_account_id`), given once in all the files.
        var account: [String: String] = [:]
    }

    let file: String
    /// The timestamp given to connections whose seed leaves `created_at`/`updated_at` out.
    let loadTime: String
    var claimed: ClaimedNames
    /// Internal for `SeedDecoder+Connections`.
    var scanner: JSONScanner

    /// Arrays of connections at least this long are read in parts on several threads.
    let partMinimumBytes: Int
    /// How many parts of arrays were read by other threads and used (the tests check it is not none).
    var partsUsed = 0
    /// Set in a decoder reading a part of the integrations array: the names it claimed, which the
    /// reader of the whole array replays on its own when it uses the part.
    var recordedClaims: [RecordedClaim]?

    /// `bytes` must stay alive while the decoder is used (see `SeedDecoder.decode`).
    init(
        bytes: UnsafeBufferPointer<UInt8>, file: String, loadTime: String, claimed: ClaimedNames,
        partMinimumBytes: Int = SeedDecoder.partMinimumBytes
    ) {
        self.partMinimumBytes = partMinimumBytes
        self.file = file
        self.loadTime = loadTime
        self.claimed = claimed
        self.scanner = JSONScanner(bytes: bytes)
    }

    /// Decodes the document in `bytes`; returns it with the names it claimed (for the next file).
    static func decode(
        _ bytes: [UInt8], file: String, loadTime: String, claimed: ClaimedNames,
        partMinimumBytes: Int = SeedDecoder.partMinimumBytes
    ) throws(SeedError) -> (seed: Seed, claimed: ClaimedNames, partsUsed: Int) {
        try bytes.withUnsafeBufferPointer { bytes throws(SeedError) in
            try decode(bytes, file: file, loadTime: loadTime, claimed: claimed, partMinimumBytes: partMinimumBytes)
        }
    }

    static func decode(
        _ bytes: UnsafeBufferPointer<UInt8>, file: String, loadTime: String, claimed: ClaimedNames,
        partMinimumBytes: Int = SeedDecoder.partMinimumBytes
    ) throws(SeedError) -> (seed: Seed, claimed: ClaimedNames, partsUsed: Int) {
        var decoder = SeedDecoder(bytes: bytes, file: file, loadTime: loadTime, claimed: claimed, partMinimumBytes: partMinimumBytes)
        return (try decoder.decodeDocument(), decoder.claimed, decoder.partsUsed)
    }

    private mutating func decodeDocument() throws(SeedError) -> Seed {
        scanner.skipWhitespace()
        var seed = Seed()
        let rootKeys = AllowedKeys(["integrations", SeedWriter.maskedMarkerKey, "admins", "zendesk_account_id"])
        let root = try readObject(path: "", depth: 1, allowed: rootKeys) { decoder, key, keyPosition throws(SeedError) in
            switch key {
            case 0:
                try decoder.enterArray(path: "integrations", depth: 2)
                try decoder.decodeIntegrations(into: &seed.integrations)
            case 1:
                throw decoder.failure(
                    "this is a masked export: its secrets and tokens are \"*****\"; export with ?secrets=true to load a state back",
                    at: keyPosition, path: SeedWriter.maskedMarkerKey)
            case 3:
                let value = try decoder.parseValue(depth: 2)
                guard case .number(let lexeme) = value.kind, let id = Int(lexeme), id > 0 else {
                    throw decoder.failure("zendesk_account_id must be a positive integer", at: value.position, path: "zendesk_account_id")
                }
                try decoder.claim(
                    "zendesk_account_id", in: \.account,
                    at: LocatedString(text: lexeme, position: keyPosition, objectPath: "", key: "zendesk_account_id"),
                    rule: "zendesk_account_id is already defined")
                seed.zendeskAccountID = id
            default:
                let admins = try decoder.parseValue(depth: 2)
                for (index, element) in try decoder.array(admins, path: "admins").enumerated() {
                    seed.admins.append(try decoder.decodeAdmin(element, path: "admins[\(index)]"))
                }
            }
        }
        guard root.saw(0) else { throw missing("integrations", in: Fields(members: [], path: "", position: root.position)) }
        scanner.skipWhitespace()
        if !scanner.isAtEnd {
            throw invalidJSON(scanner.error("unexpected \(scanner.describeCurrentByte()) after the JSON value"))
        }
        return seed
    }

    /// Internal for `SeedDecoder+IntegrationParts`.
    mutating func decodeIntegration(path: String, depth: Int) throws(SeedError) -> SeedIntegration {
        // Connections are read as they come; the rest is collected and checked once the object is
        // complete, in the order the rules are listed (name, tokens, OAuth clients).
        var members: [JSONMember] = []
        var connections = Segmented<Connection>()
        var nameOrder: [Int] = []
        let allowed = AllowedKeys(["name", "tokens", "connections", "oauth_clients", "registration"] + Self.setUpKeys)
        let object = try readObject(path: path, depth: depth, allowed: allowed) { decoder, key, keyPosition throws(SeedError) in
            if allowed.names[key] == "connections" {
                (connections, nameOrder) = try decoder.decodeConnections(path: "\(path).connections", depth: depth + 1)
            } else {
                let value = try decoder.parseValue(depth: depth)
                members.append(JSONMember(key: allowed.names[key], keyPosition: keyPosition, value: value))
            }
        }
        let fields = Fields(members: members, path: path, position: object.position)
        let name = try requiredString("name", in: fields)
        guard NameRules.isValidIntegrationName(name.text) else {
            throw failure(NameRules.integrationNameRule, at: name.position, path: name.path)
        }
        try claim(name.text, in: \.integrations, at: name, rule: "integration \"\(name.text)\" is already defined")
        var integration = SeedIntegration(name: name.text)
        integration.connectionSegments = connections
        integration.nameOrder = nameOrder

        if let tokens = fields.value(for: "tokens") {
            for (index, element) in try array(tokens, path: "\(path).tokens").enumerated() {
                integration.tokens.append(try decodeToken(element, path: "\(path).tokens[\(index)]"))
            }
        }
        if let clients = fields.value(for: "oauth_clients") {
            for (index, element) in try array(clients, path: "\(path).oauth_clients").enumerated() {
                integration.oauthClients.append(try decodeOAuthClient(element, path: "\(path).oauth_clients[\(index)]"))
            }
        }
        if let registration = fields.value(for: "registration") {
            integration.registration = try decodeRegistration(registration, integration: name.text, path: "\(path).registration")
        }
        try decodeSetUp(fields, into: &integration)
        return integration
    }

    private mutating func decodeToken(_ value: JSONValue, path: String) throws(SeedError) -> SeedToken {
        let fields = try object(value, path: path, allowed: ["token", "scopes", "expires_at", "owner"])
        let token = try requiredString("token", in: fields)
        guard NameRules.isValidTokenLength(token.text) else {
            throw failure(NameRules.tokenRule, at: token.position, path: token.path)
        }
        // The token itself is a secret: the message names where it was listed, not its value.
        try claim(token.text, in: \.tokens, at: token, rule: "token is listed twice")
        guard let scopesValue = fields.value(for: "scopes") else { throw missing("scopes", in: fields) }
        var scopes: [Scope] = []
        for (index, element) in try array(scopesValue, path: "\(path).scopes").enumerated() {
            let scopeName = try string(element, path: "\(path).scopes[\(index)]")
            guard let scope = Scope(name: scopeName) else {
                throw failure(Scope.nameRule, at: element.position, path: "\(path).scopes[\(index)]")
            }
            scopes.append(scope)
        }
        var expiresAt: Int?
        if let expiry = try optionalString("expires_at", in: fields) {
            guard let seconds = Timestamp.secondsSinceEpoch(expiry.text) else {
                throw failure("expires_at \(Timestamp.rule)", at: expiry.position, path: expiry.path)
            }
            expiresAt = seconds
        }
        let owner = try optionalString("owner", in: fields)?.text
        return SeedToken(token: token.text, scopes: scopes, expiresAt: expiresAt, owner: owner)
    }

    private func decodeOAuthClient(_ value: JSONValue, path: String) throws(SeedError) -> OAuthClient {
        let optional = [
            "client_id", "client_secret", "auth_url", "token_url", "default_scopes", "grant_type", "uuid", "created_at", "updated_at",
            "created_by",
        ]
        let fields = try object(value, path: path, allowed: ["name"] + optional)
        let name = try requiredString("name", in: fields)
        var text: [String: String] = [:]
        for key in optional {
            if let field = try optionalString(key, in: fields) { text[key] = field.text }
        }
        for key in ["created_at", "updated_at"] {
            // Like a connection's: RFC 3339 in UTC, the load time when left out.
            if let stamp = try optionalString(key, in: fields), Timestamp.secondsSinceEpoch(stamp.text) == nil {
                throw failure("\(key) \(Timestamp.rule)", at: stamp.position, path: stamp.path)
            }
        }
        var grantType = OAuthClient.GrantType.authorizationCode
        if let grant = try optionalString("grant_type", in: fields) {
            guard let parsed = OAuthClient.GrantType(rawValue: grant.text) else {
                throw failure("grant_type must be authorization_code or client_credentials", at: grant.position, path: grant.path)
            }
            grantType = parsed
        }
        return OAuthClient(
            name: name.text, clientID: text["client_id"] ?? "", clientSecret: text["client_secret"] ?? "",
            authURL: text["auth_url"] ?? "", tokenURL: text["token_url"] ?? "",
            defaultScopes: text["default_scopes"] ?? "", grantType: grantType, uuid: text["uuid"] ?? "",
            createdAt: text["created_at"] ?? loadTime, updatedAt: text["updated_at"] ?? loadTime, createdBy: text["created_by"] ?? "")
    }

    /// `{"email": …, "password"?, "api_token"?, "session"?, "csrf_token"?}`; emails are unique.
    private mutating func decodeAdmin(_ value: JSONValue, path: String) throws(SeedError) -> AdminUser {
        let optional = ["password", "api_token", "session", "csrf_token"]
        let fields = try object(value, path: path, allowed: ["email"] + optional)
        let email = try requiredString("email", in: fields)
        try claim(email.text, in: \.admins, at: email, rule: "admin \"\(email.text)\" is already defined")
        var text: [String: String] = [:]
        for key in optional {
            if let field = try optionalString(key, in: fields) { text[key] = field.text }
        }
        return AdminUser(
            email: email.text, password: text["password"], apiToken: text["api_token"], session: text["session"],
            csrfToken: text["csrf_token"])
    }

    /// `{"description": …, "jwt_public_key": …, "zendesk_oauth_client": {"id": N, "secret": …}}`;
    /// the client's identifier is always `zis_<integration>`.
    private mutating func decodeRegistration(_ value: JSONValue, integration: String, path: String) throws(SeedError) -> IntegrationRegistration {
        let fields = try object(value, path: path, allowed: ["description", "jwt_public_key", "zendesk_oauth_client"])
        guard let clientValue = fields.value(for: "zendesk_oauth_client") else { throw missing("zendesk_oauth_client", in: fields) }
        let clientPath = "\(path).zendesk_oauth_client"
        let client = try object(clientValue, path: clientPath, allowed: ["id", "secret"])
        guard let idValue = client.value(for: "id") else { throw missing("id", in: client) }
        guard case .number(let lexeme) = idValue.kind, let id = Int(lexeme), id > 0 else {
            throw failure("id must be a positive integer", at: idValue.position, path: "\(clientPath).id")
        }
        let secret = try requiredString("secret", in: client)
        return IntegrationRegistration(
            description: try optionalString("description", in: fields)?.text ?? "",
            jwtPublicKey: try optionalString("jwt_public_key", in: fields)?.text ?? "",
            zendeskOAuthClient: ZendeskOAuthClient(
                id: id, identifier: ZendeskOAuthClient.identifier(forIntegration: integration), secret: secret.text))
    }

    // MARK: Reading from the scanner

    // The scanner's steps, with a syntax error reported like any other seed error.

    mutating func nextKey(
        afterMember: Bool, among candidates: AllowedKeys
    ) throws(SeedError) -> (key: JSONScanner.KeyMatch, position: SourcePosition)? {
        do { return try scanner.nextKey(afterMember: afterMember, among: candidates) } catch { throw invalidJSON(error) }
    }

    mutating func nextElement(afterElement: Bool) throws(SeedError) -> Bool {
        do { return try scanner.nextElement(afterElement: afterElement) } catch { throw invalidJSON(error) }
    }

    func valueStart() throws(SeedError) -> JSONScanner.ValueStart {
        do { return try scanner.valueStart() } catch { throw invalidJSON(error) }
    }

    mutating func enterContainer(depth: Int) throws(SeedError) {
        do { try scanner.enterContainer(depth: depth) } catch { throw invalidJSON(error) }
    }

    mutating func readString() throws(SeedError) -> String {
        do { return try scanner.readString() } catch { throw invalidJSON(error) }
    }

    mutating func parseValue(depth: Int) throws(SeedError) -> JSONValue {
        do { return try scanner.parseValue(depth: depth) } catch { throw invalidJSON(error) }
    }

    private func invalidJSON(_ error: JSONParseError) -> SeedError {
        SeedError(file: file, position: error.position, path: "", rule: "invalid JSON: \(error.message)")
    }

    /// What `readObject` saw: where the object starts, and which of the allowed keys it had.
    struct ReadObject {
        let position: SourcePosition
        /// Bit `i` is set when the object had the allowed key at index `i`.
        let seen: UInt64

        func saw(_ key: Int) -> Bool { seen & 1 << key != 0 }
    }

    /// Reads the object the scanner is at, handing each member's key (its index in `allowed`)
    /// and key position to `member`, which must read the value. A key outside `allowed` is an
    /// error at the key, so that a typo (`allowed_domian`) cannot silently load as a connection
    /// missing that field; a key given twice is invalid JSON, as in `JSONParser`. `path` is
    /// only needed for an error, so it is built only then.
    mutating func readObject(
        path: @autoclosure () -> String, depth: Int, allowed: AllowedKeys,
        member: (inout SeedDecoder, _ key: Int, _ keyPosition: SourcePosition) throws(SeedError) -> Void
    ) throws(SeedError) -> ReadObject {
        let position = scanner.position
        try expect(.object, path: path(), depth: depth)
        var seen: UInt64 = 0
        var afterMember = false
        while let (key, keyPosition) = try nextKey(afterMember: afterMember, among: allowed) {
            afterMember = true
            let index: Int
            switch key {
            case .candidate(let candidate): index = candidate
            case .other(let key):
                let objectPath = path()
                throw unknownField(
                    key, at: keyPosition, path: objectPath.isEmpty ? key : "\(objectPath).\(key)", allowed: allowed.names)
            }
            guard seen & 1 << index == 0 else {
                throw SeedError(
                    file: file, position: keyPosition, path: "",
                    rule: "invalid JSON: duplicate key \"\(allowed.names[index])\" in object")
            }
            seen |= 1 << index
            try member(&self, index, keyPosition)
        }
        return ReadObject(position: position, seen: seen)
    }

    mutating func enterArray(path: String, depth: Int) throws(SeedError) {
        try expect(.array, path: path, depth: depth)
    }

    /// Enters the object or array the scanner is at; any other value is parsed (so its syntax is
    /// checked) and reported as the wrong type.
    private mutating func expect(
        _ container: JSONScanner.ValueStart, path: @autoclosure () -> String, depth: Int
    ) throws(SeedError) {
        let start = try valueStart()
        switch (container, start) {
        case (.object, .object), (.array, .array):
            try enterContainer(depth: depth)
        default:
            let value = try parseValue(depth: depth - 1)
            let expected = container == .object ? "an object" : "an array"
            throw failure("expected \(expected), found \(value.typeDescription)", at: value.position, path: path())
        }
    }

    func unknownField(_ key: String, at position: SourcePosition, path: String, allowed: [String]) -> SeedError {
        failure("unknown field \"\(key)\" (expected one of: \(allowed.joined(separator: ", ")))", at: position, path: path)
    }

    // MARK: Typed access with positioned errors

    /// An object's members together with where it is, so field errors can name their path.
    struct Fields {
        let members: [JSONMember]
        let path: String
        let position: SourcePosition

        func value(for key: String) -> JSONValue? {
            members.first { $0.key == key }?.value
        }

        func path(of key: String) -> String {
            path.isEmpty ? key : "\(path).\(key)"
        }
    }

    /// A string field's text with its location. The path is spelled out only when asked for (an
    /// error, a claim): building it for every field was a tenth of the load time of a big seed.
    struct LocatedString {
        let text: String
        let position: SourcePosition
        let objectPath: String
        let key: String

        var path: String { objectPath.isEmpty ? key : "\(objectPath).\(key)" }
    }

    /// An unknown key is an error so that a typo (`allowed_domian`) cannot silently load as a
    /// connection missing that field.
    func object(_ value: JSONValue, path: String, allowed: [String]) throws(SeedError) -> Fields {
        guard case .object(let members) = value.kind else {
            throw failure("expected an object, found \(value.typeDescription)", at: value.position, path: path)
        }
        let fields = Fields(members: members, path: path, position: value.position)
        for member in members where !allowed.contains(member.key) {
            throw unknownField(member.key, at: member.keyPosition, path: fields.path(of: member.key), allowed: allowed)
        }
        return fields
    }

    func array(_ value: JSONValue, path: String) throws(SeedError) -> [JSONValue] {
        guard case .array(let elements) = value.kind else {
            throw failure("expected an array, found \(value.typeDescription)", at: value.position, path: path)
        }
        return elements
    }

    func string(_ value: JSONValue, path: String) throws(SeedError) -> String {
        guard case .string(let text) = value.kind else {
            throw failure("expected a string, found \(value.typeDescription)", at: value.position, path: path)
        }
        return text
    }

    func optionalString(_ key: String, in fields: Fields) throws(SeedError) -> LocatedString? {
        guard let value = fields.value(for: key) else { return nil }
        guard case .string(let text) = value.kind else { _ = try string(value, path: fields.path(of: key)); return nil }
        return LocatedString(text: text, position: value.position, objectPath: fields.path, key: key)
    }

    func requiredString(_ key: String, in fields: Fields) throws(SeedError) -> LocatedString {
        guard let field = try optionalString(key, in: fields) else { throw missing(key, in: fields) }
        return field
    }

    func missing(_ key: String, in fields: Fields) -> SeedError {
        failure("required field \"\(key)\" is missing", at: fields.position, path: fields.path(of: key))
    }

    /// One kind of name that must be unique across the files.
    typealias ClaimedList = WritableKeyPath<ClaimedNames, [String: String]> & Sendable

    private mutating func claim(_ name: String, in names: ClaimedList, at location: LocatedString, rule: String) throws(SeedError) {
        if let earlier = claimed[keyPath: names][name] {
            throw failure("\(rule) (first at \(earlier))", at: location.position, path: location.path)
        }
        claimed[keyPath: names][name] = claimLocation(location.position, path: location.path)
        recordedClaims?.append(RecordedClaim(names: names, name: name, position: location.position, path: location.path))
    }

    /// `file:line:column path`, as an "already defined" message names the first use.
    func claimLocation(_ position: SourcePosition, path: String) -> String {
        "\(file):\(position.line):\(position.column) \(path)"
    }

    func failure(_ rule: String, at position: SourcePosition, path: String) -> SeedError {
        SeedError(file: file, position: position, path: path, rule: rule)
    }
}
