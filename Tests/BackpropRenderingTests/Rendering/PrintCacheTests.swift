import BackpropCore
import BackpropKit
@testable import BackpropRendering
import Testing

/// The printer's cache of printed pieces: what it gives back is what printing afresh gives, also after its
/// tables have doubled and after its block of bytes has filled and it has started over.
@Suite struct PrintCacheTests {
    @Test func piecesReadBackAfterTheBlockFillsAndStartsOver() {
        // 64 bytes hold about twenty pieces: the cache starts over again and again.
        let cache = PrintCache(maximumBytes: 64)
        func piece(_ index: Int) -> String { "n" + String(index) }
        func append(_ index: Int, to output: inout UTF8Text) -> Double {
            cache.append(Double(index), to: &output) { output in
                output.append(piece(index))
                return Double(index)
            }
        }
        var output = UTF8Text()
        for index in 0..<300 { _ = append(index, to: &output) }
        #expect(output.string == (0..<300).map(piece).joined())
        for index in (0..<300).reversed() {
            var text = UTF8Text()
            #expect(append(index, to: &text) == Double(index))
            #expect(text.string == piece(index))
            #expect(cache.width(of: Double(index)) ?? Double(index) == Double(index))
        }
    }

    /// Many more distinct numbers than the table of numbers has slots.
    static let count = 8 << PrintCache.maximumNumberSlotBits

    @Test func numbersPrintAsAfreshWhenTheirTableIsFull() {
        let printer = MathPrinter(LaTeXMath(), notation: NoteNotation(depth: 3), numbers: NumberFormat(significantDigits: 6))
        let values = (0..<Self.count).map { Double($0) / 7 + 0.001 }
        for value in values { _ = printer.string(.constant(value)) }
        // The first values were pushed out of the table long ago, the last are still in it: both read as afresh.
        for value in values.enumerated().filter({ $0.offset % 997 == 0 || $0.offset == values.count - 1 }).map(\.element) {
            let fresh = MathPrinter(LaTeXMath(), notation: NoteNotation(depth: 3), numbers: NumberFormat(significantDigits: 6))
            #expect(printer.string(.constant(value)) == fresh.string(.constant(value)))
            #expect(printer.string(.constant(-value)) == fresh.string(.constant(-value)))
            #expect(printer.width(of: .constant(value)) == fresh.width(of: .constant(value)))
        }
    }

    @Test func namesPrintAsAfreshAfterTheTablesDouble() {
        let printer = MathPrinter(UnicodeMath(), notation: NoteNotation(depth: 40))
        let weights = (1...40).flatMap { k in (0..<40).flatMap { i in (0..<40).map { j in Symbol.weight(layer: k - 1, from: i, to: j) } } }
        for weight in weights { _ = printer.string(.symbol(weight)) }
        for weight in weights.enumerated().filter({ $0.offset % 211 == 0 }).map(\.element) {
            let fresh = MathPrinter(UnicodeMath(), notation: NoteNotation(depth: 40))
            #expect(printer.string(.symbol(weight)) == fresh.string(.symbol(weight)))
            #expect(printer.width(of: .symbol(weight)) == fresh.width(of: .symbol(weight)))
        }
    }

    @Test func namesOfAUsersExpressionAndFunctionsPrintAsAfresh() {
        let printer = MathPrinter(MathMLMath(), notation: GraphNotation())
        let expression = Expression.sum([.product([.symbol(.variable("x_1")), .apply(.tanh, .symbol(.variable("y")))]),
                                         .apply(.sigmoid, .symbol(.variable("x_1")))])
        let first = printer.string(expression)
        #expect(printer.string(expression) == first)
        #expect(MathPrinter(MathMLMath(), notation: GraphNotation()).string(expression) == first)
    }
}

/// A handout written to a stream that takes bytes reads the same as one written to a string.
@Suite struct UTF8OutputStreamTests {
    /// Bytes, as a file takes them.
    struct ByteStream: UTF8OutputStream {
        var bytes: [UInt8] = []
        mutating func write(_ string: String) { bytes += string.utf8 }
        mutating func write(utf8 bytes: UnsafeRawBufferPointer) { self.bytes += bytes }
    }

    @Test(arguments: [SnapshotNetwork.note, .softmax, .textbook])
    func latexReadsTheSameAsBytes(_ network: SnapshotNetwork) throws {
        let handout = try network.handout()
        var formatter = LaTeXFormatter()
        var stream = ByteStream()
        formatter.format(handout, to: &stream)
        #expect(String(decoding: stream.bytes, as: UTF8.self) == LaTeXFormatter().string(handout))
    }
}
