// MARK: - Evaluation

extension Expression {
    /// The value of the expression with every symbol replaced by its value in `bindings`.
    /// - Parameter bindings: The value of each symbol, or `nil` when it has none.
    /// - Returns: The finite value.
    /// - Throws: ``EvaluationError`` for an unbound symbol, a point outside a function's domain,
    ///   a division by zero or an overflow.
    public func evaluate(_ bindings: (Symbol) -> Double?) throws(EvaluationError) -> Double {
        let value: Double
        switch self {
        case .constant(let constant):
            value = constant
        case .symbol(let symbol):
            guard let bound = bindings(symbol) else { throw .unbound(symbol) }
            value = bound
        case .sum(let terms):
            var total = 0.0
            for term in terms { total += try term.evaluate(bindings) }
            value = total
        case .product(let factors):
            var total = 1.0
            for factor in factors { total *= try factor.evaluate(bindings) }
            value = total
        case .negation(let operand):
            value = -(try operand.evaluate(bindings))
        case .quotient(let numerator, let denominator):
            let bottom = try denominator.evaluate(bindings)
            guard bottom != 0 else { throw .divisionByZero }
            value = try numerator.evaluate(bindings) / bottom
        case .power(let base, let exponent):
            let b = try base.evaluate(bindings)
            let e = try exponent.evaluate(bindings)
            if b < 0 && e != e.rounded() { throw .outsideDomain(function: "a fractional power", argument: b) }
            if b == 0 && e < 0 { throw .divisionByZero }
            value = CMath.pow(b, e)
        case .application(.elementary(let function), let arguments):
            guard arguments.count == 1 else { throw .abstract }
            value = try function.value(at: arguments[0].evaluate(bindings))
        case .application(.softmax(let index), let arguments):
            var inputs: [Double] = []
            inputs.reserveCapacity(arguments.count)
            for argument in arguments { inputs.append(try argument.evaluate(bindings)) }
            guard inputs.indices.contains(index) else { throw .abstract }
            value = Softmax.values(of: inputs)[index]
        case .application(.maximum, let arguments):
            guard var largest = try arguments.first?.evaluate(bindings) else { throw .abstract }
            for argument in arguments.dropFirst() { largest = Swift.max(largest, try argument.evaluate(bindings)) }
            value = largest
        case .application, .partial:
            throw .abstract
        }
        guard value.isFinite else { throw .notFinite }
        return value
    }

    /// The value of the expression under a dictionary of bindings.
    public func evaluate(_ bindings: [Symbol: Double]) throws(EvaluationError) -> Double {
        try evaluate { bindings[$0] }
    }
}


/// The softmax function s_j(x) = e^{x_j} / Σ_m e^{x_m}.
package enum Softmax {
    /// All components of softmax(x), computed after subtracting max(x) so no exponential overflows.
    package static func values(of inputs: [Double]) -> [Double] {
        guard let largest = inputs.max() else { return [] }
        let exponentials = inputs.map { CMath.exp($0 - largest) }
        let total = exponentials.reduce(0, +)
        return exponentials.map { $0 / total }
    }
}
