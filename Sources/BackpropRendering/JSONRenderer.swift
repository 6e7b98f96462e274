import BackpropKit

/// Writes a derivation as JSON, in one of two shapes.
///
/// The default shape, ``Shape/numbers``, holds the numbers of the forward and backward passes, the shape
/// other tools read:
///
///     { "loss": number, "gradInput": [...], "layers": [ { "preactivation": [...], "output": [...],
///       "gradWeights": [[...]], "gradBiases": [...], "gradOutput": [...], "gradPreactivation": [...],
///       "updatedWeights": [[...]], "updatedBiases": [...] } ] }
///
/// `layers[k]` is weight layer k + 1 (as in the network file); `gradWeights[i][j]` = ∂δ/∂w_{k,i,j};
/// `gradBiases` appears only with biases and `updated*` only with a learning rate. Numbers are
/// round-trip doubles.
///
/// ``Shape/steps`` adds the derivation itself, versioned by its `schema` (``stepsSchema``): the same
/// numbers, then every section with its steps, each form as LaTeX and as Unicode text, and its value:
///
///     { "schema": "derive.steps/1", "loss": number, "gradInput": [...], "layers": [...],
///       "sections": [ { "kind": "calculate", "layer": 3, "layerLabel": "n",
///         "steps": [ { "symbol": { "latex": "...", "text": "..." }, "general": {...} | null,
///                      "concrete": {...} | null, "substituted": {...} | null,
///                      "value": number, "optional": false } ] } ] }
///
/// Sections are written one at a time, as the derivation builds them.
public struct JSONRenderer {
    /// The shapes the JSON can take.
    public enum Shape: String, CaseIterable, Sendable {
        /// The numbers alone: the loss, the input gradient and each layer's values and gradients.
        case numbers
        /// The numbers, then every section and step of the derivation (schema ``JSONRenderer/stepsSchema``).
        case steps
    }

    /// The version of the steps shape, written as its `schema`: a change that could break a reader changes it.
    public static let stepsSchema = "derive.steps/1"

    /// The shape written.
    public let shape: Shape
    /// How the steps' symbols are named, or `nil` for the note's notation (``NoteNotation``).
    public let notation: (any Notation)?
    /// The program and version written as `generator`, such as `derive 0.7.0`, or `nil` to leave the field out.
    public let generator: String?

    /// A renderer of `shape`.
    /// - Parameters:
    ///   - shape: The numbers alone (the default), or the numbers and the steps.
    ///   - notation: How the steps' symbols are named; `nil` for the note's notation, labelled n, n-1, ...
    ///   - generator: The program and version that writes the JSON, or `nil` to leave the field out.
    public init(shape: Shape = .numbers, notation: (any Notation)? = nil, generator: String? = nil) {
        self.shape = shape
        self.notation = notation
        self.generator = generator
    }

    /// Writes `derivation` in this renderer's shape.
    /// - Parameters:
    ///   - derivation: The derivation whose numbers (and steps) are written.
    ///   - output: Where the JSON goes, as it is written.
    public func render(_ derivation: Derivation, to output: inout some TextOutputStream) {
        output.write("{\n")
        if shape == .steps { output.write("  \"schema\": \(string(Self.stepsSchema)),\n") }
        if let generator { output.write("  \"generator\": \(string(generator)),\n") }
        writeNumbers(derivation.backpropagation, to: &output)
        if shape == .steps {
            output.write(",\n")
            writeSections(derivation, to: &output)
        }
        output.write("\n}\n")
    }

    // MARK: - Numbers

    private func writeNumbers(_ backpropagation: Backpropagation, to output: inout some TextOutputStream) {
        let forward = backpropagation.forward
        output.write("  \"loss\": \(number(forward.loss)),\n")
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
        output.write("\n  ]")
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

    // MARK: - Steps

    /// The two printers every form goes through, sharing one notation.
    private struct Printers {
        let latex: MathPrinter<LaTeXMath>
        let text: MathPrinter<UnicodeMath>
    }

    private func writeSections(_ derivation: Derivation, to output: inout some TextOutputStream) {
        let notation = notation ?? NoteNotation(depth: derivation.network.depth)
        let printers = Printers(latex: MathPrinter(LaTeXMath(), notation: notation), text: MathPrinter(UnicodeMath(), notation: notation))
        output.write("  \"sections\": [")
        for (index, section) in derivation.sections.enumerated() {
            output.write(index == 0 ? "\n    {" : ",\n    {")
            output.write("\"kind\": \(string(section.kind.name)), ")
            if let k = section.kind.layer {
                output.write("\"layer\": \(k), \"layerLabel\": \(string(notation.layerLabel(k))), ")
            } else {
                output.write("\"layer\": null, \"layerLabel\": null, ")
            }
            output.write("\"steps\": [")
            for (stepIndex, step) in section.steps.enumerated() {
                output.write(stepIndex == 0 ? "\n      " : ",\n      ")
                write(step, printers: printers, to: &output)
            }
            output.write(section.steps.isEmpty ? "]}" : "\n    ]}")
        }
        output.write("\n  ]")
    }

    private func write(_ step: Step, printers: Printers, to output: inout some TextOutputStream) {
        output.write("{\"symbol\": ")
        write(form: step.symbol, printers: printers, to: &output)
        for (name, form) in [("general", step.general), ("concrete", step.concrete), ("substituted", step.substituted)] {
            output.write(", \"\(name)\": ")
            if let form { write(form: form, printers: printers, to: &output) } else { output.write("null") }
        }
        output.write(", \"value\": \(number(step.value)), \"optional\": \(step.isOptional)}")
    }

    private func write(form: Expression, printers: Printers, to output: inout some TextOutputStream) {
        output.write("{\"latex\": \(string(printers.latex.string(form))), \"text\": \(string(printers.text.string(form)))}")
    }

    private func number(_ value: Double) -> String { NumberFormat.roundTrip.string(value) }

    /// `text` as a JSON string literal.
    private func string(_ text: String) -> String { text.jsonQuoted }
}

// MARK: - Section kinds

private extension Section.Kind {
    /// The kind's name in the steps shape: the case's name.
    var name: String {
        switch self {
        case .given: return "given"
        case .forwardPass: return "forwardPass"
        case .loss: return "loss"
        case .errorDerivatives: return "errorDerivatives"
        case .calculate: return "calculate"
        case .furtherCalculate: return "furtherCalculate"
        case .weightDerivatives: return "weightDerivatives"
        case .update: return "update"
        case .propagated: return "propagated"
        case .updatedForwardPass: return "updatedForwardPass"
        case .updatedLoss: return "updatedLoss"
        }
    }
}
