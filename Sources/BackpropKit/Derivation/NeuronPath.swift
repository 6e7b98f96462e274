/// One path through a network, a neuron in every layer from the input to the output, that a short handout
/// derives in full while the rest of each layer goes into compact tables.
///
/// A step belongs to the path when every neuron its quantity names is on it: f_{k,j} and o_{k,j} for the path's
/// neuron j of layer k, the weight w_{k-1,i,j} between two neurons of the path, the target and loss of its output.
public struct NeuronPath: Sendable, Equatable {
    /// `neurons[k]` is the path's neuron in layer k (0-based), from the input layer 0 to the output layer N.
    public let neurons: [Int]

    /// The path through `neurons`, one per layer of a network of `widths`; `nil` unless there is one for
    /// every layer and each is a neuron of its layer.
    public init?(neurons: [Int], widths: [Int]) {
        guard neurons.count == widths.count, zip(neurons, widths).allSatisfy({ $0 >= 0 && $0 < $1 }) else { return nil }
        self.neurons = neurons
    }

    /// `section` with the steps on the path alone; the given values stay whole.
    package func focusing(_ section: Section) -> Section {
        guard section.kind != .given else { return section }
        return Section(kind: section.kind, steps: section.steps.filter { contains($0.symbol) })
    }

    /// Whether every neuron `expression` names is on the path.
    package func contains(_ expression: Expression) -> Bool {
        switch expression {
        case .constant: return true
        case .symbol(let symbol): return contains(symbol)
        case .sum(let children), .product(let children): return children.allSatisfy(contains)
        case .quotient(let a, let b), .power(let a, let b), .partial(of: let a, withRespectTo: let b): return contains(a) && contains(b)
        case .negation(let a): return contains(a)
        case .application(let function, let arguments):
            if case .quantity(let symbol) = function, !contains(symbol) { return false }
            return arguments.allSatisfy(contains)
        }
    }

    /// Whether the neurons `symbol` names are on the path.
    private func contains(_ symbol: Symbol) -> Bool {
        let output = neurons.count - 1
        switch symbol {
        case .preactivation(let k, let j), .activation(let k, let j), .bias(let k, let j), .updatedBias(let k, let j):
            return isOnPath(j, layer: k)
        case .weight(let k, let i, let j), .updatedWeight(let k, let i, let j):
            return isOnPath(i, layer: k) && isOnPath(j, layer: k + 1)
        case .target(let j), .lossTerm(let j):
            return isOnPath(j, layer: output)
        case .afterUpdate(let symbol), .generic(let symbol):
            return contains(symbol)
        case .loss, .learningRate, .variable, .adjoint, .tangent:
            return true
        }
    }

    private func isOnPath(_ neuron: Int, layer k: Int) -> Bool {
        neurons.indices.contains(k) && neurons[k] == neuron
    }
}
