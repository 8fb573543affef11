import ZISDomain
import ZISMockHTTP

/// `GET`/`PUT /__admin/oauth-provider` (issue 16): how the simulated OAuth provider answers, so a
/// test scripts a flow without a browser. A PUT changes the members it gives and answers the
/// whole behaviour; `POST /__admin/reset` restores the defaults.
enum OAuthProviderControl {
    static let path = "/__admin/oauth-provider"
    private static let keys = ["consent", "token_exchange", "refresh", "token_lifetime_seconds"]

    static func register(on router: inout Router, service: ZISService) {
        router.add("GET", path, in: .admin) { _, _ in .json(200, body(service.oauthProviderBehaviour)) }
        router.add("PUT", path, in: .admin) { request, _ in
            do throws(ZISError) {
                let fields = try AdminJSON.object(request.body, allowed: keys)
                return .json(200, body(try service.updateOAuthProviderBehaviour { behaviour throws(ZISError) in try apply(fields, to: &behaviour) }))
            } catch {
                return HTTPResponse(error)
            }
        }
    }

    static func apply(_ fields: [String: JSONValue], to behaviour: inout OAuthProviderBehaviour) throws(ZISError) {
        if let consent = try choice(fields, "consent", OAuthProviderBehaviour.Consent.self) { behaviour.consent = consent }
        if let exchange = try choice(fields, "token_exchange", OAuthProviderBehaviour.Outcome.self) { behaviour.tokenExchange = exchange }
        if let refresh = try choice(fields, "refresh", OAuthProviderBehaviour.Outcome.self) { behaviour.refresh = refresh }
        if let seconds = try AdminJSON.integer(fields["token_lifetime_seconds"], "token_lifetime_seconds") {
            guard OAuthProviderBehaviour.lifetimes.contains(seconds) else {
                throw .badRequest(
                    detail: "token_lifetime_seconds must be from \(OAuthProviderBehaviour.lifetimes.lowerBound) to \(OAuthProviderBehaviour.lifetimes.upperBound)")
            }
            behaviour.accessTokenLifetimeSeconds = seconds
        }
    }

    private static func choice<Choice: RawRepresentable & CaseIterable>(
        _ fields: [String: JSONValue], _ key: String, _: Choice.Type
    ) throws(ZISError) -> Choice? where Choice.RawValue == String {
        guard let text = try AdminJSON.string(fields[key], key) else { return nil }
        guard let value = Choice(rawValue: text) else {
            throw .badRequest(detail: "\(key) must be one of: \(Choice.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        return value
    }

    static func body(_ behaviour: OAuthProviderBehaviour) -> [UInt8] {
        var writer = JSONWriter()
        writer.raw("{\"consent\":")
        writer.string(behaviour.consent.rawValue)
        writer.raw(",\"refresh\":")
        writer.string(behaviour.refresh.rawValue)
        writer.raw(",\"token_exchange\":")
        writer.string(behaviour.tokenExchange.rawValue)
        writer.raw(",\"token_lifetime_seconds\":")
        writer.integer(behaviour.accessTokenLifetimeSeconds)
        writer.raw("}")
        return writer.bytes
    }
}
