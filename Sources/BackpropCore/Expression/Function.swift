/// The head of a function application in an ``Expression``.
public enum Function: Hashable, Sendable {
    /// A concrete scalar function such as σ or log.
    case elementary(ElementaryFunction)
    /// The activation function g_k of layer `layer`, left abstract.
    case activation(layer: Int)
    /// The loss function loss(o, t), left abstract.
    case loss
    /// Component `index` of softmax over all arguments: e^{x_index} / Σ_m e^{x_m}.
    case softmax(index: Int)
    /// The larger of its arguments, max(a, b).
    case maximum
    /// A quantity written as a function of one parameter, such as the loss δ(x) of a finite difference.
    case quantity(Symbol)
}
