/// The validated fields of `POST …/oauth/start/{integration}` (spec §5); the client is resolved
/// by the service, against the integration's clients.
package struct OAuthFlowStart: Sendable {
    /// nil: the client's name.
    var name: String?
    var clientName: String?
    var clientUUID: String?
    var permissionScopes: String?
    var oauthURLSubdomain: String
    var originRedirectURL: String?
    var grantType: OAuthClient.GrantType?
}

/// The changes of a `PATCH …/oauth/clients/{integration}/{uuid}` body: any client field may
/// change. Checked against the client under the lock, after it has been found.
package struct OAuthClientPatch: Sendable {
    let fields: RequestFields

    package init(fields: RequestFields) {
        self.fields = fields
    }

    func applied(to client: OAuthClient) throws(ZISError) -> OAuthClient {
        try OAuthRequests.updateClient(client, fields: fields)
    }
}

/// Which OAuth connection a show or delete means: `?name=` wins over `?uuid=` (spec §5).
package enum OAuthSelector: Sendable {
    case name(String)
    case uuid(String)

    package init(query: [(name: String, value: String)]) throws(ZISError) {
        if let name = query.last(where: { $0.name == "name" })?.value, !name.isEmpty {
            self = .name(name)
        } else if let uuid = query.last(where: { $0.name == "uuid" })?.value, !uuid.isEmpty {
            self = .uuid(uuid)
        } else {
            throw .badRequest(detail: "name or uuid is required")
        }
    }
}
