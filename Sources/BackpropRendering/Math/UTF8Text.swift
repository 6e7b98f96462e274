/// Text written piece by piece as UTF-8 bytes: what ``MathPrinter`` prints into and ``StepLayout`` cuts
/// into rows.
///
/// Appending to a `String` checks its storage, capacity and breadcrumbs every time; formulas are written
/// in many pieces of a few bytes each (`_{`, `,`, ` \cdot `, a cached name), and appending to this text is
/// a uniqueness and a capacity check and a copy. The text becomes a `String` once, when it is finished.
/// Copies share their bytes until one of them is changed.
struct UTF8Text: Equatable, TextOutputStream {
    /// Owns the bytes, allocated with it in one block, which copies of the text share until one is changed.
    private final class Storage: ManagedBuffer<Void, UInt8> {
        /// Storage with room for `capacity` bytes.
        static func make(capacity: Int) -> Storage {
            unsafeDowncast(create(minimumCapacity: capacity) { _ in () }, to: Storage.self)
        }

        /// The first byte; the storage does not move.
        var base: UnsafeMutablePointer<UInt8> { withUnsafeMutablePointerToElements { $0 } }

        /// The storage of every text that has never had a byte. Only a text that holds the sole reference
        /// to a storage writes to it, and this one has no byte to write.
        nonisolated(unsafe) static let empty = make(capacity: 0)
    }

    private var storage: Storage
    private var base: UnsafeMutablePointer<UInt8>
    /// The number of bytes.
    private(set) var count: Int
    private var capacity: Int

    /// Empty text with room for `capacity` bytes.
    init(capacity: Int = 0) {
        storage = capacity > 0 ? Storage.make(capacity: capacity) : .empty
        base = storage.base
        count = 0
        self.capacity = capacity
    }

    /// Text of `text`'s bytes.
    init(_ text: String) {
        self.init(capacity: text.utf8.count)
        append(text)
    }

    /// Whether the text is empty.
    var isEmpty: Bool { count == 0 }

    /// The text as a string.
    var string: String { string(0..<count) }

    /// The bytes `range` as a string.
    func string(_ range: Range<Int>) -> String {
        withExtendedLifetime(storage) {
            String(decoding: UnsafeBufferPointer(start: base + range.lowerBound, count: range.count), as: UTF8.self)
        }
    }

    /// The byte at `offset`, which must be less than ``count``.
    subscript(offset: Int) -> UInt8 {
        precondition(offset >= 0 && offset < count)
        return withExtendedLifetime(storage) { base[offset] }
    }

    static func == (left: UTF8Text, right: UTF8Text) -> Bool {
        guard left.count == right.count else { return false }
        return withExtendedLifetime((left.storage, right.storage)) {
            UnsafeRawBufferPointer(start: left.base, count: left.count)
                .elementsEqual(UnsafeRawBufferPointer(start: right.base, count: right.count))
        }
    }

    /// Appends `text`.
    mutating func append(_ text: String) {
        var text = text
        text.withUTF8 { append($0) }
    }

    /// Appends `text`.
    mutating func append(_ text: Substring) {
        var text = text
        text.withUTF8 { append($0) }
    }

    /// Appends `string`, as a text output stream.
    mutating func write(_ string: String) {
        append(string)
    }

    /// Appends `text`.
    mutating func append(_ text: UTF8Text) {
        append(text, 0..<text.count)
    }

    /// Appends the bytes `range` of `text`.
    mutating func append(_ text: UTF8Text, _ range: Range<Int>) {
        precondition(range.lowerBound >= 0 && range.upperBound <= text.count)
        withExtendedLifetime(text.storage) {
            append(UnsafeBufferPointer(start: text.base + range.lowerBound, count: range.count))
        }
    }

    /// Empties the text, keeping its capacity.
    mutating func removeAll() {
        count = 0
    }

    /// Calls `body` with the bytes `range`, valid only during the call.
    func withBytes<Result>(_ range: Range<Int>, _ body: (UnsafeBufferPointer<UInt8>) -> Result) -> Result {
        precondition(range.lowerBound >= 0 && range.upperBound <= count)
        return withExtendedLifetime(storage) { body(UnsafeBufferPointer(start: base + range.lowerBound, count: range.count)) }
    }

    /// Writes the text to `output`: as bytes to a ``UTF8OutputStream``, as a string to any other stream.
    func write<Output: TextOutputStream>(to output: inout Output) {
        withBytes(0..<count) { bytes in
            guard let stream = Output.self as? any UTF8OutputStream.Type else {
                output.write(String(decoding: bytes, as: UTF8.self))
                return
            }
            withUnsafeMutablePointer(to: &output) { stream.write(UnsafeRawBufferPointer(bytes), to: UnsafeMutableRawPointer($0)) }
        }
    }

    /// Appends `bytes`, which do not lie in this text's storage unless another text shares it.
    mutating func append(_ bytes: UnsafeBufferPointer<UInt8>) {
        guard let source = bytes.baseAddress, !bytes.isEmpty else { return }
        let needed = count + bytes.count
        if needed > capacity || !isKnownUniquelyReferenced(&storage) {
            reallocate(minimumCapacity: needed)
        }
        (base + count).initialize(from: source, count: bytes.count)
        count = needed
    }

    /// Moves the bytes to storage of its own with room for `minimumCapacity` bytes.
    private mutating func reallocate(minimumCapacity: Int) {
        let newCapacity = Swift.max(minimumCapacity, capacity * 2, 16)
        let newStorage = Storage.make(capacity: newCapacity)
        newStorage.base.initialize(from: base, count: count)
        storage = newStorage
        base = newStorage.base
        capacity = newCapacity
    }
}
