/// A concrete scalar function of one argument whose value and derivative are known.
///
/// A new function (and with it a new activation) is one case here, with its value and its derivative
/// written in this file; the derivation, every format and the finite-difference tests pick it up.
public enum ElementaryFunction: String, CaseIterable, Hashable, Sendable {
    /// eˣ.
    case exp
    /// The natural logarithm, defined for x > 0.
    case log
    /// √x, defined for x ≥ 0 (its derivative for x > 0).
    case sqrt
    /// sin x.
    case sin
    /// cos x.
    case cos
    /// tanh x.
    case tanh
    /// The logistic function σ(x) = 1 / (1 + e⁻ˣ).
    case sigmoid
    /// max(0, x).
    case relu
    /// The leaky rectifier: x for x > 0, 0.01·x otherwise.
    case leakyRelu = "leaky-relu"
    /// log(1 + eˣ).
    case softplus
    /// |x|.
    case abs
    /// The indicator 𝟙[x > 0]: the derivative of relu, taken as 0 at exactly 0.
    case step

    /// The slope of the leaky rectifier for x ≤ 0.
    public static let leakySlope = 0.01

    /// Whether expressions may call the function by its name (`--expr`): the functions a student writes,
    /// not the helpers derivatives are made of.
    package var isWrittenInExpressions: Bool { self != .leakyRelu && self != .step }
}

// MARK: - Value

extension ElementaryFunction {
    /// f(x), computed in a numerically stable way (σ and softplus never overflow for large |x|).
    /// - Throws: ``EvaluationError/outsideDomain(function:argument:)`` outside the domain.
    package func value(at x: Double) throws(EvaluationError) -> Double {
        switch self {
        case .exp: return CMath.exp(x)
        case .log:
            guard x > 0 else { throw .outsideDomain(function: "log", argument: x) }
            return CMath.log(x)
        case .sqrt:
            guard x >= 0 else { throw .outsideDomain(function: "sqrt", argument: x) }
            return x.squareRoot()
        case .sin: return CMath.sin(x)
        case .cos: return CMath.cos(x)
        case .tanh: return CMath.tanh(x)
        case .sigmoid:
            if x >= 0 { return 1 / (1 + CMath.exp(-x)) }
            let e = CMath.exp(x)
            return e / (1 + e)
        case .relu: return Swift.max(0, x)
        case .leakyRelu: return x > 0 ? x : Self.leakySlope * x
        case .softplus: return Swift.max(x, 0) + CMath.log1p(CMath.exp(-Swift.abs(x)))
        case .abs: return Swift.abs(x)
        case .step: return x > 0 ? 1 : 0
        }
    }
}

// MARK: - Derivative

extension ElementaryFunction {
    /// The derivative f'(x) written in terms of `argument`.
    package func derivative(at argument: Expression) -> BackpropCore.Expression {
        let x: BackpropCore.Expression = argument
        switch self {
        case .exp: return .apply(.exp, x)
        case .log: return 1 / x
        case .sqrt: return 1 / (2 * .apply(.sqrt, x))
        case .sin: return .apply(.cos, x)
        case .cos: return -.apply(.sin, x)
        case .tanh: return 1 - .power(.apply(.tanh, x), raisedTo: 2)
        case .sigmoid: return .apply(.sigmoid, x) * (1 - .apply(.sigmoid, x))
        case .relu: return .apply(.step, x)
        case .leakyRelu:
            return .constant(Self.leakySlope) + .constant(1 - Self.leakySlope) * .apply(.step, x)
        case .softplus: return .apply(.sigmoid, x)
        case .abs: return x / .apply(.abs, x)
        case .step: return .zero
        }
    }
}
