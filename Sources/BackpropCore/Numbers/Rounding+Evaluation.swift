extension Rounding {
    /// The value of `expression` with every symbol replaced by its value in `bindings`, rounded.
    ///
    /// A rounded value is computed in decimal from the printed digits of its numbers: sums, differences,
    /// products, integer powers, relu, the leaky rectifier and |x| exactly, quotients to 18 digits, the other
    /// functions (σ, tanh, exp, log, ...) in binary at their decimal argument. The result is rounded half
    /// away from zero, so 2(0.5247 − 0.45) is 0.1494 and (0.5 − 0.45)² is 0.003 at one digit. An exact
    /// rounding evaluates in binary, as ``Expression/evaluate(_:)-(Symbol)->Double?`` does.
    /// - Throws: ``EvaluationError`` for an unbound symbol, a point outside a function's domain, a division
    ///   by zero or an overflow.
    public func value(of expression: Expression, _ bindings: (Symbol) -> Double?) throws(EvaluationError) -> Double {
        guard let digits = significantDigits else { return try expression.evaluate(bindings) }
        // Operands of at most 9 digits lose at most 10⁻⁷ of the result to cancellation in binary: a result
        // farther than 10⁻⁶ from a tie rounds as its exact decimal does.
        let binary = try expression.evaluate(bindings)
        if digits <= 9, let rounded = Self.rounded(binary, to: digits, unlessWithin: 1e-6 * Swift.abs(binary)) { return rounded }
        if let decimal = try Self.decimalValue(of: expression, bindings), let rounded = decimal.rounded(to: digits) {
            return rounded
        }
        return self(binary)
    }

    /// The value of `expression` in decimal, or `nil` when a number on the way has no decimal (out of range).
    private static func decimalValue(of expression: Expression, _ bindings: (Symbol) -> Double?) throws(EvaluationError) -> ExactDecimal? {
        switch expression {
        case .constant(let constant):
            return ExactDecimal(constant)
        case .symbol(let symbol):
            guard let bound = bindings(symbol) else { throw .unbound(symbol) }
            return ExactDecimal(bound)
        case .sum(let terms):
            var total = ExactDecimal.zero
            for term in terms {
                guard let value = try decimalValue(of: term, bindings), let sum = total + value else { return nil }
                total = sum
            }
            return total
        case .product(let factors):
            var total = ExactDecimal.one
            for factor in factors {
                guard let value = try decimalValue(of: factor, bindings), let product = total * value else { return nil }
                total = product
            }
            return total
        case .negation(let operand):
            return try decimalValue(of: operand, bindings).map { -$0 }
        case .quotient(let numerator, let denominator):
            guard let bottom = try decimalValue(of: denominator, bindings) else { return nil }
            guard !bottom.isZero else { throw .divisionByZero }
            guard let top = try decimalValue(of: numerator, bindings) else { return nil }
            return top / bottom
        case .power(let base, let exponent):
            guard let b = try decimalValue(of: base, bindings), let e = try exponent.evaluate(bindings).exactInteger,
                  Swift.abs(e) <= 64 else { return binary(expression, bindings) }
            if b.isZero && e < 0 { throw .divisionByZero }
            var result = ExactDecimal.one
            for _ in 0..<Swift.abs(e) {
                guard let product = result * b else { return nil }
                result = product
            }
            return e < 0 ? ExactDecimal.one / result : result
        case .application(.elementary(let function), let arguments) where arguments.count == 1:
            guard let x = try decimalValue(of: arguments[0], bindings) else { return nil }
            switch function {
            case .relu: return ExactDecimal.zero < x ? x : .zero
            case .abs: return x < .zero ? -x : x
            case .leakyRelu: return ExactDecimal.zero < x ? x : ExactDecimal.leakySlope * x
            default:
                guard let argument = x.double else { return nil }
                return ExactDecimal(try function.value(at: argument))
            }
        case .application(.maximum, let arguments) where !arguments.isEmpty:
            var largest: ExactDecimal?
            for argument in arguments {
                guard let value = try decimalValue(of: argument, bindings) else { return nil }
                if let current = largest, !(current < value) { continue }
                largest = value
            }
            return largest
        default:
            return binary(expression, bindings)
        }
    }

    /// A part of an expression evaluated in binary (softmax, a fractional power), as a decimal.
    private static func binary(_ expression: Expression, _ bindings: (Symbol) -> Double?) -> ExactDecimal? {
        (try? expression.evaluate(bindings)).flatMap(ExactDecimal.init)
    }
}

private extension Double {
    /// The value as an integer, when it is one.
    var exactInteger: Int? {
        guard self == rounded(), Swift.abs(self) < 1e9 else { return nil }
        return Int(self)
    }
}
