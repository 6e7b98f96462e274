// MARK: - Simplifying constructors

extension Expression {
    /// The sum of `terms`, flattened, with zeros dropped and constants folded into one term.
    public static func sum(of terms: [Expression]) -> Expression {
        var kept: [Expression] = []
        var constant = 0.0
        var constantSlot: Int?
        for term in terms.flatMap(\.summands) {
            if let value = term.constantValue {
                constant += value
                if constantSlot == nil { constantSlot = kept.count }
            } else {
                kept.append(term)
            }
        }
        if constant != 0, let slot = constantSlot { kept.insert(.constant(constant), at: slot) }
        switch kept.count {
        case 0: return .zero
        case 1: return kept[0]
        default: return .sum(kept)
        }
    }

    /// The product of `factors`, flattened, with constants folded into one leading coefficient,
    /// 1s dropped, 0 absorbing, signs pulled out and quotients merged into one fraction.
    public static func product(of factors: [Expression]) -> Expression {
        var coefficient = 1.0
        var numerator: [Expression] = []
        var denominator: [Expression] = []
        var pending = factors
        pending.reverse()
        while let factor = pending.popLast() {
            switch factor {
            case .constant(let value): coefficient *= value
            case .product(let inner): pending.append(contentsOf: inner.reversed())
            case .negation(let inner):
                coefficient = -coefficient
                pending.append(inner)
            case .quotient(let top, let bottom):
                pending.append(top)
                denominator.append(bottom)
            default: numerator.append(factor)
            }
        }
        if coefficient == 0 { return .zero }
        if !denominator.isEmpty {
            let top = product(of: numerator)
            return quotient(of: coefficient == 1 ? top : product(of: [.constant(coefficient), top]), by: product(of: denominator))
        }
        let body: Expression
        switch numerator.count {
        case 0: return .constant(coefficient)
        case 1: body = numerator[0]
        default: body = .product(numerator)
        }
        if coefficient == 1 { return body }
        if coefficient == -1 { return .negation(body) }
        return .product([.constant(coefficient)] + numerator)
    }

    /// numerator / denominator, with constant denominators folded into the numerator's coefficient
    /// when that gives a whole number (2x/2 = x), division by 1 dropped and a negative sign written
    /// in front of the fraction (−t/o rather than (−t)/o).
    public static func quotient(of numerator: Expression, by denominator: Expression) -> Expression {
        guard let divisor = denominator.constantValue, divisor != 0 else {
            if numerator == .zero { return .zero }
            return fraction(numerator, denominator)
        }
        if divisor == 1 { return numerator }
        let (coefficient, rest) = numerator.splitCoefficient
        let folded = coefficient / divisor
        if folded == folded.rounded() || rest == .one {
            return product(of: [.constant(folded), rest])
        }
        return fraction(numerator, denominator)
    }

    /// The unfolded fraction numerator / denominator, as −(|numerator| / denominator) when the
    /// numerator's coefficient is negative.
    private static func fraction(_ numerator: Expression, _ denominator: Expression) -> Expression {
        let (coefficient, rest) = numerator.splitCoefficient
        guard coefficient < 0 else { return .quotient(numerator, denominator) }
        return .negation(.quotient(product(of: [.constant(-coefficient), rest]), denominator))
    }

    /// base^exponent, with x¹ = x, x⁰ = 1 and constant powers folded.
    public static func power(_ base: Expression, raisedTo exponent: Expression) -> Expression {
        if exponent == .one { return base }
        if exponent == .zero { return .one }
        if let b = base.constantValue, let e = exponent.constantValue {
            let value = CMath.pow(b, e)
            if value.isFinite { return .constant(value) }
        }
        return .power(base, exponent)
    }

    /// −operand, with double negation removed and constants negated.
    public static func negate(_ operand: Expression) -> Expression {
        product(of: [.constant(-1), operand])
    }

    /// The summands of a sum, or the expression itself.
    public var summands: [Expression] {
        if case .sum(let terms) = self { return terms }
        return [self]
    }

    /// The expression as `coefficient · rest`.
    var splitCoefficient: (Double, Expression) {
        switch self {
        case .constant(let value): return (value, .one)
        case .negation(let inner):
            let (c, rest) = inner.splitCoefficient
            return (-c, rest)
        case .product(let factors):
            if let first = factors.first?.constantValue {
                return (first, Expression.product(of: Array(factors.dropFirst())))
            }
            return (1, self)
        default: return (1, self)
        }
    }
}

// MARK: - Operators

extension Expression {
    /// The simplified sum `lhs + rhs`.
    public static func + (lhs: Expression, rhs: Expression) -> Expression { sum(of: [lhs, rhs]) }
    /// The simplified difference `lhs − rhs`.
    public static func - (lhs: Expression, rhs: Expression) -> Expression { sum(of: [lhs, negate(rhs)]) }
    /// The simplified product `lhs · rhs`.
    public static func * (lhs: Expression, rhs: Expression) -> Expression { product(of: [lhs, rhs]) }
    /// The simplified quotient `lhs / rhs`.
    public static func / (lhs: Expression, rhs: Expression) -> Expression { quotient(of: lhs, by: rhs) }
    /// The simplified negation `−operand`.
    public static prefix func - (operand: Expression) -> Expression { negate(operand) }
}

extension Expression: ExpressibleByFloatLiteral, ExpressibleByIntegerLiteral {
    /// A constant written as a floating-point literal.
    public init(floatLiteral value: Double) { self = .constant(value) }
    /// A constant written as an integer literal.
    public init(integerLiteral value: Int) { self = .constant(Double(value)) }
}

