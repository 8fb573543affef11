/// A loop's connections by descriptor. Descriptors are small integers the kernel hands out lowest
/// first, so an array indexed by them finds a connection without hashing, on every event.
struct ConnectionTable {
    private var slots: [LoopConnection?] = []
    private(set) var count = 0

    var isEmpty: Bool { count == 0 }

    /// The connections, in descriptor order.
    var values: [LoopConnection] { slots.compactMap { $0 } }

    subscript(descriptor: Int32) -> LoopConnection? {
        get { descriptor >= 0 && Int(descriptor) < slots.count ? slots[Int(descriptor)] : nil }
        set {
            let index = Int(descriptor)
            guard index >= 0 else { return }
            if index >= slots.count {
                guard newValue != nil else { return }
                slots.append(contentsOf: repeatElement(nil, count: index + 1 - slots.count))
            }
            count += (newValue == nil ? 0 : 1) - (slots[index] == nil ? 0 : 1)
            slots[index] = newValue
        }
    }
}
