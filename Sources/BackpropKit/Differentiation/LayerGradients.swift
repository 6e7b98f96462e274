/// Every number of the backward pass through layer k, computed in the order the derivation states them,
/// so each printed value is exactly the product or sum of the printed values before it.
public struct LayerGradients: Sendable {
    /// k, 1...N.
    public let layer: Int
    /// For each neuron j, the neurons m whose pre-activation o_{k,j} depends on, with ∂o_{k,j}/∂f_{k,m}:
    /// just m = j with g'_k(f_{k,j}) for a neuron-wise activation, every m for softmax.
    public let activationDerivatives: [[Coupling]]
    /// `outputByWeight[j][i][c]` = ∂o_{k,j}/∂w_{k-1,i,m} = ∂o_{k,j}/∂f_{k,m} · o_{k-1,i}, for the c-th coupling m of j.
    public let outputByWeight: [[[Double]]]
    /// `outputByPreviousOutput[j][i]` = ∂o_{k,j}/∂o_{k-1,i} = Σ_m ∂o_{k,j}/∂f_{k,m} · w_{k-1,i,m}.
    public let outputByPreviousOutput: [[Double]]
    /// `outputGradient[j]` = ∂δ/∂o_{k,j}, received from layer k + 1 (or from the loss).
    public let outputGradient: [Double]
    /// `preactivationGradient[m]` = ∂δ/∂f_{k,m} = Σ_j ∂δ/∂o_{k,j} · ∂o_{k,j}/∂f_{k,m}.
    public let preactivationGradient: [Double]
    /// `weightGradient[i][m]` = ∂δ/∂w_{k-1,i,m} = Σ_j ∂δ/∂o_{k,j} · ∂o_{k,j}/∂w_{k-1,i,m}, computed as
    /// ∂δ/∂f_{k,m} · o_{k-1,i} from the shared factor.
    public let weightGradient: [[Double]]
    /// `biasGradient[m]` = ∂δ/∂b_{k,m} = Σ_j ∂δ/∂o_{k,j} · ∂o_{k,j}/∂f_{k,m}, when the layer has biases.
    public let biasGradient: [Double]?
    /// `previousOutputGradient[i]` = ∂δ/∂o_{k-1,i} = Σ_j ∂δ/∂o_{k,j} · ∂o_{k,j}/∂o_{k-1,i}.
    public let previousOutputGradient: [Double]
    /// w⁺ = w − η ∂δ/∂w, when a learning rate is given.
    public let updatedWeights: [[Double]]?
    /// b⁺ = b − η ∂δ/∂b, when a learning rate is given and the layer has biases.
    public let updatedBiases: [Double]?

    /// One non-zero entry ∂o_{k,j}/∂f_{k,m} of an activation's Jacobian.
    public struct Coupling: Sendable, Equatable {
        /// m, the pre-activation differentiated against.
        public let neuron: Int
        /// ∂o_{k,j}/∂f_{k,m}.
        public let value: Double
    }
}

extension LayerGradients {
    /// The backward pass through layer `k` of `network`, given ∂δ/∂o_{k,j}.
    /// - Parameters:
    ///   - activationDerivatives: ∂o_{k,j}/∂f_{k,m}, from differentiating the activation's tree.
    ///   - rounding: How each step's value is stored, after its own arithmetic.
    init(layer k: Int, network: Network, forward: ForwardPass, activationDerivatives: [[Coupling]], outputGradient: [Double],
         rounding: Rounding = .exact) {
        let layer = network.layer(k)
        let previous = forward.activations[k - 1]
        let fanIn = layer.inputWidth
        let width = layer.width

        var outputByWeight: [[[Double]]] = []
        var outputByPreviousOutput: [[Double]] = []
        outputByWeight.reserveCapacity(width)
        outputByPreviousOutput.reserveCapacity(width)
        for couplings in activationDerivatives {
            outputByWeight.append((0..<fanIn).map { i in couplings.map { rounding($0.value * previous[i]) } })
            outputByPreviousOutput.append((0..<fanIn).map { i in
                var total = 0.0
                for coupling in couplings { total += coupling.value * layer.weights[i][coupling.neuron] }
                return rounding(total)
            })
        }

        var preactivationGradient = Array(repeating: 0.0, count: width)
        for (j, couplings) in activationDerivatives.enumerated() {
            for coupling in couplings {
                preactivationGradient[coupling.neuron] += outputGradient[j] * coupling.value
            }
        }
        preactivationGradient = rounding(preactivationGradient)
        // ∂δ/∂w_{k-1,i,m} = ∂δ/∂f_{k,m} · o_{k-1,i}: the printed factor times the printed input.
        let weightGradient = (0..<fanIn).map { i in preactivationGradient.map { rounding($0 * previous[i]) } }
        var previousOutputGradient = Array(repeating: 0.0, count: fanIn)
        for j in 0..<width {
            for i in 0..<fanIn { previousOutputGradient[i] += outputGradient[j] * outputByPreviousOutput[j][i] }
        }
        previousOutputGradient = rounding(previousOutputGradient)

        self.layer = k
        self.activationDerivatives = activationDerivatives
        self.outputByWeight = outputByWeight
        self.outputByPreviousOutput = outputByPreviousOutput
        self.outputGradient = outputGradient
        self.preactivationGradient = preactivationGradient
        self.weightGradient = weightGradient
        self.biasGradient = layer.biases == nil ? nil : preactivationGradient
        self.previousOutputGradient = previousOutputGradient
        if let eta = network.learningRate {
            updatedWeights = zip(layer.weights, weightGradient).map { row, gradients in
                zip(row, gradients).map { rounding($0 - eta * $1) }
            }
            updatedBiases = layer.biases.map { biases in zip(biases, preactivationGradient).map { rounding($0 - eta * $1) } }
        } else {
            updatedWeights = nil
            updatedBiases = nil
        }
    }
}
