/// The notation of *Backpropagation in four diagrams*: inputs I_i, the linear part L^k_j and the
/// activated part A^k_j of each hidden neuron, the linear part O_j of each output, weights W^k_{ij},
/// the activation σ and the cost c = Σ_j (O_j − E_j)² against the expected outputs E_j.
///
/// The document names the quantities but not every index, so these choices complete it:
/// - The layer is a superscript, as in the document's W^i ("the weight matrix for the i layer"):
///   L^k_j and A^k_j for hidden layer k, W^k_{ij} for the weights *into* layer k, so
///   L^k_j = Σ_i W^k_{ij} A^{k-1}_i. Layers are labelled n, n-1, ... back from the output, or 0...N.
/// - The first subscript of a weight is the neuron it comes from and the second the neuron it feeds,
///   as in the document's ∂c/∂W^k_{ij} = A_i ∂c/∂O_j.
/// - The document insists that O is the *linear* part of the output; the output after its activation
///   is written Ô_j = σ(O_j), so the output layer keeps its letter. (The document's cost compares O
///   itself with E, which is the same when the output activation is the identity.)
/// - The cost is c, the cost of one output c_j = cost(Ô_j, E_j), and c = Σ_j c_j; the document writes
///   "cost" for the total and c in its derivatives.
/// - Every activation g_k is σ ("the activation function"), whichever function it is.
/// - Biases, which the document leaves out, are b^k_j; the learning rate is η; an updated weight or
///   bias carries a + after its layer, W^{k,+}_{ij}.
/// - Free variables and graph symbols are named as in ``NoteNotation``.
public struct FourDiagramsNotation: Notation {
    /// N, the number of weight layers.
    public let depth: Int
    /// How layers are labelled.
    public let indexing: LayerIndexing
    /// The labels of layers 0...N.
    private let labels: LayerLabels

    /// The four-diagrams notation for a network of `depth` weight layers.
    public init(depth: Int, indexing: LayerIndexing = .note) {
        self.depth = depth
        self.indexing = indexing
        labels = LayerLabels(depth: depth, indexing: indexing, output: "n", letter: "k")
    }

    /// The label of layer `layer` (0 = input, N = output): n, n-1, … back from the output, or the index 0…N.
    public func layerLabel(_ layer: Int) -> String { labels(layer) }

    /// The printed name of `symbol` in this notation.
    public func name(of symbol: Symbol) -> SymbolName {
        switch symbol {
        case .generic(let symbol): return name(of: symbol).withoutIndices
        case .afterUpdate(let symbol): return name(of: symbol).updated(separator: ",")
        case .preactivation(let k, let j):
            if k == depth { return SymbolName("O", subscripts: [ordinal(j)]) }
            return SymbolName("L", subscripts: [ordinal(j)], superscript: labels(k))
        case .activation(let k, let j):
            if k == 0 { return SymbolName("I", subscripts: [ordinal(j)]) }
            if k == depth { return SymbolName("Ô", latex: "\\hat{O}", subscripts: [ordinal(j)]) }
            return SymbolName("A", subscripts: [ordinal(j)], superscript: labels(k))
        case .weight(let k, let i, let j):
            return SymbolName("W", subscripts: [ordinal(i), ordinal(j)], superscript: labels(k + 1))
        case .bias(let k, let j):
            return SymbolName("b", subscripts: [ordinal(j)], superscript: labels(k))
        case .target(let j): return SymbolName("E", subscripts: [ordinal(j)])
        case .loss: return SymbolName("c")
        case .lossTerm(let j): return SymbolName("c", subscripts: [ordinal(j)])
        case .learningRate: return SymbolName("η", latex: "\\eta")
        case .updatedWeight(let k, let i, let j):
            return SymbolName("W", subscripts: [ordinal(i), ordinal(j)], superscript: labels(k + 1) + ",+")
        case .updatedBias(let k, let j):
            return SymbolName("b", subscripts: [ordinal(j)], superscript: labels(k) + ",+")
        default:
            return NoteNotation(depth: depth, indexing: indexing).name(of: symbol)
        }
    }

    /// The printed name of an abstract function (the activation g_k or the loss) in this notation.
    public func name(of function: Function) -> SymbolName {
        switch function {
        case .activation: return SymbolName("σ", latex: "\\sigma")
        case .loss: return SymbolName("cost", isOperator: true)
        case .softmax(let j): return SymbolName("softmax", subscripts: [ordinal(j)], isOperator: true)
        case .elementary(let function): return function.conventionalName
        case .maximum: return SymbolName("max", latex: "\\max")
        case .quantity(let symbol): return name(of: symbol)
        }
    }

    private func ordinal(_ index: Int) -> String { AnyIndex.neuronLabel(index) ?? String(index + 1) }
}
