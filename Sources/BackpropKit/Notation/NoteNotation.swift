/// The source note's notation: f_{k,j}, o_{k,j} = g_k(f_{k,j}), w_{k-1,i,j}, b_{k,j}, t_j, δ = Σ_j δ_j,
/// with layers labelled n, n-1, ... back from the output (or 0...N).
public struct NoteNotation: Notation {
    /// N, the number of weight layers.
    public let depth: Int
    /// How layers are labelled.
    public let indexing: LayerIndexing

    /// The note's notation for a network of `depth` weight layers.
    public init(depth: Int, indexing: LayerIndexing = .note) {
        self.depth = depth
        self.indexing = indexing
        labels = (0...Swift.max(depth, 0)).map { Self.label($0, depth: depth, indexing: indexing) }
    }

    /// The labels of layers 0...N, computed once: printing names symbols millions of times.
    private let labels: [String]

    /// The label of layer `layer` (0 = input, N = output): n, n-1, … back from the output, or the index 0…N.
    public func layerLabel(_ layer: Int) -> String {
        if labels.indices.contains(layer) { return labels[layer] }
        return AnyIndex.layerLabel(layer, letter: "k") ?? Self.label(layer, depth: depth, indexing: indexing)
    }

    private static func label(_ layer: Int, depth: Int, indexing: LayerIndexing) -> String {
        switch indexing {
        case .absolute: return String(layer)
        case .note: return layer == depth ? "n" : "n-\(depth - layer)"
        }
    }

    /// The printed name of `symbol` in this notation.
    public func name(of symbol: Symbol) -> SymbolName {
        switch symbol {
        case .generic(let symbol): return name(of: symbol).withoutIndices
        case .afterUpdate(let symbol): return name(of: symbol).updated(separator: "")
        case .preactivation(let k, let j): return SymbolName("f", subscripts: [layerLabel(k), ordinal(j)])
        case .activation(let k, let j): return SymbolName("o", subscripts: [layerLabel(k), ordinal(j)])
        case .weight(let k, let i, let j): return SymbolName("w", subscripts: [layerLabel(k), ordinal(i), ordinal(j)])
        case .bias(let k, let j): return SymbolName("b", subscripts: [layerLabel(k), ordinal(j)])
        case .target(let j): return SymbolName("t", subscripts: [ordinal(j)])
        case .loss: return SymbolName("δ", latex: "\\delta")
        case .lossTerm(let j): return SymbolName("δ", latex: "\\delta", subscripts: [ordinal(j)])
        case .learningRate: return SymbolName("η", latex: "\\eta")
        case .updatedWeight(let k, let i, let j):
            return SymbolName("w", subscripts: [layerLabel(k), ordinal(i), ordinal(j)], superscript: "+")
        case .updatedBias(let k, let j): return SymbolName("b", subscripts: [layerLabel(k), ordinal(j)], superscript: "+")
        case .variable(let name): return SymbolName(name)
        case .adjoint, .tangent: return GraphNotation().name(of: symbol)
        }
    }

    /// The printed name of an abstract function (the activation g_k or the loss) in this notation.
    public func name(of function: Function) -> SymbolName {
        switch function {
        case .activation(let k): return SymbolName("g", subscripts: [layerLabel(k)])
        case .loss: return SymbolName("loss", isOperator: true)
        case .softmax(let j): return SymbolName("softmax", subscripts: [ordinal(j)], isOperator: true)
        case .elementary(let function): return function.conventionalName
        case .maximum: return SymbolName("max", latex: "\\max")
        case .quantity(let symbol): return name(of: symbol)
        }
    }

    private func ordinal(_ index: Int) -> String { AnyIndex.neuronLabel(index) ?? String(index + 1) }
}

extension ElementaryFunction {
    /// The usual mathematical name: σ, tanh, log, ...
    package var conventionalName: SymbolName {
        switch self {
        case .sigmoid: return SymbolName("σ", latex: "\\sigma")
        case .exp, .log, .sin, .cos, .tanh: return SymbolName(rawValue, latex: "\\" + rawValue)
        case .leakyRelu: return SymbolName("lrelu", isOperator: true)
        default: return SymbolName(rawValue, isOperator: true)
        }
    }
}
