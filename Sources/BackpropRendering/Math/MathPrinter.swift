import BackpropKit

/// Prints expressions in one math syntax, naming symbols through a ``Notation`` and writing numbers through
/// a ``NumberFormat``.
///
/// The printer is the one walk over an ``Expression`` every syntax shares: parentheses come from
/// the precedence table alone, and which factors stand side by side (2x, 2(o − t), σ(f)(1 − σ(f))) is decided
/// here; `Spelling` only writes the pieces.
public struct MathPrinter<Spelling: MathSpelling> {
    /// How the pieces are written.
    public let spelling: Spelling
    /// How symbols are named.
    public let notation: any Notation
    /// How numbers are written.
    public let numbers: NumberFormat
    /// When set, ∂δ/∂o_{k,j} is coloured with the colour of layer k in a network of this depth.
    public let colorDepth: Int?
    /// Symbols and numbers already printed.
    let cache = PrintCache()
    /// The spelling's commonest pieces as UTF-8.
    let pieces: SpelledPieces

    /// A printer writing `spelling`.
    /// - Parameters:
    ///   - spelling: The syntax: `LaTeXMath()`, `UnicodeMath()` or `MathMLMath()`.
    ///   - notation: How symbols are named, such as `NoteNotation(depth: 3)`.
    ///   - numbers: How numbers are written; the shortest round-trip form unless given digits.
    ///   - colorDepth: The depth of the network whose layers colour ∂δ/∂o_{k,j}, or `nil` for no colour.
    public init(_ spelling: Spelling, notation: any Notation, numbers: NumberFormat = .roundTrip, colorDepth: Int? = nil) {
        self.spelling = spelling
        self.notation = notation
        self.numbers = numbers
        self.colorDepth = colorDepth
        self.pieces = SpelledPieces(spelling)
    }

    /// The expression printed in this syntax, e.g. `\frac{\partial \delta}{\partial o_{n,1}}` or `∂δ/∂oₙ,₁`.
    /// - Parameter expression: A symbol, a form of a step, or any expression tree.
    /// - Returns: The printed text, on one line.
    public func string(_ expression: Expression) -> String {
        var output = UTF8Text()
        write(expression, to: &output)
        return output.string
    }

    /// Where a term of a top-level sum ends in the output, as a UTF-8 offset, and its estimated width.
    struct TermEnd {
        var offset: Int
        var width: Double
    }

    /// Writes `expression` as ``string(_:)`` does and returns its estimated width, ``width(of:)``, and for a
    /// sum of several terms where each term ends (the first bare, each after it with its sign, `+ x` or `− y`,
    /// joined by single spaces); `terms` is `nil` when the expression is not a sum of several terms.
    func writeMeasuringTerms(_ expression: Expression, to output: inout UTF8Text) -> (width: Double, terms: [TermEnd]?) {
        guard case .sum(let terms) = expression, terms.count > 1 else {
            return (write(expression, to: &output), nil)
        }
        var ends: [TermEnd] = []
        ends.reserveCapacity(terms.count)
        var width = 0.0
        for (index, term) in terms.enumerated() {
            let termWidth: Double
            if index == 0 {
                termWidth = write(term, to: &output, context: .sum)
            } else {
                output.append(pieces.space)
                termWidth = writeSignedTerm(term, to: &output)
            }
            width += termWidth
            ends.append(TermEnd(offset: output.count, width: termWidth))
        }
        return (width + 3 * Double(terms.count - 1), ends)
    }

    /// Writes the symbol's name.
    package func write(_ symbol: Symbol, to output: inout String) {
        var text = UTF8Text()
        append(symbol, to: &text)
        output += text.string
    }

    /// Writes a name as this syntax spells it.
    package func write(_ name: SymbolName, to output: inout String) {
        spelling.write(name, to: &output)
    }

    /// A blank for a student to fill in, as wide as an answer of `width` characters.
    package func blank(width: Double) -> String { spelling.blank(width: width) }

    /// Appends the symbol's name and returns its estimated width.
    @discardableResult
    func append(_ symbol: Symbol, to output: inout UTF8Text) -> Double {
        cache.append(symbol, to: &output) { output in
            let name = notation.name(of: symbol)
            spelling.write(name, to: &output)
            return width(of: name)
        }
    }

    /// Appends the number and returns its estimated width.
    @discardableResult
    func append(_ value: Double, to output: inout UTF8Text) -> Double {
        cache.append(value, to: &output) { output in
            var width = 0.0
            numbers.withParts(value) { mantissa, exponent in
                width = Double(mantissa.count) + (exponent == 0 ? 0 : 4 + (exponent < 0 ? 2.1 : 1.4))
                let negative = mantissa.first == UInt8(ascii: "-")
                let digits = UnsafeBufferPointer(rebasing: mantissa[(negative ? 1 : 0)...])
                guard exponent == 0 else {
                    let numeral = spelling.numeral.open + String(decoding: digits, as: UTF8.self) + spelling.numeral.close
                    let signed = (negative ? spelling.signs.minus : "") + numeral
                    output.append(spelling.scientific(signed, exponent: exponent))
                    return
                }
                if negative { output.append(pieces.minus) }
                output.append(pieces.numeral.open)
                output.append(digits)
                output.append(pieces.numeral.close)
            }
            return width
        }
    }

    /// Appends the function's name and returns its estimated width.
    @discardableResult
    func append(_ function: Function, to output: inout UTF8Text) -> Double {
        cache.append(function, to: &output) { output in
            spelling.write(notation.name(of: function), to: &output)
            if case .elementary(let elementary) = function {
                return width(of: elementary.conventionalName)
            }
            return width(of: notation.name(of: function))
        }
    }

    /// The estimated width of the symbol's name.
    func width(of symbol: Symbol) -> Double {
        cache.width(of: symbol) ?? cache.width { append(symbol, to: &$0) }
    }

    /// The estimated width of the number as printed.
    func width(of value: Double) -> Double {
        cache.width(of: value) ?? cache.width { append(value, to: &$0) }
    }

    /// The estimated width of the function's name.
    func width(of function: Function) -> Double {
        cache.width { append(function, to: &$0) }
    }

    /// Writes `expression`, parenthesised if it binds more loosely than `context`.
    /// - Returns: Its estimated width, ``width(of:)``: the walk that prints also measures.
    @discardableResult
    func write(_ expression: Expression, to output: inout UTF8Text, context: Precedence = .sum) -> Double {
        // Names and numbers, most of what is written, go straight out: a name is an atom, and so is a number
        // unless it is negative, a prefix.
        switch expression {
        case .symbol(let symbol):
            return append(symbol, to: &output)
        case .constant(let value) where value >= 0 || context <= .prefix:
            return append(value, to: &output)
        default:
            break
        }
        guard precedence(of: expression) < context else {
            return writeBare(expression, to: &output)
        }
        let parentheses = spelling.stacksFractions && expression.containsFraction ? pieces.tallParentheses : pieces.parentheses
        output.append(parentheses.open)
        let width = writeBare(expression, to: &output)
        output.append(parentheses.close)
        return width
    }

    // MARK: - Nodes

    // Each writer returns the width ``width(of:)`` gives its expression, computed in the same order.

    private func writeBare(_ expression: Expression, to output: inout UTF8Text) -> Double {
        switch expression {
        case .constant(let value):
            return append(value, to: &output)
        case .symbol(let symbol):
            return append(symbol, to: &output)
        case .sum(let terms):
            var width = 0.0
            for (index, term) in terms.enumerated() {
                if index == 0 {
                    width += write(term, to: &output, context: .sum)
                } else {
                    output.append(pieces.space)
                    width += writeSignedTerm(term, to: &output)
                }
            }
            return width + 3 * Double(terms.count - 1)
        case .product(let factors):
            return writeProduct(factors, to: &output)
        case .negation(let operand):
            output.append(pieces.minus)
            return 1 + write(operand, to: &output, context: .product)
        case .quotient(let numerator, let denominator):
            let fraction = pieces.fraction
            let context: Precedence = spelling.stacksFractions ? .sum : .power
            output.append(fraction.open)
            let top = write(numerator, to: &output, context: context)
            output.append(fraction.middle)
            let bottom = write(denominator, to: &output, context: context)
            output.append(fraction.close)
            return spelling.stacksFractions ? Swift.max(top, bottom) + 0.5 : top + bottom + 3
        case .power(let base, let exponent):
            let baseWidth: Double
            output.append(spelling.powerOpening)
            if let value = base.constantValue, numbers.parts(value).exponent != 0 {
                output.append(pieces.parentheses.open)
                baseWidth = append(value, to: &output)
                output.append(pieces.parentheses.close)
            } else {
                baseWidth = write(base, to: &output, context: .atom)
            }
            var exponentText = UTF8Text()
            let exponentWidth = write(exponent, to: &exponentText)
            var spelled = ""
            spelling.writeExponent(exponentText.string, atom: {
                var atom = UTF8Text()
                write(exponent, to: &atom, context: .atom)
                return atom.string
            }, to: &spelled)
            output.append(spelled)
            return baseWidth + 0.7 * exponentWidth + 2
        case .application(let function, let arguments):
            return writeApplication(function, arguments, to: &output)
        case .partial(let of, let variable):
            return writePartial(of: of, variable, to: &output)
        }
    }

    /// Writes a term after the first of a sum as `+ x` or `− y`.
    /// - Returns: The width of `term` (not of the term without its minus).
    private func writeSignedTerm(_ term: Expression, to output: inout UTF8Text) -> Double {
        // The common negative terms are written without building the term without its minus.
        switch term {
        case .constant(let value) where value < 0:
            output.append(pieces.minusSpace)
            append(-value, to: &output)
            return width(of: value)
        case .negation(let operand):
            output.append(pieces.minusSpace)
            return 1 + write(operand, to: &output, context: .product)
        case .product(let factors):
            if case .constant(let value) = factors.first, value < 0, !(-value == 1 && factors.count > 1) {
                output.append(pieces.minusSpace)
                return writeProduct(factors, to: &output, negatingFirst: true)
            }
        default:
            break
        }
        if let positive = term.negated {
            output.append(pieces.minusSpace)
            write(positive, to: &output, context: .product)
            return width(of: term)
        } else {
            output.append(pieces.plusSpace)
            return write(term, to: &output, context: .sum)
        }
    }

    /// Writes the factors, each after its separator, which depends on how the factor begins: a factor after
    /// the first is written to a scratch buffer first. With `negatingFirst`, the first factor is a negative
    /// number written without its minus (the product stands for the term without its minus).
    /// - Returns: The width of the product as given.
    private func writeProduct(_ factors: [Expression], to output: inout UTF8Text, negatingFirst: Bool = false) -> Double {
        guard let first = factors.first else { return pieces.adjacentFactorsWidth * -1 + 2 }
        var width: Double
        if negatingFirst, case .constant(let value) = first {
            append(-value, to: &output)
            width = self.width(of: value)
        } else {
            width = write(first, to: &output, context: .prefix)
        }
        guard factors.count > 1 else { return width + 2 }
        let buffer = cache.enterProduct()
        var scratch = buffer.take()
        defer {
            buffer.keep(scratch)
            cache.leaveProduct()
        }
        // The factors are reached by index: iterating would copy each, a retain and a release.
        for index in 1..<factors.count {
            scratch.removeAll()
            width += write(factors[index], to: &scratch, context: .product)
            switch separator(between: factors[index - 1], and: factors[index], next: Self.opening(of: scratch)) {
            case .times: output.append(pieces.times)
            case .adjacentFactors: output.append(pieces.adjacentFactors)
            case .nothing: break
            }
            output.append(scratch)
        }
        return width + pieces.adjacentFactorsWidth * Double(factors.count - 1) + 2
    }

    /// How `text` begins to the reader: with a number, with `(`, or otherwise. Leading markup (`<mrow>`, the
    /// tags of a syntax that encloses its tokens in elements) is not read, so it is skipped.
    private static func opening(of text: UTF8Text) -> Opening {
        var start = 0
        while start < text.count && text[start] == UInt8(ascii: "<") {
            while start < text.count && text[start] != UInt8(ascii: ">") { start += 1 }
            start += 1
        }
        guard start < text.count else { return .other }
        let byte = text[start]
        if byte < 0x80 && (start + 1 == text.count || text[start + 1] < 0x80) {
            if byte >= 0x30 && byte <= 0x39 { return .number }
            return byte == 0x28 ? .parenthesis : .other
        }
        let first = text.string(start..<text.count).first
        if first?.isNumber == true { return .number }
        return first == "(" ? .parenthesis : .other
    }

    /// How a printed factor begins, which decides its separator.
    private enum Opening {
        case number, parenthesis, other
    }

    /// What stands between two factors: a multiplication sign before a number, nothing where a person
    /// would juxtapose (2x, 2(o − t), σ(f)(1 − σ(f)), stacked fractions side by side), and the
    /// spelling's separator of adjacent factors elsewhere (two names, a number before a function name).
    private func separator(between left: Expression, and right: Expression, next: Opening) -> Separator {
        if right.constantValue != nil || next == .number { return .times }
        let stacked = spelling.stacksFractions
        if case .partial = right { return stacked ? .adjacentFactors : .times }
        if case .partial = left { return stacked ? .adjacentFactors : .times }
        if next == .parenthesis { return stacked ? .adjacentFactors : .nothing }
        if left.constantValue != nil {
            if case .application(let function, _) = right, !function.hasOwnBrackets { return .adjacentFactors }
            return stacked ? .adjacentFactors : .nothing
        }
        return .adjacentFactors
    }

    /// What stands between two factors: the spelling's multiplication sign, its separator of adjacent factors, or nothing.
    private enum Separator {
        case times, adjacentFactors, nothing
    }

    private func writeApplication(_ function: Function, _ arguments: [Expression], to output: inout UTF8Text) -> Double {
        if case .elementary(let elementary) = function, let argument = arguments.first {
            switch elementary {
            case .sqrt:
                let pieces = spelling.squareRoot
                output.append(pieces.open)
                let width = write(argument, to: &output, context: pieces.argumentIsAtom ? .atom : .sum)
                output.append(pieces.close)
                return self.width(of: function) + 2 + Self.argumentsWidth(width, arguments.dropFirst(), printer: self)
            case .abs:
                let pieces = spelling.absoluteValue
                output.append(pieces.open)
                let width = write(argument, to: &output)
                output.append(pieces.close)
                return self.width(of: function) + 2 + Self.argumentsWidth(width, arguments.dropFirst(), printer: self)
            case .step:
                output.append(spelling.indicator)
                let width = write(argument, to: &output)
                output.append(spelling.indicatorClosing)
                return self.width(of: function) + 2 + Self.argumentsWidth(width, arguments.dropFirst(), printer: self)
            default:
                break
            }
        }
        let nameWidth = append(function, to: &output)
        let tall = spelling.stacksFractions && arguments.contains(where: \.containsFraction)
        let parentheses = tall ? pieces.tallParentheses : pieces.parentheses
        output.append(parentheses.open)
        var width = 0.0
        for (index, argument) in arguments.enumerated() {
            if index > 0 { output.append(pieces.comma) }
            width = width + write(argument, to: &output) + 2
        }
        output.append(parentheses.close)
        return nameWidth + 2 + width
    }

    /// The width the arguments add to an application, `Σ (width + 2)` in order, when the first argument,
    /// of width `first`, has been written and the rest are only measured.
    private static func argumentsWidth(_ first: Double, _ rest: ArraySlice<Expression>, printer: MathPrinter) -> Double {
        rest.reduce(0 + first + 2) { $0 + printer.width(of: $1) + 2 }
    }

    private func writePartial(of quantity: Expression, _ variable: Expression, to output: inout UTF8Text) -> Double {
        let start = output.count
        if let depth = colorDepth, case .symbol(.loss) = quantity, case .symbol(.activation(let k, _)) = variable {
            // Nothing is written for a spelling without colours.
            cache.appendColorOpening(ofLayer: k, to: &output) { output in
                output.append(spelling.colorOpening(LayerPalette.color(ofLayer: k, depth: depth)) ?? "")
                return 0
            }
        }
        let isColored = output.count > start
        let partial = pieces.partial
        output.append(partial.open)
        let top = 1 + write(quantity, to: &output, context: .atom)
        output.append(partial.middle)
        let bottom = 1 + write(variable, to: &output, context: .atom)
        output.append(partial.close)
        if isColored { output.append(pieces.colorClosing) }
        return spelling.stacksFractions ? Swift.max(top, bottom) + 0.5 : top + bottom + 1
    }

    // MARK: - Precedence

    private func precedence(of expression: Expression) -> Precedence {
        switch expression {
        case .constant(let value): return value < 0 ? .prefix : .atom
        case .symbol, .application: return .atom
        case .sum(let terms): return terms.count > 1 ? .sum : terms.first.map(precedence(of:)) ?? .atom
        case .product(let factors):
            if factors.count == 1, let only = factors.first { return precedence(of: only) }
            return factors.first?.readsNegative == true ? .prefix : .product
        case .negation: return .prefix
        case .quotient, .partial: return spelling.stacksFractions ? .atom : .product
        case .power: return .power
        }
    }
}

extension Function {
    /// Whether the function is printed with brackets of its own rather than after its name: √, |x|, 𝟙[x > 0].
    var hasOwnBrackets: Bool {
        switch self {
        case .elementary(.sqrt), .elementary(.abs), .elementary(.step): return true
        default: return false
        }
    }
}
