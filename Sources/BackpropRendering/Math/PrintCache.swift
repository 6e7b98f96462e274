import BackpropKit

/// The printed text and estimated width of symbols, numbers and function names a ``MathPrinter`` has
/// written: the same o_{k,i}, w_{k-1,i,j}, g_k, σ and values recur in step after step, so each is formatted once.
///
/// Symbols and functions of a network and numbers go in direct-mapped tables, found by one multiplication
/// of a 64-bit key instead of a hashed dictionary lookup; a newcomer replaces whatever held its slot.
/// Symbols without such a key (names of a user's expression) go in a dictionary, and elementary functions
/// in a short list; both start over when full. Memory stays flat however large the network.
final class PrintCache {
    /// A printed piece and its estimated width.
    struct Entry {
        let text: UTF8Text
        let width: Double
    }

    /// The most slots of a direct-mapped table: 2^``maximumSlotBits``.
    static var maximumSlotBits: Int { 15 }
    /// The most entries kept in each dictionary.
    static var limit: Int { 4096 }

    private let symbolSlots = Table()
    private let numberSlots = Table()
    private var namedSymbols: [Symbol: Entry] = [:]
    private var elementaryFunctions: [(function: Function, entry: Entry)] = []

    /// The entry of `symbol`, made by `make` the first time.
    func symbol(_ symbol: Symbol, _ make: () -> Entry) -> Entry {
        guard let key = Self.key(of: symbol) else {
            if let entry = namedSymbols[symbol] { return entry }
            if namedSymbols.count >= Self.limit { namedSymbols.removeAll(keepingCapacity: true) }
            let entry = make()
            namedSymbols[symbol] = entry
            return entry
        }
        return symbolSlots.entry(key, make)
    }

    /// The entry of `value`, made by `make` the first time.
    func number(_ value: Double, _ make: () -> Entry) -> Entry {
        numberSlots.entry(value.bitPattern, make)
    }

    /// The entry of `function`'s name, made by `make` the first time.
    func function(_ function: Function, _ make: () -> Entry) -> Entry {
        switch function {
        case .activation(let layer):
            if let key = Self.pack(11, layer, 0, 0) { return symbolSlots.entry(key, make) }
        case .loss:
            if let key = Self.pack(12, 0, 0, 0) { return symbolSlots.entry(key, make) }
        case .softmax(let index):
            if let key = Self.pack(13, index, 0, 0) { return symbolSlots.entry(key, make) }
        case .elementary, .maximum, .quantity:
            break
        }
        // Elementary and other rare functions: a handful, found faster by comparison than by hashing.
        if let found = elementaryFunctions.first(where: { $0.function == function }) { return found.entry }
        if elementaryFunctions.count >= 64 { elementaryFunctions.removeAll(keepingCapacity: true) }
        let entry = make()
        elementaryFunctions.append((function, entry))
        return entry
    }

    /// The entry of the opening of layer `layer`'s colour, made by `make` the first time.
    func colorOpening(ofLayer layer: Int, _ make: () -> Entry) -> Entry {
        guard let key = Self.pack(14, layer, 0, 0) else { return make() }
        return symbolSlots.entry(key, make)
    }

    /// A text buffer kept between uses.
    final class Buffer {
        private var text = UTF8Text(capacity: 256)

        /// The text, emptied, with its capacity; the buffer is empty until ``keep(_:)`` returns it, so
        /// writing the text checks no access to the buffer.
        func take() -> UTF8Text {
            var taken = UTF8Text()
            swap(&taken, &text)
            taken.removeAll()
            return taken
        }

        /// Keeps `text` for the next ``take()``.
        func keep(_ text: UTF8Text) {
            self.text = text
        }
    }

    private var buffers: [Buffer] = []
    private var productDepth = 0

    /// The scratch buffer of a product being written, one for each level of nesting.
    func enterProduct() -> Buffer {
        if productDepth == buffers.count { buffers.append(Buffer()) }
        productDepth += 1
        return buffers[productDepth - 1]
    }

    /// Ends the product begun by the last ``enterProduct()``.
    func leaveProduct() {
        productDepth -= 1
    }

    // MARK: - Implementation

    /// A direct-mapped table that starts small, so a printer that writes a few labels costs little, and
    /// doubles, emptied, while it misses more often than it has slots, up to 2^``maximumSlotBits`` slots.
    /// Its slots are reached without the uniqueness and exclusivity checks of an array.
    private final class Table {
        private struct Slot {
            var key: UInt64
            var entry: Entry?
        }

        private var bits = 6
        private var misses = 0
        private var slots: UnsafeMutablePointer<Slot>

        init() {
            slots = .allocate(capacity: 1 << bits)
            slots.initialize(repeating: Slot(key: 0, entry: nil), count: 1 << bits)
        }

        deinit {
            slots.deinitialize(count: 1 << bits)
            slots.deallocate()
        }

        func entry(_ key: UInt64, _ make: () -> Entry) -> Entry {
            let index = Int(truncatingIfNeeded: (key &* 0x9E37_79B9_7F4A_7C15) >> UInt64(64 - bits))
            if let entry = slots[index].entry, slots[index].key == key { return entry }
            let entry = make()
            misses += 1
            if misses > 1 << bits && bits < PrintCache.maximumSlotBits {
                slots.deinitialize(count: 1 << bits)
                slots.deallocate()
                bits += 1
                misses = 0
                slots = .allocate(capacity: 1 << bits)
                slots.initialize(repeating: Slot(key: 0, entry: nil), count: 1 << bits)
                return entry
            }
            slots[index] = Slot(key: key, entry: entry)
            return entry
        }
    }

    /// A key unique to `symbol` when its indices fit in 18 bits each: the case in the top bits, then the indices.
    private static func key(of symbol: Symbol) -> UInt64? {
        switch symbol {
        case .preactivation(let layer, let neuron): return pack(1, layer, neuron, 0)
        case .activation(let layer, let neuron): return pack(2, layer, neuron, 0)
        case .weight(let layer, let from, let to): return pack(3, layer, from, to)
        case .bias(let layer, let neuron): return pack(4, layer, neuron, 0)
        case .target(let neuron): return pack(5, neuron, 0, 0)
        case .loss: return pack(6, 0, 0, 0)
        case .lossTerm(let neuron): return pack(7, neuron, 0, 0)
        case .learningRate: return pack(8, 0, 0, 0)
        case .updatedWeight(let layer, let from, let to): return pack(9, layer, from, to)
        case .updatedBias(let layer, let neuron): return pack(10, layer, neuron, 0)
        case .variable, .adjoint, .tangent, .generic, .afterUpdate: return nil
        }
    }

    private static func pack(_ kind: UInt64, _ a: Int, _ b: Int, _ c: Int) -> UInt64? {
        let bound = 1 << 18
        guard a >= 0, a < bound, b >= 0, b < bound, c >= 0, c < bound else { return nil }
        return kind << 54 | UInt64(a) << 36 | UInt64(b) << 18 | UInt64(c)
    }
}
