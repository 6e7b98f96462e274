import BackpropKit

// MARK: - Estimated width

extension MathPrinter {
    /// The printed width of `expression` in characters, estimated from the tree (a stacked fraction is
    /// as wide as the wider of its numerator and denominator; subscripts count at 0.7).
    func width(of expression: Expression) -> Double {
        switch expression {
        case .constant(let value):
            return width(of: value)
        case .symbol(let symbol):
            return width(of: symbol)
        case .sum(let terms):
            return terms.reduce(0) { $0 + width(of: $1) } + 3 * Double(terms.count - 1)
        case .product(let factors):
            return factors.reduce(0) { $0 + width(of: $1) } + pieces.adjacentFactorsWidth * Double(factors.count - 1) + 2
        case .negation(let operand):
            return 1 + width(of: operand)
        case .quotient(let top, let bottom):
            return spelling.stacksFractions ? Swift.max(width(of: top), width(of: bottom)) + 0.5 : width(of: top) + width(of: bottom) + 3
        case .power(let base, let exponent):
            return width(of: base) + 0.7 * width(of: exponent) + 2
        case .application(let function, let arguments):
            return width(of: function) + 2 + arguments.reduce(0) { $0 + width(of: $1) + 2 }
        case .partial(let quantity, let variable):
            let top = 1 + width(of: quantity), bottom = 1 + width(of: variable)
            return spelling.stacksFractions ? Swift.max(top, bottom) + 0.5 : top + bottom + 1
        }
    }

    /// The printed width of a name: its base, and its scripts at 0.7.
    func width(of name: SymbolName) -> Double {
        let base = Double(name.unicode.unicodeScalars.count)
        var scripts = name.subscripts.count - 1 + (name.superscript?.utf8.count ?? 0)
        for part in name.subscripts { scripts += part.utf8.count }
        return base + 0.7 * Double(Swift.max(scripts, 0))
    }
}
