/// Ten strings in one heap block: their UTF-8 end to end, and where each ends. An OAuth
/// connection's ten fields as ten `String`s were a box of 160 bytes plus a heap block for each
/// value past 15 bytes (a uuid, a token expiry); at a million connections that was most of the
/// store's memory beyond the connections themselves. Written rarely (a flow, a refresh), read
/// when rendered, where a short value costs no allocation.
struct PackedTexts: Sendable, Equatable {
    static let count = 10

    private var utf8: [UInt8]
    /// `ends.N` is where text N stops in `utf8`; inline, so the whole value is 48 bytes and fits
    /// a `ConnectionPayload` case without a box.
    private var ends: (UInt32, UInt32, UInt32, UInt32, UInt32, UInt32, UInt32, UInt32, UInt32, UInt32)

    init(_ texts: [String]) {
        precondition(texts.count == Self.count, "PackedTexts holds exactly \(Self.count) texts")
        utf8 = []
        utf8.reserveCapacity(texts.reduce(0) { $0 + $1.utf8.count })
        ends = (0, 0, 0, 0, 0, 0, 0, 0, 0, 0)
        withUnsafeMutableBytes(of: &ends) { ends in
            for (index, text) in texts.enumerated() {
                utf8.append(contentsOf: text.utf8)
                ends.storeBytes(of: UInt32(utf8.count), toByteOffset: index * 4, as: UInt32.self)
            }
        }
    }

    subscript(index: Int) -> String {
        get {
            let range = bounds(of: index)
            return utf8.withUnsafeBufferPointer { String(decoding: UnsafeBufferPointer(rebasing: $0[range]), as: UTF8.self) }
        }
        set {
            var texts = (0..<Self.count).map { self[$0] }
            texts[index] = newValue
            self = PackedTexts(texts)
        }
    }

    private func bounds(of index: Int) -> Range<Int> {
        withUnsafeBytes(of: ends) { ends in
            let end = Int(ends.load(fromByteOffset: index * 4, as: UInt32.self))
            return index == 0 ? 0..<end : Int(ends.load(fromByteOffset: (index - 1) * 4, as: UInt32.self))..<end
        }
    }

    static func == (left: PackedTexts, right: PackedTexts) -> Bool {
        left.utf8 == right.utf8
            && withUnsafeBytes(of: left.ends) { leftEnds in withUnsafeBytes(of: right.ends) { leftEnds.elementsEqual($0) } }
    }
}
