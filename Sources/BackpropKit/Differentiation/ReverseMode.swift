/// Reverse-mode differentiation of a ``ComputationGraph``: one backward pass from the output gives the
/// derivative of the output e with respect to every node.
///
/// The adjoint v̄ = ∂e/∂v of each node, in reverse evaluation order, is the sum over the edges leaving it,
/// v̄ = Σ_{v→w} w̄ · ∂w/∂v, with ē = 1: the multivariable chain rule, which sums over every path to e.
package struct ReverseMode: Sendable {
    /// The forward pass whose values and local derivatives are used.
    package let forward: GraphForwardPass
    /// The adjoint ∂e/∂v of each node, by node index.
    package let adjoints: [Double]

    /// Runs the backward pass after `forward`.
    /// - Throws: ``GraphError/derivativeOverflows(_:)`` when an adjoint is not a finite number.
    package init(forward: GraphForwardPass) throws(GraphError) {
        let graph = forward.graph
        var adjoints = Array(repeating: 0.0, count: graph.nodes.count)
        for node in graph.nodes.indices.reversed() {
            if node == graph.output {
                adjoints[node] = 1
                continue
            }
            var sum = forward.rounding.sum()
            for edge in graph.outgoingEdges(of: node) {
                sum.add(adjoints[graph.edges[edge].to], times: forward.localDerivatives[edge])
            }
            let total = sum.value
            guard total.isFinite else { throw .derivativeOverflows(graph.nodes[node].name) }
            adjoints[node] = total
        }
        self.forward = forward
        self.adjoints = adjoints
    }

    /// The gradient: ∂e/∂x for each input x, in the order of the inputs.
    package var gradient: [Double] { Array(adjoints.prefix(forward.graph.inputCount)) }
}
