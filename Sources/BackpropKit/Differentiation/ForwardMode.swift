/// Forward-mode differentiation of a ``ComputationGraph`` with respect to one input x: the tangent
/// v̇ = ∂v/∂x of every node is carried forward with the values, one pass per input.
///
/// Each tangent is the sum over the edges entering the node, v̇ = Σ_{u→v} ∂v/∂u · u̇, with ẋ = 1 and the
/// other inputs' tangents 0.
package struct ForwardMode: Sendable {
    /// The forward pass whose values and local derivatives are used.
    package let forward: GraphForwardPass
    /// The index of the input differentiated with respect to.
    package let input: Int
    /// The tangent ∂v/∂x of each node, by node index.
    package let tangents: [Double]

    /// Runs forward mode after `forward`, with respect to the input named `name`.
    /// - Throws: ``GraphError/notAnInput(_:)`` when the graph has no input `name`.
    package init(forward: GraphForwardPass, withRespectTo name: String) throws(GraphError) {
        let graph = forward.graph
        guard let input = graph.input(named: name) else { throw .notAnInput(name) }
        var tangents: [Double] = graph.inputs.map { $0 == input ? 1 : 0 }
        for node in graph.nodes.indices.dropFirst(graph.inputCount) {
            var sum = forward.rounding.sum()
            for edge in graph.incomingEdges(of: node) {
                sum.add(forward.localDerivatives[edge], times: tangents[graph.edges[edge].from])
            }
            let total = sum.value
            guard total.isFinite else { throw .derivativeOverflows(graph.nodes[node].name) }
            tangents.append(total)
        }
        self.forward = forward
        self.input = input
        self.tangents = tangents
    }

    /// ∂e/∂x: the output's tangent.
    package var derivative: Double { tangents[forward.graph.output] }
}
