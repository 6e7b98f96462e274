/// Text written piece by piece as UTF-8 bytes: what ``MathPrinter`` prints into and ``StepLayout`` cuts
/// into rows.
///
/// Appending to a `String` checks its storage, capacity and breadcrumbs every time; formulas are written
/// in many pieces of a few bytes each (`_{`, `,`, ` \cdot `, a cached name), and appending bytes to an
/// array is a bounds check and a copy. The text becomes a `String` once, when it is finished.
struct UTF8Text: Equatable, TextOutputStream {
    /// The text's bytes.
    private(set) var bytes: [UInt8] = []

    /// Empty text with room for `capacity` bytes.
    init(capacity: Int = 0) {
        bytes.reserveCapacity(capacity)
    }

    /// Text of `text`'s bytes.
    init(_ text: String) {
        bytes = Array(text.utf8)
    }

    /// The number of bytes.
    var count: Int { bytes.count }

    /// Whether the text is empty.
    var isEmpty: Bool { bytes.isEmpty }

    /// The text as a string.
    var string: String { String(decoding: bytes, as: UTF8.self) }

    /// Appends `text`.
    mutating func append(_ text: String) {
        let copied: Void? = text.utf8.withContiguousStorageIfAvailable { bytes.append(contentsOf: $0) }
        if copied == nil { bytes.append(contentsOf: text.utf8) }
    }

    /// Appends `string`, as a text output stream.
    mutating func write(_ string: String) {
        append(string)
    }

    /// Appends `text`.
    mutating func append(_ text: Substring) {
        let copied: Void? = text.utf8.withContiguousStorageIfAvailable { bytes.append(contentsOf: $0) }
        if copied == nil { bytes.append(contentsOf: text.utf8) }
    }

    /// Appends `text`.
    mutating func append(_ text: UTF8Text) {
        bytes.append(contentsOf: text.bytes)
    }

    /// Appends the bytes `range` of `text`.
    mutating func append(_ text: UTF8Text, _ range: Range<Int>) {
        bytes.append(contentsOf: text.bytes[range])
    }

    /// Empties the text, keeping its capacity.
    mutating func removeAll() {
        bytes.removeAll(keepingCapacity: true)
    }
}
