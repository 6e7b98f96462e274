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

    /// A printer writing `spelling`.
    /// - Parameters:
    ///   - spelling: The syntax: `LaTeXMath()` or `UnicodeMath()`.
    ///   - notation: How symbols are named, such as `NoteNotation(depth: 3)`.
    ///   - numbers: How numbers are written; the shortest round-trip form unless given digits.
    ///   - colorDepth: The depth of the network whose layers colour ∂δ/∂o_{k,j}, or `nil` for no colour.
    public init(_ spelling: Spelling, notation: any Notation, numbers: NumberFormat = .roundTrip, colorDepth: Int? = nil) {
        self.spelling = spelling
        self.notation = notation
        self.numbers = numbers
        self.colorDepth = colorDepth
    }

    /// The expression printed in this syntax, e.g. `\frac{\partial \delta}{\partial o_{n,1}}` or `∂δ/∂oₙ,₁`.
    /// - Parameter expression: A symbol, a form of a step, or any expression tree.
    /// - Returns: The printed text, on one line.
    public func string(_ expression: Expression) -> String {
        var output = ""
        write(expression, to: &output)
        return output
    }

    /// The terms of a top-level sum, each after the first with its sign (`+ x`, `− y`), for breaking long lines.
    package func terms(_ expression: Expression) -> [String] {
        guard case .sum(let terms) = expression, terms.count > 1 else { return [string(expression)] }
        return terms.enumerated().map { index, term in
            var output = ""
            if index == 0 {
                write(term, to: &output, context: .sum)
            } else {
                writeSignedTerm(term, to: &output)
            }
            return output
        }
    }

    /// Writes the symbol's name.
    package func write(_ symbol: Symbol, to output: inout String) {
        output += printed(symbol).text
    }

    /// Writes a name as this syntax spells it.
    package func write(_ name: SymbolName, to output: inout String) {
        spelling.write(name, to: &output)
    }

    /// A blank for a student to fill in.
    package var blank: String { spelling.blank }

    /// The symbol's name as printed, with its estimated width.
    func printed(_ symbol: Symbol) -> PrintCache.Entry {
        cache.symbol(symbol) {
            let name = notation.name(of: symbol)
            var text = ""
            spelling.write(name, to: &text)
            return PrintCache.Entry(text: text, width: width(of: name))
        }
    }

    /// The number as printed, with its estimated width.
    func printed(_ value: Double) -> PrintCache.Entry {
        cache.number(value) {
            let (mantissa, exponent) = numbers.parts(value)
            let signed = mantissa.hasPrefix("-") ? spelling.minus + mantissa.dropFirst() : mantissa
            let width = Double(mantissa.utf8.count) + (exponent == 0 ? 0 : 4 + (exponent < 0 ? 2.1 : 1.4))
            return PrintCache.Entry(text: exponent == 0 ? signed : spelling.scientific(signed, exponent: exponent), width: width)
        }
    }

    /// Writes `expression`, parenthesised if it binds more loosely than `context`.
    func write(_ expression: Expression, to output: inout String, context: Precedence = .sum) {
        guard precedence(of: expression) < context else {
            writeBare(expression, to: &output)
            return
        }
        let tall = spelling.stacksFractions && expression.containsFraction
        output += spelling.openParenthesis(tall: tall)
        writeBare(expression, to: &output)
        output += spelling.closeParenthesis(tall: tall)
    }

    // MARK: - Nodes

    private func writeBare(_ expression: Expression, to output: inout String) {
        switch expression {
        case .constant(let value):
            output += printed(value).text
        case .symbol(let symbol):
            write(symbol, to: &output)
        case .sum(let terms):
            for (index, term) in terms.enumerated() {
                if index == 0 {
                    write(term, to: &output, context: .sum)
                } else {
                    output += " "
                    writeSignedTerm(term, to: &output)
                }
            }
        case .product(let factors):
            writeProduct(factors, to: &output)
        case .negation(let operand):
            output += spelling.minus
            write(operand, to: &output, context: .product)
        case .quotient(let numerator, let denominator):
            let pieces = spelling.fraction
            let context: Precedence = spelling.stacksFractions ? .sum : .power
            output += pieces.open
            write(numerator, to: &output, context: context)
            output += pieces.middle
            write(denominator, to: &output, context: context)
            output += pieces.close
        case .power(let base, let exponent):
            if let value = base.constantValue, numbers.parts(value).exponent != 0 {
                output += "("
                output += printed(value).text
                output += ")"
            } else {
                write(base, to: &output, context: .atom)
            }
            spelling.writeExponent(string(exponent), atom: {
                var atom = ""
                write(exponent, to: &atom, context: .atom)
                return atom
            }, to: &output)
        case .application(let function, let arguments):
            writeApplication(function, arguments, to: &output)
        case .partial(let of, let variable):
            writePartial(of: of, variable, to: &output)
        }
    }

    /// Writes a term after the first of a sum as `+ x` or `− y`.
    private func writeSignedTerm(_ term: Expression, to output: inout String) {
        if let positive = term.negated {
            output += spelling.minus
            output += " "
            write(positive, to: &output, context: .product)
        } else {
            output += "+ "
            write(term, to: &output, context: .sum)
        }
    }

    private func writeProduct(_ factors: [Expression], to output: inout String) {
        var previous: Expression?
        for (index, factor) in factors.enumerated() {
            var piece = ""
            write(factor, to: &piece, context: index == 0 ? .prefix : .product)
            if let previous {
                output += separator(between: previous, and: factor, next: piece)
            }
            output += piece
            previous = factor
        }
    }

    /// What stands between two factors: a multiplication sign before a number, nothing where a person
    /// would juxtapose (2x, 2(o − t), σ(f)(1 − σ(f)), stacked fractions side by side), and the
    /// spelling's separator of adjacent factors elsewhere (two names, a number before a function name).
    private func separator(between left: Expression, and right: Expression, next: String) -> String {
        if right.constantValue != nil || next.first?.isNumber == true { return spelling.times }
        let stacked = spelling.stacksFractions
        if case .partial = right { return stacked ? spelling.adjacentFactors : spelling.times }
        if case .partial = left { return stacked ? spelling.adjacentFactors : spelling.times }
        if next.first == "(" { return stacked ? spelling.adjacentFactors : "" }
        if left.constantValue != nil {
            if case .application(let function, _) = right, !function.hasOwnBrackets { return spelling.adjacentFactors }
            return stacked ? spelling.adjacentFactors : ""
        }
        return spelling.adjacentFactors
    }

    private func writeApplication(_ function: Function, _ arguments: [Expression], to output: inout String) {
        if case .elementary(let elementary) = function, let argument = arguments.first {
            switch elementary {
            case .sqrt:
                let pieces = spelling.squareRoot
                output += pieces.open
                write(argument, to: &output, context: pieces.argumentIsAtom ? .atom : .sum)
                output += pieces.close
                return
            case .abs:
                let pieces = spelling.absoluteValue
                output += pieces.open
                write(argument, to: &output)
                output += pieces.close
                return
            case .step:
                output += spelling.indicator
                write(argument, to: &output)
                output += " > 0]"
                return
            default:
                break
            }
        }
        spelling.write(notation.name(of: function), to: &output)
        let tall = spelling.stacksFractions && arguments.contains(where: \.containsFraction)
        output += spelling.openParenthesis(tall: tall)
        for (index, argument) in arguments.enumerated() {
            if index > 0 { output += ", " }
            write(argument, to: &output)
        }
        output += spelling.closeParenthesis(tall: tall)
    }

    private func writePartial(of quantity: Expression, _ variable: Expression, to output: inout String) {
        var opening: String?
        if let depth = colorDepth, case .symbol(.loss) = quantity, case .symbol(.activation(let k, _)) = variable {
            opening = spelling.colorOpening(LayerPalette.color(ofLayer: k, depth: depth))
        }
        if let opening { output += opening }
        let pieces = spelling.partial
        output += pieces.open
        write(quantity, to: &output, context: .atom)
        output += pieces.middle
        write(variable, to: &output, context: .atom)
        output += pieces.close
        if opening != nil { output += "}" }
    }

    // MARK: - Precedence

    private func precedence(of expression: Expression) -> Precedence {
        switch expression {
        case .constant(let value): return value < 0 ? .prefix : .atom
        case .symbol, .application: return .atom
        case .sum(let terms): return terms.count > 1 ? .sum : terms.first.map(precedence(of:)) ?? .atom
        case .product(let factors):
            if factors.count == 1, let only = factors.first { return precedence(of: only) }
            return factors.first?.negated != nil ? .prefix : .product
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
