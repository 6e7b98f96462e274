import BackpropKit

/// The numbers a picture of a computational graph prints, read from the derivation's steps so the picture
/// says what the text says: each node's value and adjoint (or tangent), each edge's local derivative, and
/// the product each edge adds to a node's adjoint (or tangent), factored as the step writes it.
struct GraphPictureNumbers {
    /// The value of each node.
    private(set) var values: [Double]
    /// The adjoint (reverse mode) or tangent (forward mode) of each node.
    private(set) var passValues: [Double]
    /// The local derivative of each edge.
    private(set) var localDerivatives: [Double]
    /// The product each edge contributes to the sum of its step, such as w̄ · ∂w/∂v = 3 · 1.5, and its value.
    private(set) var contributions: [(product: Expression, value: Double)]

    /// The numbers of `derivation`, taken from its sections.
    init(_ derivation: GraphDerivation) {
        let graph = derivation.graph
        values = Array(repeating: 0, count: graph.nodes.count)
        passValues = values
        localDerivatives = Array(repeating: 0, count: graph.edges.count)
        contributions = Array(repeating: (.constant(0), 0), count: graph.edges.count)
        let operations = Array(graph.nodes.indices.dropFirst(graph.inputCount))
        for section in derivation.sections {
            switch section.kind {
            case .given:
                for (node, step) in zip(graph.inputs, section.steps) { values[node] = step.value }
            case .forwardPass:
                for (node, step) in zip(operations, section.steps) { values[node] = step.value }
            case .localDerivatives:
                for (edge, step) in zip(graph.edges.indices, section.steps) { localDerivatives[edge] = step.value }
            case .adjoints:
                for (node, step) in zip(graph.nodes.indices.reversed(), section.steps) {
                    passValues[node] = step.value
                    record(step, edges: graph.outgoingEdges(of: node))
                }
            case .tangents:
                for (node, step) in zip(graph.nodes.indices, section.steps) {
                    passValues[node] = step.value
                    record(step, edges: Array(graph.incomingEdges(of: node)))
                }
            case .gradient:
                break
            }
        }
    }

    /// Every number the picture prints.
    var all: [Double] {
        values + passValues + localDerivatives + contributions.flatMap { [$0.value] + $0.product.constants }
    }

    /// Gives each of `edges` the term of `step`'s substituted sum in the same place, with its value.
    private mutating func record(_ step: Step, edges: [Int]) {
        guard let substituted = step.substituted else { return }
        var terms = [substituted]
        if case .sum(let summed) = substituted, summed.count == edges.count { terms = summed }
        for (edge, term) in zip(edges, terms) {
            contributions[edge] = (term, term.constants.reduce(1, *))
        }
    }
}

private extension Expression {
    /// The numbers of a product of numbers, in order: [3, 1.5] for 3 · 1.5.
    var constants: [Double] {
        switch self {
        case .constant(let value): return [value]
        case .product(let factors): return factors.flatMap(\.constants)
        default: return []
        }
    }
}
