/// A named vector or matrix of the vectorized derivation, the matrix counterpart of a ``Symbol``.
///
/// Layers are numbered in code from 0 (input) to N (output), and the documentation writes the note's
/// letters (δ for the loss). Vectors are columns; the weight matrix W of layer l has one row per neuron
/// of layer l and one column per neuron of layer l-1, so its entry (j, i) is the weight w_{l-1,i,j} from
/// neuron i to neuron j: the transpose of ``Layer/weights``, as in the textbook's W^{(l)}.
public enum MatrixQuantity: Hashable, Sendable {
    /// The activations o_{l,·} (a^{(l)}) of layer `layer`; for layer 0 the input.
    case activations(layer: Int)
    /// The pre-activations f_{l,·} (z^{(l)}) of layer `layer`.
    case preactivations(layer: Int)
    /// The weight matrix into layer `layer`: entry (j, i) = w_{l-1,i,j}.
    case weights(layer: Int)
    /// The biases b_{l,·} of layer `layer`.
    case biases(layer: Int)
    /// The errors ∂δ/∂f_{l,·} of layer `layer`, the loss differentiated by each pre-activation (the
    /// textbook's δ^{(l)} = ∂C/∂z^{(l)}).
    case errors(layer: Int)
    /// ∂δ/∂o_{n,·}, the loss differentiated by each output of the output layer `layer` (the textbook's ∇_a C).
    case lossGradient(layer: Int)
    /// The weight gradient of layer `layer`: entry (j, i) = ∂δ/∂w_{l-1,i,j}.
    case weightGradient(layer: Int)
    /// The bias gradient of layer `layer`: entry j = ∂δ/∂b_{l,j}.
    case biasGradient(layer: Int)
    /// The derivative of a neuron-wise activation at each pre-activation, g'_l(f_{l,j}) (the textbook's σ'(z^{(l)})).
    case activationDerivatives(layer: Int)
    /// The Jacobian ∂o_l/∂f_l of an activation that couples its neurons (softmax): entry (j, m) = ∂o_{l,j}/∂f_{l,m}.
    case activationJacobian(layer: Int)

    /// The layer the quantity belongs to.
    public var layer: Int {
        switch self {
        case .activations(let l), .preactivations(let l), .weights(let l), .biases(let l), .errors(let l),
            .lossGradient(let l), .weightGradient(let l), .biasGradient(let l), .activationDerivatives(let l),
            .activationJacobian(let l):
            return l
        }
    }

    /// Whether the quantity is a column vector, whose entries have one index; otherwise a matrix with two.
    public var isVector: Bool {
        switch self {
        case .weights, .weightGradient, .activationJacobian: return false
        default: return true
        }
    }
}
