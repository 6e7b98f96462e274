/// The values of a network's forward pass: every f_{k,j}, o_{k,j}, δ_j and δ.
public struct ForwardPass: Sendable {
    /// `preactivations[k][j]` = f_{k,j} for k in 1...N; `preactivations[0]` is empty.
    public let preactivations: [[Double]]
    /// `activations[k][j]` = o_{k,j} for k in 0...N; `activations[0]` is the input.
    public let activations: [[Double]]
    /// `lossTerms[j]` = δ_j = loss(o_{n,j}, t_j).
    public let lossTerms: [Double]
    /// δ = Σ_j δ_j.
    public let loss: Double

    /// Runs the forward pass of `network`, storing each value as `rounding` says.
    /// - Throws: ``NetworkError/notComputable(reason:)`` when a value overflows or the loss is undefined.
    public init(network: Network, rounding: Rounding = .exact) throws(NetworkError) {
        var preactivations: [[Double]] = [[]]
        var activations: [[Double]] = [network.input]
        preactivations.reserveCapacity(network.depth + 1)
        activations.reserveCapacity(network.depth + 1)
        for k in 1...network.depth {
            let layer = network.layer(k)
            let previous = activations[k - 1]
            var sums = Array(repeating: rounding.sum(), count: layer.width)
            for (i, row) in layer.weights.enumerated() {
                let o = previous[i]
                for j in row.indices { sums[j].add(row[j], times: o) }
            }
            if let biases = layer.biases {
                for j in sums.indices { sums[j].add(biases[j]) }
            }
            let f = sums.map(\.value)
            if let j = f.firstIndex(where: { !$0.isFinite }) {
                throw .notComputable(reason: "the pre-activation of neuron \(j + 1) in layer \(k) overflows")
            }
            let o = Self.activations(of: layer, k, at: f, network: network, rounding: rounding)
            if let j = o.firstIndex(where: { !$0.isFinite }) {
                throw .notComputable(reason: "the output of neuron \(j + 1) in layer \(k) overflows")
            }
            preactivations.append(f)
            activations.append(o)
        }
        var terms: [Double] = []
        let outputs = activations[network.depth]
        for j in network.target.indices {
            let bindings: [Symbol: Double] = [
                .activation(layer: network.depth, neuron: j): outputs[j], .target(neuron: j): network.target[j],
            ]
            do {
                terms.append(try rounding.value(of: network.lossExpression(neuron: j)) { bindings[$0] })
            } catch {
                throw .notComputable(reason: "the \(network.loss.rawValue) loss of output \(j + 1) is undefined at output \(NumberFormat.roundTrip.string(outputs[j])): \(error)")
            }
        }
        var total = rounding.sum()
        for term in terms { total.add(term) }
        let loss = total.value
        guard loss.isFinite else { throw .notComputable(reason: "the loss overflows") }
        self.preactivations = preactivations
        self.activations = activations
        self.lossTerms = terms
        self.loss = loss
    }

    /// o_{k,j} = g_k(f_{k,j}) for every neuron of layer k; rounded, each is its printed form σ(f_{k,j}) evaluated
    /// as ``Rounding/value(of:_:)`` does, so the leaky rectifier's 0.01 · f rounds in decimal.
    private static func activations(of layer: Layer, _ k: Int, at f: [Double], network: Network, rounding: Rounding) -> [Double] {
        guard rounding.significantDigits != nil else { return layer.activation.values(of: f) }
        if layer.activation.couplesNeurons { return rounding(layer.activation.values(of: f)) }
        var outputs: [Double] = []
        outputs.reserveCapacity(f.count)
        for (j, value) in f.enumerated() {
            let preactivation = Symbol.preactivation(layer: k, neuron: j)
            let output = try? rounding.value(of: network.activationExpression(layer: k, neuron: j)) { $0 == preactivation ? value : nil }
            outputs.append(output ?? .nan)
        }
        return outputs
    }
}
