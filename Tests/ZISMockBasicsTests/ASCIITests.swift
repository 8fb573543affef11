import Testing
import ZISMockBasics

@Suite("ASCII byte classes and text")
struct ASCIITests {
    /// Each class against its definition, for every byte value.
    @Test func byteClassesOverEveryByte() {
        let letters = Set("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz".utf8)
        let digits = Set("0123456789".utf8)
        let tokenSymbols = Set("!#$%&'*+-.^_`|~".utf8)
        for value in 0...255 {
            let byte = UInt8(value)
            #expect(byte.isASCIIDigit == digits.contains(byte), "\(value)")
            #expect(byte.isASCIIAlphanumeric == (letters.contains(byte) || digits.contains(byte)), "\(value)")
            #expect(byte.isHTTPTokenCharacter == (letters.contains(byte) || digits.contains(byte) || tokenSymbols.contains(byte)), "\(value)")
            #expect(byte.isASCIIBlank == (value == 0x20 || value == 0x09), "\(value)")
            #expect(byte.isASCII == (value < 128), "\(value)")
            let lowered = letters.contains(byte) ? Array(String(UnicodeScalar(byte)).lowercased().utf8)[0] : byte
            #expect(byte.asciiLowercased == lowered, "\(value)")
        }
    }

    @Test func hexDigitsBothWays() {
        for value in 0...255 {
            let byte = UInt8(value)
            let expected = UInt8(String(UnicodeScalar(byte)), radix: 16)
            #expect(byte.asciiHexValue == expected, "\(value)")
        }
        let written = (0..<16).map { UInt8.asciiLowercaseHexDigit(UInt8($0)) }
        #expect(String(decoding: written, as: UTF8.self) == "0123456789abcdef")
    }

    @Test func caseInsensitiveEquality() {
        #expect("Content-Length".equalsIgnoringASCIICase("content-length"))
        #expect(!"Content-Length".equalsIgnoringASCIICase("Content-Lengths"))
        #expect(!"a".equalsIgnoringASCIICase("b"))
        #expect("é".equalsIgnoringASCIICase("é"))
        #expect(!"É".equalsIgnoringASCIICase("é"))  // only ASCII letters fold
        #expect(!"@".equalsIgnoringASCIICase("`"))  // 0x40 and 0x60 differ only in the case bit, but are not letters
        #expect("".equalsIgnoringASCIICase(""))
        // A bridged or non-contiguous string takes the iterator path and must agree.
        let slice = "xxGZIPxx".dropFirst(2).dropLast(2)
        #expect(String(slice).equalsIgnoringASCIICase("gzip"))
    }

    @Test func lowercasingLeavesNonASCIIAlone() {
        #expect("X-ZIS-Mock-Fault".asciiLowercased() == "x-zis-mock-fault")
        #expect("ÉTAT Déjà".asciiLowercased() == "État déjà")
        #expect("".asciiLowercased() == "")
    }

    @Test(arguments: [
        ("  gzip\t", "gzip"), ("\t \t", ""), ("", ""), ("a b", "a b"), (" \u{00A0}x\u{00A0} ", "\u{00A0}x\u{00A0}"), ("\r\nx\r\n", "\r\nx\r\n"),
    ])
    func trimmingOnlySpacesAndTabs(text: String, trimmed: String) {
        #expect(text.trimmingASCIIBlanks() == trimmed)
        #expect(Substring(text).trimmingASCIIBlanks() == trimmed)
        #expect(String(decoding: Array(text.utf8).trimmingASCIIBlanks(), as: UTF8.self) == trimmed)
    }
}
