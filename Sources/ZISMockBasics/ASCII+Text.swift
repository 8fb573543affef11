/// Text operations that only look at ASCII, without Foundation: header names, media types,
/// codings and schemes compare case-insensitively, and field values lose surrounding blanks.
extension String {
    /// ASCII case-insensitive equality without allocating lowercased copies; non-ASCII bytes must match exactly.
    @inlinable package func equalsIgnoringASCIICase(_ other: String) -> Bool {
        // Header lookups compare every field's name; most differ in length, which costs nothing to see.
        guard utf8.count == other.utf8.count else { return false }
        // The same text is the usual match (a name the parser handed out as the literal it is
        // looked up by), and `==` sees that from the two strings' bits.
        if self == other { return true }
        // Over contiguous bytes rather than the views' iterators, which cost several times more per byte.
        let equal = utf8.withContiguousStorageIfAvailable { left in
            other.utf8.withContiguousStorageIfAvailable { right in
                for index in 0..<left.count where left[index].asciiLowercased != right[index].asciiLowercased { return false }
                return true
            }
        }
        return equal.flatMap { $0 } ?? utf8.elementsEqual(other.utf8) { $0.asciiLowercased == $1.asciiLowercased }
    }

    /// Whether every UTF-8 byte passes `test`, read from contiguous bytes: through the view's
    /// iterator, checking a connection's name cost a seed load 40 instructions a byte.
    @inlinable package func allUTF8(_ test: (UInt8) -> Bool) -> Bool {
        utf8.withContiguousStorageIfAvailable { $0.allSatisfy(test) } ?? utf8.allSatisfy(test)
    }

    /// `A`–`Z` folded onto `a`–`z`, everything else (non-ASCII included) unchanged.
    @inlinable package func asciiLowercased() -> String {
        String(decoding: utf8.map(\.asciiLowercased), as: UTF8.self)
    }
}

extension StringProtocol where UTF8View: BidirectionalCollection {
    /// Without the leading and trailing spaces and tabs.
    @inlinable package func trimmingASCIIBlanks() -> String {
        let kept = utf8.trimmingASCIIBlanks()
        return String(self[kept.startIndex..<kept.endIndex])
    }
}

extension BidirectionalCollection<UInt8> {
    /// Without the leading and trailing spaces and tabs.
    @inlinable package func trimmingASCIIBlanks() -> SubSequence {
        guard let start = firstIndex(where: { !$0.isASCIIBlank }) else { return self[endIndex...] }
        let end = lastIndex(where: { !$0.isASCIIBlank })!
        return self[start...end]
    }
}

extension Collection<UInt8> {
    /// Whether these bytes spell `lowercase` in any ASCII case. `lowercase` must be lower-case
    /// letters only: OR-ing 0x20 folds exactly the ASCII capitals onto them, one instruction a byte
    /// (this compares the scheme of every request's `Authorization`).
    @inlinable package func equalsIgnoringASCIICase(letters lowercase: StaticString) -> Bool {
        lowercase.withUTF8Buffer { expected in
            count == expected.count && zip(self, expected).allSatisfy { $0 | 0x20 == $1 }
        }
    }
}
