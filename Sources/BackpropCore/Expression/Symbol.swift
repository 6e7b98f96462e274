/// A named quantity that can appear in an expression: a neuron's value, a weight, a target, the loss,
/// or a free variable of a computational graph.
///
/// Layers are numbered in code from 0 (the input layer) to N (the output layer) and neurons from 0;
/// only a ``Notation`` turns them into the printed labels (n, n-1, ... and 1-based neurons).
public enum Symbol: Hashable, Sendable {
    /// The pre-activation f_{k,j} = Σ_i w_{k-1,i,j} o_{k-1,i} (+ b_{k,j}) of neuron `neuron` in layer `layer`.
    case preactivation(layer: Int, neuron: Int)
    /// The activation o_{k,j} = g_k(f_{k,j}); for layer 0 the network's input.
    case activation(layer: Int, neuron: Int)
    /// The weight w_{k-1,i,j} from neuron `from` of layer `layer` to neuron `to` of layer `layer + 1`.
    case weight(layer: Int, from: Int, to: Int)
    /// The bias b_{k,j} of neuron `neuron` in layer `layer`.
    case bias(layer: Int, neuron: Int)
    /// The target t_j of output neuron `neuron`.
    case target(neuron: Int)
    /// The total loss δ = Σ_j δ_j.
    case loss
    /// The loss δ_j = loss(o_{n,j}, t_j) of one output neuron.
    case lossTerm(neuron: Int)
    /// The learning rate η.
    case learningRate
    /// The updated weight w⁺_{k-1,i,j} = w_{k-1,i,j} − η ∂δ/∂w_{k-1,i,j}.
    case updatedWeight(layer: Int, from: Int, to: Int)
    /// The updated bias b⁺_{k,j}.
    case updatedBias(layer: Int, neuron: Int)
    /// A quantity of the forward pass through the updated weights, after one gradient-descent step:
    /// f⁺_{k,j}, o⁺_{k,j}, δ⁺_j and δ⁺, computed with w⁺ and b⁺ as the first pass was with w and b.
    indirect case afterUpdate(Symbol)
    /// A free variable of a user's expression, such as `a` in `(a+b)*(b+1)`, or a node of its computational graph.
    case variable(String)
    /// The adjoint v̄ = ∂e/∂v of the graph node named `name`: the derivative of the graph's output e with respect to it.
    case adjoint(String)
    /// The tangent v̇ = ∂v/∂x of the graph node named `name`: its derivative with respect to the one input x of forward mode.
    case tangent(String)
    /// Any quantity of the kind of `symbol`, named without its layer and neuron indices: w for every weight,
    /// o for every output, in sentences and table headings that speak of all of them.
    indirect case generic(Symbol)
}
