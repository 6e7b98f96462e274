/// A concrete scalar function of one argument whose value and derivative are known.
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
}
