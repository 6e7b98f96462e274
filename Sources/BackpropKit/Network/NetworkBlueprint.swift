/// The shape of a network and the seed its values are drawn from: what `derive --layers 3 --seed 1` describes.
///
/// Weights and biases are drawn uniformly from [−1, 1], the input from [0, 1] and the target from [0, 1]
/// (one-hot for the categorical cross-entropy), all in steps of 0.01 so the handout's numbers stay short.
public struct NetworkBlueprint: Sendable, Equatable {
    /// The widths of layers 0...N.
    public var widths: [Int]
    /// The activation of each weight layer 1...N.
    public var activations: [Activation]
    /// The loss.
    public var loss: Loss
    /// Whether every layer has biases.
    public var hasBiases: Bool
    /// The seed of the random values.
    public var seed: UInt64
    /// The input, instead of a drawn one.
    public var input: [Double]?
    /// The target, instead of a drawn one.
    public var target: [Double]?
    /// η, for a gradient-descent update.
    public var learningRate: Double?

    /// A blueprint.
    public init(widths: [Int], activations: [Activation], loss: Loss = .squared, hasBiases: Bool = false, seed: UInt64 = 1,
                input: [Double]? = nil, target: [Double]? = nil, learningRate: Double? = nil) {
        self.widths = widths
        self.activations = activations
        self.loss = loss
        self.hasBiases = hasBiases
        self.seed = seed
        self.input = input
        self.target = target
        self.learningRate = learningRate
    }

    /// The network with its values drawn from ``seed``.
    /// - Throws: ``NetworkError`` when the blueprint is inconsistent.
    public func network() throws(NetworkError) -> Network {
        guard widths.count >= 2 else { throw .invalid(path: "widths", reason: "expected at least two widths") }
        guard activations.count == widths.count - 1 else {
            throw .invalid(path: "activation", reason: "expected \(widths.count - 1) activations, found \(activations.count)")
        }
        var generator = SeededGenerator(seed: seed)
        var layers: [Layer] = []
        for k in 1..<widths.count {
            let weights = (0..<widths[k - 1]).map { _ in (0..<widths[k]).map { _ in generator.hundredths(in: -1...1) } }
            let biases = hasBiases ? (0..<widths[k]).map { _ in generator.hundredths(in: -1...1) } : nil
            layers.append(Layer(activation: activations[k - 1], weights: weights, biases: biases))
        }
        let input = self.input ?? (0..<(widths.first ?? 0)).map { _ in generator.hundredths(in: 0...1) }
        let outputs = widths.last ?? 0
        let target: [Double]
        if let given = self.target {
            target = given
        } else if loss == .categoricalCrossEntropy {
            let hot = Int.random(in: 0..<Swift.max(outputs, 1), using: &generator)
            target = (0..<outputs).map { $0 == hot ? 1 : 0 }
        } else {
            target = (0..<outputs).map { _ in generator.hundredths(in: 0...1) }
        }
        return try Network(layers: layers, input: input, target: target, loss: loss, learningRate: learningRate)
    }
}
