// MARK: - Symbolic differentiation

extension Expression {
    /// The partial derivative ∂self/∂`variable`, simplified.
    ///
    /// Concrete functions use their known derivatives (σ' = σ(1 − σ), log' = 1/x, ...);
    /// abstract ones (g_k, loss) yield partial-derivative nodes such as ∂g_k(f)/∂f, so the general
    /// and the concrete forms of a derivation come from the same rules.
    /// - Parameter variable: The symbol to differentiate with respect to; every other symbol is constant.
    /// - Returns: The simplified derivative.
    public func derivative(withRespectTo variable: Symbol) -> Expression {
        switch self {
        case .constant, .partial:
            return .zero
        case .symbol(let symbol):
            return symbol == variable ? .one : .zero
        case .sum(let terms):
            return .sum(of: terms.map { $0.derivative(withRespectTo: variable) })
        case .product(let factors):
            var terms: [Expression] = []
            for index in factors.indices {
                let inner = factors[index].derivative(withRespectTo: variable)
                if inner == .zero { continue }
                var replaced = factors
                replaced[index] = inner
                terms.append(.product(of: replaced))
            }
            return .sum(of: terms)
        case .negation(let operand):
            return .negate(operand.derivative(withRespectTo: variable))
        case .quotient(let numerator, let denominator):
            let top = numerator.derivative(withRespectTo: variable)
            let bottom = denominator.derivative(withRespectTo: variable)
            if bottom == .zero { return .quotient(of: top, by: denominator) }
            return .quotient(of: top * denominator - numerator * bottom, by: .power(denominator, raisedTo: 2))
        case .power(let base, let exponent):
            let baseDerivative = base.derivative(withRespectTo: variable)
            let exponentDerivative = exponent.derivative(withRespectTo: variable)
            if exponentDerivative == .zero {
                if baseDerivative == .zero { return .zero }
                return .product(of: [exponent, .power(base, raisedTo: exponent - 1), baseDerivative])
            }
            let logBase = Expression.apply(.log, base)
            return .product(of: [self, exponentDerivative * logBase + exponent * baseDerivative / base])
        case .application(let function, let arguments):
            var terms: [Expression] = []
            for index in arguments.indices {
                let inner = arguments[index].derivative(withRespectTo: variable)
                if inner == .zero { continue }
                terms.append(.product(of: [localDerivative(of: function, arguments: arguments, argument: index), inner]))
            }
            return .sum(of: terms)
        }
    }

    /// ∂function(arguments)/∂arguments[argument]: a formula for concrete functions,
    /// a partial-derivative node for abstract ones.
    private func localDerivative(of function: Function, arguments: [Expression], argument: Int) -> Expression {
        switch function {
        case .elementary(let elementary):
            return elementary.derivative(at: arguments[0])
        case .activation, .loss, .maximum, .quantity:
            return .partial(of: self, withRespectTo: arguments[argument])
        case .softmax(let index):
            // ∂s_j/∂x_m = s_j (𝟙[j = m] − s_m)
            let own = Expression.application(.softmax(index: index), arguments)
            if index == argument { return own * (1 - own) }
            return -(own * .application(.softmax(index: argument), arguments))
        }
    }
}

