import BackpropKit

/// The printed text and estimated width of symbols and numbers a ``MathPrinter`` has written:
/// the same o_{k,i}, w_{k-1,i,j} and values recur in step after step, so each is formatted once.
///
/// It holds at most ``limit`` entries of each kind and starts over when full, so memory stays flat
/// however large the network.
final class PrintCache {
    /// A printed piece and its estimated width.
    struct Entry {
        let text: String
        let width: Double
    }

    /// The most entries of each kind kept.
    static let limit = 4096

    private var symbols: [Symbol: Entry] = [:]
    private var numbers: [UInt64: Entry] = [:]

    /// The entry of `symbol`, made by `make` the first time.
    func symbol(_ symbol: Symbol, _ make: () -> Entry) -> Entry {
        if let entry = symbols[symbol] { return entry }
        if symbols.count >= Self.limit { symbols.removeAll(keepingCapacity: true) }
        let entry = make()
        symbols[symbol] = entry
        return entry
    }

    /// The entry of `value`, made by `make` the first time.
    func number(_ value: Double, _ make: () -> Entry) -> Entry {
        if let entry = numbers[value.bitPattern] { return entry }
        if numbers.count >= Self.limit { numbers.removeAll(keepingCapacity: true) }
        let entry = make()
        numbers[value.bitPattern] = entry
        return entry
    }
}
