/// Gradient descent for a number of steps: each step backpropagates through the current weights and replaces
/// them with w⁺ = w − η ∂δ/∂w (and b⁺ = b − η ∂δ/∂b), so the next forward pass gives a new loss.
///
/// The first step is the one a handout derives in full; its backpropagation through the updated weights gives
/// the second forward pass, and the loss of every step gives the table and plot of the loss per step.
public struct TrainingRun: Sendable {
    /// δ before the first step, then after each step: one more value than steps.
    public let losses: [Double]
    /// The backpropagation through the weights after the first step, whose forward pass shows the new loss.
    public let afterFirstStep: Backpropagation
    /// Whether the handout ends with the loss of every step, as asked for with a number of steps.
    public let listsLosses: Bool

    /// The most steps one handout runs: its table lists every one.
    public static let stepLimit = 100

    /// Runs `steps` steps of gradient descent from the network of `backpropagation`, storing each value as its
    /// rounding says, so every step's loss is the one its handout would print.
    /// - Parameters:
    ///   - backpropagation: The first step's backward pass; its network must have a learning rate.
    ///   - steps: The number of steps, 1 or more.
    ///   - listsLosses: Whether the handout lists the loss of every step.
    /// - Returns: `nil` when the network has no learning rate.
    /// - Throws: ``NetworkError/notComputable(reason:)`` when a value of a later step is undefined or overflows.
    public init?(from backpropagation: Backpropagation, steps: Int, listsLosses: Bool) throws(NetworkError) {
        guard backpropagation.network.learningRate != nil, let next = try backpropagation.updatedNetwork() else { return nil }
        var current = try Backpropagation(network: next, rounding: backpropagation.rounding)
        afterFirstStep = current
        var losses = [backpropagation.forward.loss, current.forward.loss]
        for _ in 1..<Swift.max(steps, 1) {
            guard let network = try current.updatedNetwork() else { break }
            current = try Backpropagation(network: network, rounding: backpropagation.rounding)
            losses.append(current.forward.loss)
        }
        self.losses = losses
        self.listsLosses = listsLosses
    }

    /// The number of steps run.
    public var steps: Int { losses.count - 1 }
}

extension Backpropagation {
    /// The network with every weight and bias replaced by its gradient-descent update, or `nil` without a learning rate.
    /// - Throws: ``NetworkError/notComputable(reason:)`` when an updated weight is not finite.
    package func updatedNetwork() throws(NetworkError) -> Network? {
        var layers: [Layer] = []
        for (layer, gradients) in zip(network.layers, self.layers) {
            guard let weights = gradients.updatedWeights else { return nil }
            layers.append(Layer(activation: layer.activation, weights: weights, biases: gradients.updatedBiases))
        }
        do {
            return try Network(layers: layers, input: network.input, target: network.target, loss: network.loss,
                               learningRate: network.learningRate)
        } catch {
            throw .notComputable(reason: "a weight after the gradient-descent step is not finite")
        }
    }
}
