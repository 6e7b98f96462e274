import BackpropKit

/// The printed bytes and estimated width of symbols, numbers and function names a ``MathPrinter`` has
/// written: the same o_{k,i}, w_{k-1,i,j}, g_k, σ and values recur in step after step, so each is formatted once.
///
/// The bytes of every piece lie one after another in one block of memory, and a piece is appended from there:
/// looking one up allocates nothing and counts no reference. Symbols and functions of a network and numbers
/// are found in direct-mapped tables by one multiplication of a 64-bit key instead of a hashed dictionary
/// lookup; a newcomer replaces whatever held its slot. Symbols without such a key (names of a user's
/// expression) go in a dictionary, and elementary functions in a short list. When the block is full the cache
/// starts over, so memory stays flat however large the network.
final class PrintCache {
    /// Where a piece's bytes lie in the block, and its estimated width.
    private struct Piece {
        var offset: Int32
        var count: Int32
        var width: Double
    }

    /// The most slots of the table of names: 2^17. The forward pass names every weight, and the backward pass
    /// names it again a whole network later, so the table holds the names of a network of about 100,000
    /// weights from one to the other.
    static var maximumNameSlotBits: Int { 17 }
    /// The most slots of the table of numbers: 2^15. Most numbers are printed close to where they are computed.
    static var maximumNumberSlotBits: Int { 15 }
    /// The most entries kept in the dictionary of named symbols.
    static var limit: Int { 4096 }
    /// The most bytes of pieces kept, unless a cache is made with fewer: 4 MiB, the names of a network of
    /// about 100,000 weights and the numbers around them.
    static var maximumBytes: Int { 1 << 22 }

    private let symbolSlots = Table(maximumBits: PrintCache.maximumNameSlotBits)
    private let numberSlots = Table(maximumBits: PrintCache.maximumNumberSlotBits)
    private var namedSymbols: [Symbol: Piece] = [:]
    private var elementaryFunctions: [(function: Function, piece: Piece)] = []
    private var bytes: UnsafeMutablePointer<UInt8>
    private var byteCount = 0
    private var byteCapacity: Int
    /// The most bytes of pieces this cache keeps.
    private let maximumBytes: Int
    /// Where a piece is written when it is only measured.
    private let scratch = Buffer()

    /// A cache keeping at most `maximumBytes` bytes of pieces.
    init(maximumBytes: Int = PrintCache.maximumBytes) {
        self.maximumBytes = maximumBytes
        byteCapacity = Swift.min(256, maximumBytes)
        bytes = .allocate(capacity: byteCapacity)
    }

    deinit {
        bytes.deallocate()
    }

    /// Appends `symbol` to `output` and returns its width; `make` writes it to the end of `output`, and
    /// returns its width, the first time.
    func append(_ symbol: Symbol, to output: inout UTF8Text, _ make: (inout UTF8Text) -> Double) -> Double {
        guard let key = Self.key(of: symbol) else {
            if let piece = namedSymbols[symbol] { return append(piece, to: &output) }
            return remembering(make, to: &output) { piece in
                if namedSymbols.count >= Self.limit { namedSymbols.removeAll(keepingCapacity: true) }
                namedSymbols[symbol] = piece
            }
        }
        return append(key, in: symbolSlots, to: &output, make)
    }

    /// Appends `value` to `output` and returns its width; `make` writes it the first time.
    func append(_ value: Double, to output: inout UTF8Text, _ make: (inout UTF8Text) -> Double) -> Double {
        append(value.bitPattern, in: numberSlots, to: &output, make)
    }

    /// Appends `function`'s name to `output` and returns its width; `make` writes it the first time.
    func append(_ function: Function, to output: inout UTF8Text, _ make: (inout UTF8Text) -> Double) -> Double {
        let key: UInt64?
        switch function {
        case .activation(let layer): key = Self.pack(11, layer, 0, 0)
        case .loss: key = Self.pack(12, 0, 0, 0)
        case .softmax(let index): key = Self.pack(13, index, 0, 0)
        case .elementary, .maximum, .quantity: key = nil
        }
        if let key { return append(key, in: symbolSlots, to: &output, make) }
        // Elementary and other rare functions: a handful, found faster by comparison than by hashing.
        if let found = elementaryFunctions.first(where: { $0.function == function }) { return append(found.piece, to: &output) }
        return remembering(make, to: &output) { piece in
            if elementaryFunctions.count >= 64 { elementaryFunctions.removeAll(keepingCapacity: true) }
            elementaryFunctions.append((function, piece))
        }
    }

    /// Appends the opening of layer `layer`'s colour to `output`; `make` writes it the first time.
    func appendColorOpening(ofLayer layer: Int, to output: inout UTF8Text, _ make: (inout UTF8Text) -> Double) {
        guard let key = Self.pack(14, layer, 0, 0) else {
            _ = make(&output)
            return
        }
        _ = append(key, in: symbolSlots, to: &output, make)
    }

    /// The width of `symbol`, when it is kept.
    func width(of symbol: Symbol) -> Double? {
        guard let key = Self.key(of: symbol) else { return namedSymbols[symbol]?.width }
        return symbolSlots.piece(at: symbolSlots.slot(of: key), key: key)?.width
    }

    /// The width of `value`, when it is kept.
    func width(of value: Double) -> Double? {
        numberSlots.piece(at: numberSlots.slot(of: value.bitPattern), key: value.bitPattern)?.width
    }

    /// The width of what `append` appends, made in a scratch text: what measures a piece not kept.
    func width(_ append: (inout UTF8Text) -> Double) -> Double {
        var text = scratch.take()
        defer { scratch.keep(text) }
        return append(&text)
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

    private func append(_ key: UInt64, in table: Table, to output: inout UTF8Text, _ make: (inout UTF8Text) -> Double) -> Double {
        let slot = table.slot(of: key)
        if let piece = table.piece(at: slot, key: key) { return append(piece, to: &output) }
        return remembering(make, to: &output) { table.remember($0, key: key, at: slot) }
    }

    private func append(_ piece: Piece, to output: inout UTF8Text) -> Double {
        output.append(UnsafeBufferPointer(start: bytes + Int(piece.offset), count: Int(piece.count)))
        return piece.width
    }

    /// Lets `make` write a piece to the end of `output`, copies its bytes into the block and hands `remember`
    /// where they lie; returns the piece's width.
    private func remembering(_ make: (inout UTF8Text) -> Double, to output: inout UTF8Text, _ remember: (Piece) -> Void) -> Double {
        let start = output.count
        let width = make(&output)
        let count = output.count - start
        guard count <= maximumBytes / 16 else { return width }
        if byteCount + count > byteCapacity {
            if byteCapacity < maximumBytes {
                byteCapacity = Swift.min(byteCapacity * 2, maximumBytes)
                let grown = UnsafeMutablePointer<UInt8>.allocate(capacity: byteCapacity)
                grown.initialize(from: bytes, count: byteCount)
                bytes.deallocate()
                bytes = grown
            } else {
                startOver()
            }
            if byteCount + count > byteCapacity { return width }
        }
        output.withBytes(start..<output.count) { piece in
            if let source = piece.baseAddress { (bytes + byteCount).initialize(from: source, count: count) }
        }
        remember(Piece(offset: Int32(byteCount), count: Int32(count), width: width))
        byteCount += count
        return width
    }

    /// Forgets every piece, keeping the memory.
    private func startOver() {
        byteCount = 0
        symbolSlots.removeAll()
        numberSlots.removeAll()
        namedSymbols.removeAll(keepingCapacity: true)
        elementaryFunctions.removeAll(keepingCapacity: true)
    }

    /// A direct-mapped table that starts small, so a printer that writes a few labels costs little, and
    /// doubles, keeping what it holds, while it misses more often than it has slots, up to 2^`maximumBits` slots.
    /// Its slots are reached without the uniqueness and exclusivity checks of an array.
    private final class Table {
        private struct Slot {
            var key: UInt64
            /// A negative count marks an empty slot.
            var piece: Piece
        }

        private static let empty = Slot(key: 0, piece: Piece(offset: 0, count: -1, width: 0))
        private var bits = 6
        private let maximumBits: Int
        private var misses = 0
        private var slots: UnsafeMutablePointer<Slot>

        init(maximumBits: Int) {
            self.maximumBits = maximumBits
            slots = .allocate(capacity: 1 << bits)
            slots.initialize(repeating: Self.empty, count: 1 << bits)
        }

        deinit {
            slots.deallocate()
        }

        /// The slot of `key`.
        func slot(of key: UInt64) -> Int {
            Int(truncatingIfNeeded: (key &* 0x9E37_79B9_7F4A_7C15) >> UInt64(64 - bits))
        }

        /// The piece of `key` in `slot`, if it holds that key's.
        func piece(at slot: Int, key: UInt64) -> Piece? {
            let found = slots[slot]
            return found.key == key && found.piece.count >= 0 ? found.piece : nil
        }

        /// Puts `piece` of `key` in `slot`, found by ``slot(of:)`` before the piece was made; when the table
        /// doubles first, the pieces it holds move to their slots in the larger table, and this one to its own.
        func remember(_ piece: Piece, key: UInt64, at slot: Int) {
            misses += 1
            guard misses > 1 << bits && bits < maximumBits else {
                slots[slot] = Slot(key: key, piece: piece)
                return
            }
            let (old, oldCount) = (slots, 1 << bits)
            bits += 1
            misses = 0
            slots = .allocate(capacity: 1 << bits)
            slots.initialize(repeating: Self.empty, count: 1 << bits)
            for index in 0..<oldCount where old[index].piece.count >= 0 {
                slots[self.slot(of: old[index].key)] = old[index]
            }
            old.deallocate()
            slots[self.slot(of: key)] = Slot(key: key, piece: piece)
        }

        /// Empties every slot.
        func removeAll() {
            slots.update(repeating: Self.empty, count: 1 << bits)
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
