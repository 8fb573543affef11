import Testing
@testable import ZISDomain

@Suite struct ValidationRulesTests {
    @Test func formatsTimestampsInUTC() {
        #expect(Timestamp.format(secondsSinceEpoch: 0) == "1970-01-01T00:00:00Z")
        #expect(Timestamp.format(secondsSinceEpoch: 1_705_309_200) == "2024-01-15T09:00:00Z")
        #expect(Timestamp.isValid(Timestamp.now()))
    }

    /// The journal's and the log lines' form: always three digits of milliseconds.
    @Test func formatsMillisecondsPadded() {
        #expect(Timestamp.format(millisecondsSinceEpoch: 0) == "1970-01-01T00:00:00.000Z")
        #expect(Timestamp.format(millisecondsSinceEpoch: 1_705_309_200_007) == "2024-01-15T09:00:00.007Z")
        #expect(Timestamp.format(millisecondsSinceEpoch: 1_705_309_200_999) == "2024-01-15T09:00:00.999Z")
        #expect(Timestamp.isValid(Timestamp.format(millisecondsSinceEpoch: 1_705_309_200_120)))
    }

    @Test(arguments: ["2024-01-15T09:00:00Z", "1985-04-12T23:20:50.52Z", "2016-12-31T23:59:60Z"])
    func acceptsRFC3339UTC(text: String) {
        #expect(Timestamp.isValid(text))
    }

    @Test(arguments: ["2024-01-15", "2024-01-15T09:00:00", "2024-13-01T00:00:00Z", "2024-01-15T24:00:00Z", "2024-01-15t09:00:00Z",
        "2024-01-15T09:00:00.Z", "2024-01-15T09:00:00+00:00", "2024-01-15T09:00:00.1234567890123456789012345Zx"])
    func rejectsOtherTimestamps(text: String) {
        #expect(!Timestamp.isValid(text))
    }

    @Test(arguments: ["localhost", "api.example.com", "a-b.c-d.example", "127.0.0.1", "xn--bcher-kva.example"])
    func acceptsBareHostNames(host: String) {
        #expect(HostName.isValid(host))
    }

    @Test func connectionNameLimits() {
        #expect(NameRules.isValidConnectionName("abc"))
        #expect(NameRules.isValidConnectionName(String(repeating: "a", count: 64)))
        #expect(!NameRules.isValidConnectionName("ab"))
        #expect(!NameRules.isValidConnectionName(String(repeating: "a", count: 65)))
        #expect(!NameRules.isValidConnectionName("naïve"))
        #expect(NameRules.isValidIntegrationName("a"))
    }
}
