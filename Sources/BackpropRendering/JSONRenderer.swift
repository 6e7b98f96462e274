import BackpropKit

/// Writes the numbers of a derivation as JSON, in the shape other tools read:
///
///     { "loss": number, "gradInput": [...], "layers": [ { "preactivation": [...], "output": [...],
///       "gradWeights": [[...]], "gradBiases": [...], "gradOutput": [...], "gradPreactivation": [...],
///       "updatedWeights": [[...]], "updatedBiases": [...] } ] }
///
/// `layers[k]` is weight layer k + 1 (as in the network file); `gradWeights[i][j]` = ∂δ/∂w_{k,i,j};
/// `gradBiases` appears only with biases and `updated*` only with a learning rate. Numbers are
/// round-trip doubles.
public struct JSONRenderer {
    /// A renderer.
    public init() {}

    public func render(_ derivation: Derivation, to output: inout some TextOutputStream) {
        let backpropagation = derivation.backpropagation
        let forward = backpropagation.forward
        output.write("{\n  \"loss\": \(number(forward.loss)),\n")
        output.write("  \"gradInput\": ")
        write(backpropagation.inputGradient, to: &output)
        output.write(",\n  \"layers\": [")
        for (index, gradients) in backpropagation.layers.enumerated() {
            let k = gradients.layer
            output.write(index == 0 ? "\n    {\n" : ",\n    {\n")
            field("preactivation", forward.preactivations[k], to: &output)
            field("output", forward.activations[k], to: &output)
            matrixField("gradWeights", gradients.weightGradient, to: &output)
            if let biases = gradients.biasGradient { field("gradBiases", biases, to: &output) }
            field("gradOutput", gradients.outputGradient, to: &output)
            let hasUpdates = gradients.updatedWeights != nil
            field("gradPreactivation", gradients.preactivationGradient, to: &output, last: !hasUpdates)
            if let updated = gradients.updatedWeights {
                matrixField("updatedWeights", updated, to: &output, last: gradients.updatedBiases == nil)
            }
            if let updated = gradients.updatedBiases { field("updatedBiases", updated, to: &output, last: true) }
            output.write("    }")
        }
        output.write("\n  ]\n}\n")
    }

    private func field(_ name: String, _ values: [Double], to output: inout some TextOutputStream, last: Bool = false) {
        output.write("      \"\(name)\": ")
        write(values, to: &output)
        output.write(last ? "\n" : ",\n")
    }

    private func matrixField(_ name: String, _ rows: [[Double]], to output: inout some TextOutputStream, last: Bool = false) {
        output.write("      \"\(name)\": [")
        for (index, row) in rows.enumerated() {
            output.write(index == 0 ? "\n        " : ",\n        ")
            write(row, to: &output)
        }
        output.write("\n      ]" + (last ? "\n" : ",\n"))
    }

    private func write(_ values: [Double], to output: inout some TextOutputStream) {
        output.write("[")
        for (index, value) in values.enumerated() {
            if index > 0 { output.write(", ") }
            output.write(number(value))
        }
        output.write("]")
    }

    private func number(_ value: Double) -> String { NumberFormat.roundTrip.string(value) }
}
