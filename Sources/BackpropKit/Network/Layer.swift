/// One layer k of weights and neurons: f_{k,j} = Σ_i w_{k-1,i,j} o_{k-1,i} (+ b_{k,j}), o_{k,j} = g_k(f_{k,j}).
public struct Layer: Sendable, Equatable {
    /// The activation g_k.
    public var activation: Activation
    /// `weights[i][j]` = w_{k-1,i,j}, from neuron i of the previous layer to neuron j of this one.
    public var weights: [[Double]]
    /// `biases[j]` = b_{k,j}, or `nil` for a layer without biases.
    public var biases: [Double]?

    /// A layer with the given activation, weights and optional biases.
    public init(activation: Activation, weights: [[Double]], biases: [Double]? = nil) {
        self.activation = activation
        self.weights = weights
        self.biases = biases
    }

    /// The number of neurons feeding this layer.
    public var inputWidth: Int { weights.count }
    /// The number of neurons in this layer.
    public var width: Int { weights.first?.count ?? 0 }
}
