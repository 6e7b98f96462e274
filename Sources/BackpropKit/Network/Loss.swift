/// The loss δ_j = loss(o_{n,j}, t_j) of one output neuron; the network's loss is δ = Σ_j δ_j.
public enum Loss: String, CaseIterable, Sendable, Codable {
    /// (o − t)².
    case squared
    /// (o − t)² / 2.
    case halfSquared = "half-squared"
    /// Binary cross-entropy −(t log o + (1 − t) log(1 − o)), for outputs in (0, 1).
    case crossEntropy = "cross-entropy"
    /// The categorical cross-entropy term −t log o, for a softmax output layer.
    case categoricalCrossEntropy = "categorical-cross-entropy"

    /// The concrete tree of loss(`output`, `target`).
    package func expression(output o: Expression, target t: Expression) -> Expression {
        switch self {
        case .squared:
            return .power(o - t, 2)
        case .halfSquared:
            return .quotient(.power(o - t, 2), 2)
        case .crossEntropy:
            return -(t * .apply(.log, o) + (1 - t) * .apply(.log, 1 - o))
        case .categoricalCrossEntropy:
            return -(t * .apply(.log, o))
        }
    }

    /// Whether the loss takes the logarithm of the outputs, so they must lie in (0, 1).
    package var needsProbabilities: Bool {
        self == .crossEntropy || self == .categoricalCrossEntropy
    }
}
