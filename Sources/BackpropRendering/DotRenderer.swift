import BackpropKit

/// Writes a graph derivation's graph in Graphviz's DOT language: inputs at the bottom, each node with its
/// formula and value and, in a second colour, its adjoint (or tangent); each edge with its local derivative,
/// and a dashed edge in the second colour for what the backward pass (or forward mode) sends along it.
///
/// Render it with `dot -Tsvg graph.dot > graph.svg`.
package struct DotRenderer {
    /// How numbers are written.
    package let numbers: NumberFormat

    /// A renderer writing numbers with `numbers`.
    package init(numbers: NumberFormat = .roundTrip) {
        self.numbers = numbers
    }

    /// The colour of the backward pass (or of the tangents).
    static let passColor = "red"

    package func render(_ derivation: GraphDerivation, to output: inout some TextOutputStream) {
        let graph = derivation.graph
        let forward = derivation.forward
        let printer = MathPrinter(UnicodeMath(), notation: GraphNotation(), numbers: numbers)
        let isReverse: Bool
        let second: [Double]
        switch derivation.accumulation {
        case .reverse(let reverse): (isReverse, second) = (true, reverse.adjoints)
        case .forward(let mode): (isReverse, second) = (false, mode.tangents)
        }
        output.write("digraph computation {\n  rankdir=BT;\n")
        output.write("  node [shape=box, style=rounded, fontname=\"Helvetica\"];\n  edge [fontname=\"Helvetica\", fontsize=10];\n")
        for (index, node) in graph.nodes.enumerated() {
            var first = printer.string(.symbol(node.symbol))
            if let formula = node.expression { first += " = " + printer.string(formula) }
            first += " = " + printer.string(.constant(forward.values[index]))
            let symbol: Symbol = isReverse ? .adjoint(node.name) : .tangent(node.name)
            let passLine = printer.string(.symbol(symbol)) + " = " + printer.string(.constant(second[index]))
            output.write("  n\(index) [label=<\(first.xmlEscaped)<br/><font color=\"\(Self.passColor)\">\(passLine.xmlEscaped)</font>>];\n")
        }
        for (index, edge) in graph.edges.enumerated() {
            let local = forward.localDerivatives[index]
            let label = printer.string(.partial(graph.nodes[edge.to].symbol, graph.nodes[edge.from].symbol)) + " = " + printer.string(.constant(local))
            output.write("  n\(edge.from) -> n\(edge.to) [label=\(label.quoted)];\n")
            let style = "color=\(Self.passColor), fontcolor=\(Self.passColor), style=dashed, constraint=false"
            if isReverse {
                let sent = printer.string(.constant(second[edge.to] * local))
                output.write("  n\(edge.to) -> n\(edge.from) [label=\(sent.quoted), \(style)];\n")
            } else {
                let sent = printer.string(.constant(local * second[edge.from]))
                output.write("  n\(edge.from) -> n\(edge.to) [label=\(sent.quoted), \(style)];\n")
            }
        }
        output.write("}\n")
    }
}

private extension String {
    /// The text as a DOT double-quoted string.
    var quoted: String {
        "\"" + replacing("\\", with: "\\\\").replacing("\"", with: "\\\"") + "\""
    }
}
