// libFuzzer target: percent-decoding and query splitting of any request target.

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzQuery(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
    let bytes = UnsafeBufferPointer(start: data, count: size)
    _ = PercentDecoding.decode(bytes, plusIsSpace: true)
    _ = RequestTarget.parse("/p?" + String(decoding: bytes, as: UTF8.self))
    return 0
}
