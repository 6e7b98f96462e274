import BackpropKit

/// Writes the numbers of a graph derivation as JSON:
///
///     { "value": number, "gradients": { "a": number, ... },
///       "nodes": [ { "name", "expression", "value", "inputs", "localDerivatives", "adjoint" } ] }
///
/// `nodes` are in evaluation order, the inputs first with a `null` expression; `inputs` names a node's
/// operands, one per use (x · x has `["x", "x"]`), and `localDerivatives` gives ∂node/∂input for each.
/// In forward mode `gradients` holds the one input differentiated and each node has a `tangent` instead of
/// an `adjoint`. Expressions are Unicode text; numbers are round-trip doubles.
package struct GraphJSONRenderer {
    /// The program and version written as `generator`, such as `derive 0.7.0`, or `nil` to leave the field out.
    package let generator: String?

    /// A renderer writing `generator` first when there is one.
    package init(generator: String? = nil) {
        self.generator = generator
    }

    package func render(_ derivation: GraphDerivation, to output: inout some TextOutputStream) {
        let graph = derivation.graph
        let forward = derivation.forward
        let printer = MathPrinter(UnicodeMath(), notation: GraphNotation())
        let (key, second, gradients): (String, [Double], [(input: Int, derivative: Double)])
        switch derivation.accumulation {
        case .reverse(let reverse): (key, second, gradients) = ("adjoint", reverse.adjoints, graph.inputs.map { ($0, reverse.adjoints[$0]) })
        case .forward(let mode): (key, second, gradients) = ("tangent", mode.tangents, [(mode.input, mode.derivative)])
        }
        output.write("{\n")
        if let generator { output.write("  \"generator\": " + string(generator) + ",\n") }
        output.write("  \"value\": \(number(forward.value)),\n  \"gradients\": {")
        for (position, gradient) in gradients.enumerated() {
            output.write((position == 0 ? " " : ", ") + string(graph.nodes[gradient.input].name) + ": " + number(gradient.derivative))
        }
        output.write(" },\n  \"nodes\": [")
        for (index, node) in graph.nodes.enumerated() {
            let expression = node.expression.map { string(printer.string($0)) } ?? "null"
            let inputs = node.operands.map { string(graph.nodes[$0].name) }.joined(separator: ", ")
            let locals = graph.incomingEdges(of: index).map { number(forward.localDerivatives[$0]) }.joined(separator: ", ")
            output.write(index == 0 ? "\n" : ",\n")
            output.write("    { \"name\": \(string(node.name)), \"expression\": \(expression), \"value\": \(number(forward.values[index])), "
                         + "\"inputs\": [\(inputs)], \"localDerivatives\": [\(locals)], \"\(key)\": \(number(second[index])) }")
        }
        output.write("\n  ]\n}\n")
    }

    private func number(_ value: Double) -> String { NumberFormat.roundTrip.string(value) }

    /// `text` as a JSON string literal.
    private func string(_ text: String) -> String { text.jsonQuoted }
}
