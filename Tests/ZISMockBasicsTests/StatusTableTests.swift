import Testing
import ZISMockBasics

@Suite("Status table")
struct StatusTableTests {
    @Test func oneRowPerStatusInOrder() {
        let statuses = StatusTable.rows.map(\.status)
        #expect(statuses == statuses.sorted() && Set(statuses).count == statuses.count)
        for row in StatusTable.rows {
            #expect(StatusTable.row(row.status)?.reason == row.reason)
            // Errors carry an envelope and nothing else does.
            #expect((row.error != nil) == (row.status >= 400), "\(row.status)")
        }
    }

    /// RFC 9110 §15's phrases, including the two it renamed from RFC 7231.
    @Test func reasonPhrasesAreRFC9110s() {
        #expect(StatusTable.reason(413) == "Content Too Large")
        #expect(StatusTable.reason(422) == "Unprocessable Content")
        #expect(StatusTable.reason(200) == "OK")
        #expect(StatusTable.reason(299) == "Status 299")
        #expect(StatusTable.reason(99) == "Status 99")
        #expect(StatusTable.reason(600) == "Status 600")
        #expect(StatusTable.row(-1) == nil)
    }

    @Test func envelopeNames() {
        #expect(StatusTable.error(401) == ("InvalidCredentials", "Authentication failed"))
        #expect(StatusTable.error(429) == ("TooManyRequests", "Too many requests"))
        #expect(StatusTable.error(503) == ("ServiceUnavailable", "Service Unavailable"))
        #expect(StatusTable.error(418) == ("ClientError", "Client Error"))
        #expect(StatusTable.error(599) == ("ServerError", "Server Error"))
    }
}
