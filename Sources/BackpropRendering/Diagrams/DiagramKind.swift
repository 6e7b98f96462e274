/// The pictures of a network a handout can show: the whole network, and the four pictures of
/// *Backpropagation in four diagrams* drawn for the network at hand.
package enum DiagramKind: String, CaseIterable, Sendable {
    /// The whole network: f_{k,j} and o_{k,j} on every neuron, the weights on the edges, the loss δ,
    /// and under each neuron ∂δ/∂o_{k,j} in its layer's colour.
    case network
    /// Forward propagation through one neuron: its inputs o_{k-1,i} weighted by w_{k-1,i,j} summed into
    /// f_{k,j}, then o_{k,j} = g_k(f_{k,j}) passed on to the next layer.
    case forwardNode = "forward-node"
    /// Backward propagation through one neuron: the errors ∂δ/∂o_{k+1,m} of the next layer weighted
    /// into ∂δ/∂o_{k,j}, times ∂o_{k,j}/∂f_{k,j} into ∂δ/∂f_{k,j}, and the weight gradients ∂δ/∂w_{k-1,i,j}.
    case backwardNode = "backward-node"
    /// The cost: each output o_{n,j} compared with its target t_j in δ_j = loss(o_{n,j}, t_j), summed
    /// into δ, and the derivatives ∂δ/∂o_{n,j} that start the backward pass.
    case cost
    /// The whole backward pass: ∂δ/∂δ = 1 in the loss, ∂δ/∂f_{k,j} and ∂δ/∂o_{k,j} on every neuron, flowing from the
    /// loss to the first layer, and on each arrow the product w_{k-1,i,j} · ∂δ/∂f_{k,j} it adds to ∂δ/∂o_{k-1,i}.
    case backwardPass = "backward-pass"
    /// The largest |∂δ/∂w| and |∂o/∂f| of every layer on a logarithmic scale, from the output back: the
    /// vanishing or exploding gradient made visible beside the table of gradient sizes.
    case gradientSizes = "gradient-sizes"
    /// The loss δ before the first gradient-descent step and after each of them, when a handout runs several steps.
    case lossPerStep = "loss-per-step"

    /// The four pictures of the source document, in its order.
    package static let fourDiagrams: [DiagramKind] = [.forwardNode, .backwardNode, .cost, .backwardPass]
}
