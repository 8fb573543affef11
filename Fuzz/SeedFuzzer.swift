// libFuzzer target: the seed loader (JSON parser and every seed rule) over arbitrary bytes.

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzSeed(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    if let seed = try? SeedLoader.parse(bytes, file: "fuzz.json") {
        _ = ZISService(seed: seed)
    }
    return 0
}
