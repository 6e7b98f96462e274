import BackpropKit

/// The English of a graph handout: its headings and explanatory sentences, written once for every
/// format, so all formats read alike; only their syntax differs.
package struct GraphProse: Sendable {
    /// The derivation described.
    package let derivation: GraphDerivation

    /// Graphs with more nodes than this are described by their size rather than printed whole.
    package static let largestPrintedExpression = 40

    /// The prose of `derivation`.
    package init(derivation: GraphDerivation) {
        self.derivation = derivation
    }

    private var graph: ComputationGraph { derivation.graph }
    private var outputSymbol: Symbol { graph.nodes[graph.output].symbol }
    private var output: Expression { .symbol(outputSymbol) }

    /// The heading that opens a section of kind `kind`.
    package func heading(before kind: GraphSection.Kind) -> Heading {
        let title: [Phrase]
        switch kind {
        case .given: title = [.text("The expression")]
        case .forwardPass: title = [.text("Forward pass")]
        case .localDerivatives: title = [.text("Local derivatives")]
        case .adjoints: title = [.text("Reverse mode: the adjoints from the output back")]
        case .tangents: title = [.text("Forward mode with respect to ")] + (forwardInput.map { [.math(.symbol($0))] } ?? [])
        case .gradient: title = [.text(forwardInput == nil ? "The gradient" : "The derivative")]
        }
        return Heading(level: 1, title: title)
    }

    /// The heading of the picture of the graph.
    package var pictureHeading: Heading { Heading(level: 1, title: [.text("The computational graph")]) }

    /// The sentences under the picture of the graph: how to read it, or, when it is too large to draw,
    /// where to get it.
    /// - Parameters:
    ///   - isDrawn: Whether the picture is drawn.
    ///   - digits: When the picture rounds its numbers, to how many significant digits.
    package func pictureExplanation(isDrawn: Bool, roundedTo digits: Int?) -> [Phrase] {
        guard isDrawn else {
            return [.text("The graph has \(graph.nodes.count) nodes, too many to draw legibly here; "
                          + "derive --format dot writes it for Graphviz.")]
        }
        var phrases: [Phrase]
        if let input = forwardInput {
            phrases = [.text("Each node shows its value and, in red, its tangent with respect to "), .math(.symbol(input)),
                       .text(": the sum, over the edges entering it, of the local derivative times the tangent the edge comes from. "
                             + "Beside each edge: its local derivative and, in red, what forward mode carries along it, the local derivative times the tangent it comes from.")]
        } else {
            phrases = [.text("Each node shows its value and, in red, its adjoint: the sum, over the edges leaving it, of the adjoint at the "
                             + "edge's other end times the edge's local derivative. Beside each edge: its local derivative and, in red, "
                             + "what the backward pass sends back along it, that adjoint times the local derivative.")]
        }
        if let digits { phrases.append(.text(" Numbers in the picture are rounded to \(digits) significant digits.")) }
        return phrases
    }

    /// The sentence that explains a section of kind `kind`.
    package func explanation(of kind: GraphSection.Kind) -> [Phrase] {
        switch kind {
        case .given:
            let operations = graph.nodes.count - graph.inputCount
            var phrases: [Phrase]
            if graph.nodes.count > Self.largestPrintedExpression {
                phrases = [.text("An expression of \(operations) operations")]
            } else if graph.nodes[graph.output].isInput {
                phrases = [.text("The expression "), .math(derivation.expression)]
            } else {
                phrases = [.text("The expression "), .math(output), .text(" = "), .math(derivation.expression)]
            }
            phrases.append(.text(", evaluated at the point below. Each operation becomes a node of the graph, named with a letter the "
                                 + "expression does not use."))
            return phrases
        case .forwardPass:
            return [.text("Every node applies one operation to nodes computed before it, so the values are computed in this order; "
                          + "a subexpression used twice is one node, computed once.")]
        case .localDerivatives:
            var phrases: [Phrase] = [
                .text("Each edge from a node "), .math(.of(.variable("u"))), .text(" into a node "), .math(.of(.variable("v"))),
                .text(" carries the local derivative "), .math(.partial(.variable("v"), .variable("u"))),
                .text(": the formula of "), .math(.of(.variable("v"))),
                .text(" differentiated with respect to that use of "), .math(.of(.variable("u"))), .text(", everything else held fixed."),
            ]
            if let (node, consumer) = repeatedOperand {
                phrases += [.text(" "), .math(.symbol(graph.nodes[node].symbol)), .text(" enters "), .math(.symbol(graph.nodes[consumer].symbol)),
                            .text(" more than once, and each use is an edge of its own.")]
            }
            return phrases
        case .adjoints:
            var phrases: [Phrase] = [
                .text("The adjoint "), .math(.of(.adjoint("v"))), .text(" = "), .math(.partial(outputSymbol, .variable("v"))),
                .text(" of each node, from the output back: the sum, over the edges leaving the node, of the adjoint of the node "
                      + "each edge enters times the edge's local derivative."),
            ]
            if let (node, consumers) = fanOut {
                phrases += [.text(" This sum over edges is the multivariable chain rule: "), .math(.symbol(graph.nodes[node].symbol)),
                            .text(" feeds ")]
                phrases += list(consumers)
                phrases += [.text(", so its adjoint adds up every path to "), .math(output), .text(".")]
            }
            return phrases
        case .tangents:
            guard let input = forwardInput else { return [] }
            return [
                .text("The tangent "), .math(.of(.tangent("v"))), .text(" = "), .math(.partial(.variable("v"), input)),
                .text(" of each node, carried forward with the values: the sum, over the edges entering the node, of the edge's local "
                      + "derivative times the tangent of the node it comes from."),
            ]
        case .gradient:
            guard let input = forwardInput else {
                return [.text("One backward pass gives the derivative with respect to every input at once; forward mode needs one pass per input.")]
            }
            let others = graph.inputCount - 1
            return [.text("One forward pass gives the derivative with respect to "), .math(.symbol(input)),
                    .text(others == 0 ? " alone." : others == 1 ? "; the other input needs a pass of its own, where reverse mode gives "
                          + "every input's derivative in one backward pass." : "; each of the \(others) other inputs needs a pass of its own, "
                          + "where reverse mode gives every input's derivative in one backward pass.")]
        }
    }

    // MARK: - Graph facts

    /// The input forward mode differentiates with respect to; `nil` in reverse mode.
    private var forwardInput: Symbol? {
        guard case .forward(let mode) = derivation.accumulation else { return nil }
        return graph.nodes[mode.input].symbol
    }

    /// The node that best shows the chain rule's sum, and the nodes it feeds (with repeats for repeated uses):
    /// the first feeding several nodes, or else the first feeding one node more than once.
    private var fanOut: (Int, [Int])? {
        let uses = graph.nodes.indices.map { node in (node, graph.outgoingEdges(of: node).map { graph.edges[$0].to }) }
        return uses.first { Set($0.1).count > 1 } ?? uses.first { $0.1.count > 1 }
    }

    /// The first node used more than once by the same node, and that node.
    private var repeatedOperand: (Int, Int)? {
        for node in graph.nodes.indices {
            let operands = node < graph.inputCount ? [] : graph.nodes[node].operands
            if let repeated = operands.first(where: { operand in operands.filter { $0 == operand }.count > 1 }) { return (repeated, node) }
        }
        return nil
    }

    /// "c and d", "c, d and e", "d twice": the nodes, each named once.
    private func list(_ nodes: [Int]) -> [Phrase] {
        var distinct: [Int] = []
        for node in nodes where !distinct.contains(node) { distinct.append(node) }
        if distinct.count == 1, let only = distinct.first {
            return [.math(.symbol(graph.nodes[only].symbol)), .text(nodes.count == 2 ? " twice" : " \(nodes.count) times")]
        }
        var phrases: [Phrase] = []
        for (index, node) in distinct.prefix(4).enumerated() {
            if index > 0 { phrases.append(.text(index == min(distinct.count, 4) - 1 && distinct.count <= 4 ? " and " : ", ")) }
            phrases.append(.math(.symbol(graph.nodes[node].symbol)))
        }
        if distinct.count > 4 { phrases.append(.text(" and \(distinct.count - 4) more")) }
        return phrases
    }
}
