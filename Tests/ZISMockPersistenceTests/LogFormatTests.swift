import Testing
@testable import ZISMockPersistence

/// The state log's framing: whole records read back, and every way a tail can be torn or
/// damaged is found and cut at the last whole record.
@Suite("Persistence: the log format")
struct LogFormatTests {
    static let snapshot = LogFormat.SnapshotIdentity(of: Array("{\"integrations\":[]}\n".utf8))
    static let payloads: [[UInt8]] = [Array("first".utf8), [], Array(repeating: 0x41, count: 300)]

    static func log(_ payloads: [[UInt8]] = payloads) -> [UInt8] {
        var bytes = LogFormat.header(for: snapshot)
        for payload in payloads { LogFormat.appendRecord(payload, to: &bytes) }
        return bytes
    }

    @Test func wholeRecordsReadBackWithTheirSnapshot() throws {
        let contents = try #require(LogFormat.read(Self.log()))
        #expect(contents.snapshot == Self.snapshot)
        #expect(contents.records.map(Array.init) == Self.payloads)
        #expect(contents.tornTail == nil)
        #expect(contents.wholeLength == Self.log().count)
    }

    @Test func aLogWithOnlyItsHeaderHasNoRecords() throws {
        let contents = try #require(LogFormat.read(LogFormat.header(for: Self.snapshot)))
        #expect(contents.records.isEmpty && contents.tornTail == nil)
        #expect(LogFormat.header(for: Self.snapshot).count == LogFormat.headerSize)
    }

    /// Power lost after any byte of the last record: the first two are kept, the rest dropped.
    @Test func aTailCutAtAnyByteOfTheLastRecordIsDropped() throws {
        let whole = Self.log()
        let lastStart = Self.log(Array(Self.payloads.prefix(2))).count
        for cut in lastStart..<(whole.count) where cut > lastStart {
            let contents = try #require(LogFormat.read(Array(whole[..<cut])))
            #expect(contents.records.map(Array.init) == Array(Self.payloads.prefix(2)), "cut at \(cut)")
            #expect(contents.tornTail == LogFormat.TornTail(
                record: 3, offset: lastStart, droppedBytes: cut - lastStart,
                reason: cut - lastStart < 8 ? "its length and checksum are cut off" : "it is cut off after \(cut - lastStart - 8) of its 300 bytes"))
            #expect(contents.wholeLength == lastStart)
        }
    }

    /// A flipped bit anywhere in a record (its length, checksum or payload) is caught there.
    @Test func aFlippedByteFailsTheChecksumOfItsRecord() throws {
        let whole = Self.log()
        let secondStart = Self.log(Array(Self.payloads.prefix(1))).count
        let thirdStart = Self.log(Array(Self.payloads.prefix(2))).count
        for offset in [thirdStart + 4, thirdStart + 8, thirdStart + 150, whole.count - 1] {
            var damaged = whole
            damaged[offset] ^= 0x01
            let contents = try #require(LogFormat.read(damaged))
            #expect(contents.records.count == 2, "byte \(offset)")
            #expect(contents.tornTail?.record == 3)
            #expect(contents.tornTail?.reason == "its checksum does not match")
        }
        var damaged = whole
        damaged[secondStart + 5] ^= 0x80
        #expect(try #require(LogFormat.read(damaged)).records.count == 1, "records after a damaged one are not trusted either")
    }

    /// A length made larger by damage reads as a record cut off; made smaller, as a bad checksum.
    @Test func aDamagedLengthIsCaught() throws {
        var longer = Self.log()
        longer[LogFormat.headerSize] = 0xFF
        #expect(try #require(LogFormat.read(longer)).records.isEmpty)
        var shorter = Self.log()
        shorter[LogFormat.headerSize] = 0x02
        #expect(try #require(LogFormat.read(shorter)).tornTail?.reason == "its checksum does not match")
    }

    @Test func aDamagedHeaderIsNotALog() {
        for offset in [0, 7, 8, 16, 23] {
            var damaged = Self.log()
            damaged[offset] ^= 0x01
            #expect(LogFormat.read(damaged) == nil, "byte \(offset)")
        }
        #expect(LogFormat.read(Array(Self.log().prefix(LogFormat.headerSize - 1))) == nil)
    }

    @Test func theChecksumIsZlibsCRC32() {
        // The check value of CRC-32 (ISO-HDLC) over "123456789".
        #expect(Checksum.crc32(Array("123456789".utf8)) == 0xCBF4_3926)
    }
}
