import BackpropKit

/// Prints expressions as LaTeX math or Unicode text, naming symbols through a ``Notation``
/// and writing numbers through a ``NumberFormat``. Parentheses come from ``Precedence`` alone.
public struct ExpressionPrinter {
    /// The syntax written.
    public let syntax: MathSyntax
    /// How symbols are named.
    public let notation: any Notation
    /// How numbers are written.
    public let numbers: NumberFormat
    /// When set, ∂δ/∂o_{k,j} is coloured with the colour of layer k in a network of this depth.
    public let colorDepth: Int?
    /// Symbols and numbers already printed.
    let cache = PrintCache()

    /// A printer for `syntax`.
    public init(syntax: MathSyntax, notation: any Notation, numbers: NumberFormat = .roundTrip, colorDepth: Int? = nil) {
        self.syntax = syntax
        self.notation = notation
        self.numbers = numbers
        self.colorDepth = colorDepth
    }

    /// The expression printed.
    public func string(_ expression: Expression) -> String {
        var output = ""
        write(expression, to: &output)
        return output
    }

    /// The terms of a top-level sum, each after the first with its sign (`+ x`, `− y`), for breaking long lines.
    public func terms(_ expression: Expression) -> [String] {
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
    public func write(_ symbol: Symbol, to output: inout String) {
        output += printed(symbol).text
    }

    /// A blank for a student to fill in: a rule long enough to write a formula or a number on.
    public var blank: String {
        switch syntax {
        case .latex: return "\\underline{\\hspace{3.5cm}}"
        case .markdownMath: return "\\underline{\\qquad\\qquad\\qquad\\qquad}"
        case .unicode: return "______________"
        }
    }

    /// The symbol's name as printed, with its estimated width.
    func printed(_ symbol: Symbol) -> PrintCache.Entry {
        cache.symbol(symbol) {
            let name = notation.name(of: symbol)
            var text = ""
            write(name, to: &text)
            return PrintCache.Entry(text: text, width: width(of: name))
        }
    }

    /// The number as printed, with its estimated width.
    func printed(_ value: Double) -> PrintCache.Entry {
        cache.number(value) {
            let (mantissa, exponent) = numbers.parts(value)
            let signed = mantissa.hasPrefix("-") ? minus + mantissa.dropFirst() : mantissa
            let width = Double(mantissa.utf8.count) + (exponent == 0 ? 0 : 4 + (exponent < 0 ? 2.1 : 1.4))
            guard exponent != 0 else { return PrintCache.Entry(text: signed, width: width) }
            if syntax.isLaTeX { return PrintCache.Entry(text: "\(signed) \\times 10^{\(exponent)}", width: width) }
            let power = UnicodeScripts.superscripted(String(exponent)) ?? "^\(exponent)"
            return PrintCache.Entry(text: "\(signed)×10" + power, width: width)
        }
    }

    /// Writes `expression`, parenthesised if it binds more loosely than `context`.
    func write(_ expression: Expression, to output: inout String, context: Precedence = .sum) {
        guard precedence(of: expression) < context else {
            writeBare(expression, to: &output)
            return
        }
        let grows = syntax.isLaTeX && expression.containsFraction
        output += grows ? "\\left(" : "("
        writeBare(expression, to: &output)
        output += grows ? "\\right)" : ")"
    }

    // MARK: - Nodes

    private func writeBare(_ expression: Expression, to output: inout String) {
        switch expression {
        case .constant(let value):
            writeNumber(value, to: &output)
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
            output += minus
            write(operand, to: &output, context: .product)
        case .quotient(let numerator, let denominator):
            if syntax.isLaTeX {
                output += "\\frac{"
                write(numerator, to: &output)
                output += "}{"
                write(denominator, to: &output)
                output += "}"
            } else {
                write(numerator, to: &output, context: .power)
                output += "/"
                write(denominator, to: &output, context: .power)
            }
        case .power(let base, let exponent):
            if let value = base.constantValue, numbers.parts(value).exponent != 0 {
                output += "("
                writeNumber(value, to: &output)
                output += ")"
            } else {
                write(base, to: &output, context: .atom)
            }
            writeExponent(exponent, to: &output)
        case .application(let function, let arguments):
            writeApplication(function, arguments, to: &output)
        case .partial(let of, let variable):
            writePartial(of: of, variable, to: &output)
        }
    }

    /// Writes a term after the first of a sum as `+ x` or `− y`.
    private func writeSignedTerm(_ term: Expression, to output: inout String) {
        if let positive = term.negated {
            output += "\(minus) "
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

    /// Juxtaposition where a person would write it (2x, 2(o − t), σ(f)(1 − σ(f))), a centred dot elsewhere.
    private func separator(between left: Expression, and right: Expression, next: String) -> String {
        let rightIsNumber = right.constantValue != nil || next.first?.isNumber == true
        if rightIsNumber { return syntax.isLaTeX ? " \\cdot " : " · " }
        if syntax.isLaTeX { return " " }
        if case .partial = right { return " · " }
        if case .partial = left { return " · " }
        if left.constantValue != nil || next.first == "(" { return "" }
        return " · "
    }

    private func writeExponent(_ exponent: Expression, to output: inout String) {
        if syntax.isLaTeX {
            output += "^{"
            write(exponent, to: &output)
            output += "}"
            return
        }
        let text = string(exponent)
        if let superscript = UnicodeScripts.superscripted(text) {
            output += superscript
        } else {
            output += "^"
            write(exponent, to: &output, context: .atom)
        }
    }

    private func writeApplication(_ function: Function, _ arguments: [Expression], to output: inout String) {
        if case .elementary(let elementary) = function {
            switch elementary {
            case .sqrt where syntax.isLaTeX:
                output += "\\sqrt{"
                write(arguments[0], to: &output)
                output += "}"
                return
            case .sqrt:
                output += "√"
                write(arguments[0], to: &output, context: .atom)
                return
            case .abs:
                output += syntax.isLaTeX ? "\\left|" : "|"
                write(arguments[0], to: &output)
                output += syntax.isLaTeX ? "\\right|" : "|"
                return
            case .step:
                output += syntax.isLaTeX ? "\\mathbf{1}[" : "𝟙["
                write(arguments[0], to: &output)
                output += " > 0]"
                return
            default:
                break
            }
        }
        write(notation.name(of: function), to: &output)
        let grows = syntax.isLaTeX && arguments.contains(where: \.containsFraction)
        output += grows ? "\\left(" : "("
        for (index, argument) in arguments.enumerated() {
            if index > 0 { output += ", " }
            write(argument, to: &output)
        }
        output += grows ? "\\right)" : ")"
    }

    private func writePartial(of quantity: Expression, _ variable: Expression, to output: inout String) {
        var color: String?
        if let depth = colorDepth, syntax.isLaTeX, case .symbol(.loss) = quantity, case .symbol(.activation(let k, _)) = variable {
            color = LayerPalette.color(ofLayer: k, depth: depth)
        }
        if let color { output += syntax == .latex ? "\\textcolor{" + color + "}{" : "{\\color{" + color + "}" }
        output += syntax.isLaTeX ? "\\frac{\\partial " : "∂"
        write(quantity, to: &output, context: .atom)
        output += syntax.isLaTeX ? "}{\\partial " : "/∂"
        write(variable, to: &output, context: .atom)
        if syntax.isLaTeX { output += "}" }
        if color != nil { output += "}" }
    }

    // MARK: - Names and numbers

    func write(_ name: SymbolName, to output: inout String) {
        if syntax.isLaTeX {
            if name.isOperator {
                output += "\\operatorname{\(name.latex)}"
            } else {
                output += name.latex
            }
            if !name.subscripts.isEmpty {
                output += "_{"
                for (index, part) in name.subscripts.enumerated() {
                    if index > 0 { output += "," }
                    output += part
                }
                output += "}"
            }
            if let superscript = name.superscript { output += "^{\(superscript)}" }
            return
        }
        output += name.unicode
        if let superscript = name.superscript { output += UnicodeScripts.superscripted(superscript) ?? "^\(superscript)" }
        guard !name.subscripts.isEmpty else { return }
        let joined = name.subscripts.joined(separator: ",")
        output += UnicodeScripts.subscripted(joined) ?? "_(\(joined))"
    }

    private func writeNumber(_ value: Double, to output: inout String) {
        output += printed(value).text
    }

    private var minus: String { syntax.isLaTeX ? "-" : "−" }

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
        case .quotient: return syntax.isLaTeX ? .atom : .product
        case .power: return .power
        case .partial: return syntax.isLaTeX ? .atom : .product
        }
    }
}

extension Expression {
    /// Whether a fraction or a partial derivative occurs, which LaTeX sets taller than a line.
    var containsFraction: Bool {
        switch self {
        case .constant, .symbol: return false
        case .quotient, .partial: return true
        case .sum(let children), .product(let children), .application(_, let children): return children.contains(where: \.containsFraction)
        case .power(let base, let exponent): return base.containsFraction || exponent.containsFraction
        case .negation(let operand): return operand.containsFraction
        }
    }

    /// For a term that reads with a leading minus (−x, −2x, a negative number, (−a)/b), the term without it.
    var negated: Expression? {
        switch self {
        case .constant(let value) where value < 0: return .constant(-value)
        case .negation(let operand): return operand
        case .product(let factors):
            guard let first = factors.first, let positive = first.negated else { return nil }
            if positive == .one && factors.count > 1 { return .product(Array(factors.dropFirst())) }
            return .product([positive] + factors.dropFirst())
        case .quotient(let numerator, let denominator):
            return numerator.negated.map { .quotient($0, denominator) }
        default: return nil
        }
    }
}
