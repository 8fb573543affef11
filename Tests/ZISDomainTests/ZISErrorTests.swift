import Testing
import ZISDomain

@Suite struct ZISErrorTests {
    /// Equal when every field is, whether or not the two share their texts.
    @Test func errorsCompareByTheirFields() {
        let error = ZISError(status: 400, code: "C", title: "T", detail: "D", headers: [HeaderField(name: "N", value: "V")])
        #expect(error == error)
        #expect(error == ZISError(status: 400, code: "C", title: "T", detail: "D", headers: [HeaderField(name: "N", value: "V")]))
        for other in [
            ZISError(status: 401, code: "C", title: "T", detail: "D", headers: [HeaderField(name: "N", value: "V")]),
            ZISError(status: 400, code: "c", title: "T", detail: "D", headers: [HeaderField(name: "N", value: "V")]),
            ZISError(status: 400, code: "C", title: "t", detail: "D", headers: [HeaderField(name: "N", value: "V")]),
            ZISError(status: 400, code: "C", title: "T", detail: nil, headers: [HeaderField(name: "N", value: "V")]),
            ZISError(status: 400, code: "C", title: "T", detail: "D", headers: []),
        ] {
            #expect(error != other)
        }
        #expect(ZISError.invalidCredentials == ZISError(status: 401, code: "InvalidCredentials", title: "Authentication failed"))
    }
}
