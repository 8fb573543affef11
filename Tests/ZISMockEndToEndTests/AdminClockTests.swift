import Testing
import ZISMock

/// `POST /__admin/clock` refuses a move the service's time cannot hold: `advance_seconds` of
/// `Int.max` once overflowed `now()` and crashed the server (found while documenting it for OpenAPI).
/// It moves forward only, a hundred years in all.
@Suite("Admin clock")
struct AdminClockTests {
    @Test func aMoveBeyondAHundredYearsIs400AndTheServerKeepsServing() throws {
        try withServer { server in
            let client = try CRUDClient(server)
            for seconds in ["9223372036854775807", "-9223372036854775807", "-1", "3153600001"] {
                let refused = try client.send("POST", "/__admin/clock", json: #"{"advance_seconds":\#(seconds)}"#, authorization: nil)
                #expect(refused.status == 400, "advance_seconds \(seconds)")
            }
            let moved = try client.send("POST", "/__admin/clock", json: #"{"advance_seconds":3153600000}"#, authorization: nil)
            #expect(moved.status == 200)
            #expect(try moved.json()["offset_seconds"] as? Int == 3_153_600_000)
            let beyond = try client.send("POST", "/__admin/clock", json: #"{"advance_seconds":1}"#, authorization: nil)
            #expect(beyond.status == 400, "the hundred years are in all, not per call")
        }
    }
}
