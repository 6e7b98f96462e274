/// The notation of the standard presentation of backpropagation's four fundamental equations
/// (Nielsen, *Neural Networks and Deep Learning*, ch. 2): z^{(l)}_j = Σ_k w^{(l)}_{jk} a^{(l-1)}_k + b^{(l)}_j,
/// a^{(l)}_j = σ(z^{(l)}_j), the cost C and the targets y_j.
///
/// - The layer is a parenthesised superscript, so it never reads as a power: z^{(l)}_j, a^{(l)}_j,
///   b^{(l)}_j, and δ^{(l)}_j = ∂C/∂z^{(l)}_j in the vectorized form.
/// - A weight w^{(l)}_{jk} goes from neuron k of layer l-1 to neuron j of layer l: the *reverse* of the
///   note's index order (our `.weight(layer: l-1, from: k, to: j)`), so that w^{(l)}_{jk} is entry
///   (j, k) of the weight matrix W^{(l)} and z^{(l)} = W^{(l)} a^{(l-1)} + b^{(l)}.
/// - Layers are labelled back from the output as L, L-1, ..., the way the equations are read
///   (δ^{(L)}, then δ^{(l)} from δ^{(l+1)}); with absolute indexing they are numbered 0...N, the input
///   being layer 0 (Nielsen numbers the input layer 1; the labels of the note's `--indices` are kept).
/// - The input is x_j, the network's output a^{(L)}_j, every activation σ, the cost C = Σ_j C_j with
///   C_j = ℓ(a^{(L)}_j, y_j), the learning rate η, and an updated weight w^{(l)+}_{jk}.
/// - Free variables keep their names; graph symbols are named as in ``NoteNotation``.
public struct TextbookNotation: Notation {
    /// N, the number of weight layers.
    public let depth: Int
    /// How layers are labelled.
    public let indexing: LayerIndexing
    /// The labels of layers 0...N.
    private let labels: LayerLabels

    /// The textbook notation for a network of `depth` weight layers.
    public init(depth: Int, indexing: LayerIndexing = .note) {
        self.depth = depth
        self.indexing = indexing
        labels = LayerLabels(depth: depth, indexing: indexing, output: "L", letter: "l")
    }

    /// The label of layer `layer` (0 = input, N = output): L, L-1, … back from the output, or the index 0…N.
    public func layerLabel(_ layer: Int) -> String { labels(layer) }

    /// The printed name of `symbol` in this notation.
    public func name(of symbol: Symbol) -> SymbolName {
        switch symbol {
        case .generic(let symbol): return name(of: symbol).withoutIndices
        case .afterUpdate(let symbol): return name(of: symbol).updated(separator: "")
        case .preactivation(let l, let j): return SymbolName("z", subscripts: [ordinal(j)], superscript: layer(l))
        case .activation(let l, let j):
            if l == 0 { return SymbolName("x", subscripts: [ordinal(j)]) }
            return SymbolName("a", subscripts: [ordinal(j)], superscript: layer(l))
        case .weight(let l, let k, let j):
            return SymbolName("w", subscripts: [ordinal(j), ordinal(k)], superscript: layer(l + 1))
        case .bias(let l, let j): return SymbolName("b", subscripts: [ordinal(j)], superscript: layer(l))
        case .target(let j): return SymbolName("y", subscripts: [ordinal(j)])
        case .loss: return SymbolName("C")
        case .lossTerm(let j): return SymbolName("C", subscripts: [ordinal(j)])
        case .learningRate: return SymbolName("η", latex: "\\eta")
        case .updatedWeight(let l, let k, let j):
            return SymbolName("w", subscripts: [ordinal(j), ordinal(k)], superscript: layer(l + 1) + "+")
        case .updatedBias(let l, let j): return SymbolName("b", subscripts: [ordinal(j)], superscript: layer(l) + "+")
        default:
            return NoteNotation(depth: depth, indexing: indexing).name(of: symbol)
        }
    }

    /// The printed name of an abstract function (the activation g_k or the loss) in this notation.
    public func name(of function: Function) -> SymbolName {
        switch function {
        case .activation: return SymbolName("σ", latex: "\\sigma")
        case .loss: return SymbolName("ℓ", latex: "\\ell")
        case .softmax(let j): return SymbolName("softmax", subscripts: [ordinal(j)], isOperator: true)
        case .elementary(let function): return function.conventionalName
        case .maximum: return SymbolName("max", latex: "\\max")
        case .quantity(let symbol): return name(of: symbol)
        }
    }

    /// The name of the vectors δ^{(l)} = ∂C/∂z^{(l)} and ∇_a C of the vectorized equations.
    public func matrixName(of quantity: MatrixQuantity) -> SymbolName? {
        switch quantity {
        case .errors(let l): return SymbolName("δ", latex: "\\delta", superscript: layer(l))
        case .lossGradient: return SymbolName("∇ₐC", latex: "\\nabla_{a} C")
        default: return nil
        }
    }

    /// The parenthesised layer superscript, `(L-1)`.
    private func layer(_ l: Int) -> String { "(" + labels(l) + ")" }

    private func ordinal(_ index: Int) -> String { AnyIndex.neuronLabel(index, source: "k") ?? String(index + 1) }
}
