import Testing
import ZISDomain
import ZISMockFixtures

/// Every kind of change reads back from its record as the same change.
@Suite("Persistence: change records")
struct StateChangeRecordTests {
    static func roundTrip(_ change: StateChange) throws -> StateChange {
        try StateChange(recordBytes: change.recordBytes, file: "test.log record 1")
    }

    /// Timestamps are kept for the types that show them; an OAuth connection has none to show
    /// (the seed format, and so the record, leaves them out).
    @Test func aSavedConnectionKeepsItsSecretsAndTimestamps() throws {
        for type in ConnectionType.allCases {
            let connection = Fixture.connection("saved_\(type.rawValue)", type: type, secret: "clear-secret")
            guard case .connectionSaved(let integration, let read) = try Self.roundTrip(.connectionSaved(integration: "acme", connection)) else {
                Issue.record("wrong kind")
                return
            }
            #expect(integration == "acme")
            #expect(read.name == connection.name && read.payload == connection.payload)
            if ConnectionSchema.of(type).hasTimestamps {
                #expect(read == connection)
            }
        }
    }

    @Test func removalsAndTokensKeepTheirKeys() throws {
        guard case .connectionRemoved("acme", "gone_one") = try Self.roundTrip(.connectionRemoved(integration: "acme", name: "gone_one")) else {
            Issue.record("connection removal")
            return
        }
        guard case .tokenRevoked("a-token-with \"quotes\"") = try Self.roundTrip(.tokenRevoked(token: "a-token-with \"quotes\"")) else {
            Issue.record("token revocation")
            return
        }
        let grant = TokenGrant(integration: "acme", scopes: [.read], expiresAt: 1_800_000_000, owner: "admin@example.com")
        guard case .tokenRegistered("minted-token-1", let read) = try Self.roundTrip(.tokenRegistered(token: "minted-token-1", grant)) else {
            Issue.record("token registration")
            return
        }
        #expect(read == grant, "the owner and expiry are kept: a minted token still works as an admin's")
    }

    @Test func oauthClientListsAreWrittenWhole() throws {
        let clients = [
            OAuthClient(
                name: "slack", clientID: "cid", clientSecret: "client-secret", authURL: "https://a.example/auth",
                tokenURL: "https://a.example/token", defaultScopes: "read", grantType: .authorizationCode, uuid: "u-1",
                createdAt: "2024-01-02T03:04:05Z", updatedAt: "2024-01-03T03:04:05Z", createdBy: "1")
        ]
        guard case .oauthClientsSet("acme", let read) = try Self.roundTrip(.oauthClientsSet(integration: "acme", clients)) else {
            Issue.record("wrong kind")
            return
        }
        #expect(read == clients)
        guard case .oauthClientsSet("acme", let none) = try Self.roundTrip(.oauthClientsSet(integration: "acme", [])) else {
            Issue.record("wrong kind")
            return
        }
        #expect(none.isEmpty, "deleting the last client is a change too")
    }

    @Test func aDamagedPayloadNamesTheRecordLikeASeedError() {
        var bytes = StateChange.connectionRemoved(integration: "acme", name: "x_y_z").recordBytes
        bytes.removeLast(4)
        #expect(throws: SeedError.self) { try StateChange(recordBytes: bytes, file: "state.json.log record 7") }
        do {
            _ = try StateChange(recordBytes: Array("{\"change\":\"no.such\"}\n{}".utf8), file: "state.json.log record 7")
        } catch {
            #expect(error.description.hasPrefix("state.json.log record 7:1: "))
        }
    }
}
